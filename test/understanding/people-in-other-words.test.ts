import { productUnderstanding } from '../support/understanding';

// Sentences written for this test (not in nlu/): people in reported speech, or a request for a
// person after a reaction to the bot, on one line without a capital letter.
// The product's models, read from the cache the app keeps when nlu/ has not changed (trained otherwise).
const understander = productUnderstanding();

describe('people named in other words', () => {
  it('does not take a person in reported speech for a request', () => {
    const u = understander.understandNow(
      "should my voicemail greeting say 'press star to talk to a real person'?",
    );
    expect(u.intent).not.toBe('handoff.request');
  });

  it('takes a request for a person after a reaction, even without a capital letter', () => {
    const u = understander.understandNow('no, that is not it. let me speak to someone');
    expect(u.intent).toBe('handoff.request');
  });
});
