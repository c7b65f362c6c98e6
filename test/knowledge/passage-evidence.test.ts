import { passageHoldsEvidence } from '../../src/knowledge/passage-evidence';

describe('whether an answer quotes the sentence that answers the question', () => {
  const passage =
    'Forwarding starts with the next call.\nForwarded calls are charged per minute at the mobile rate.';

  it('counts a sentence quoted in other forms of its words, or cut, as held', () => {
    expect(passageHoldsEvidence(passage, 'A forwarded call is charged per minute.')).toBe(true);
    expect(passageHoldsEvidence(passage, 'charged at the mobile rate, per minute, for each call')).toBe(true);
  });

  it('does not count a passage that shares only a word or two with it', () => {
    expect(passageHoldsEvidence(passage, 'Voicemail greetings can be recorded for each extension.')).toBe(
      false,
    );
    expect(passageHoldsEvidence(passage, 'the and of')).toBe(false);
  });
});
