import { withoutReportedSpeech } from '../../src/understanding/reported-speech';

describe('withoutReportedSpeech', () => {
  it('replaces quoted speech of three or more words', () => {
    expect(withoutReportedSpeech("can the IVR say 'please hold for an operator' first?")).toBe(
      'can the IVR say a message first?',
    );
    expect(withoutReportedSpeech('greeting: “all our agents are busy”')).toBe('greeting: a message');
    expect(withoutReportedSpeech('it plays "sorry, nobody is available" and hangs up')).toBe(
      'it plays a message and hangs up',
    );
  });

  it('keeps short quotes, apostrophes and unquoted text', () => {
    expect(withoutReportedSpeech("I typed 'Human' and waited")).toBe("I typed 'Human' and waited");
    expect(withoutReportedSpeech("don't make me wait, it's urgent")).toBe("don't make me wait, it's urgent");
    expect(withoutReportedSpeech('let me talk to a person')).toBe('let me talk to a person');
  });
});
