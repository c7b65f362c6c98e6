import { TypingSignal } from '../../src/realtime/typing-signal';

describe('typing signal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says "typing" once for a burst of keys and "stopped" after a pause', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal((on) => sent.push(on), 2500);
    signal.keystroke();
    jest.advanceTimersByTime(1000);
    signal.keystroke();
    signal.keystroke();
    expect(sent).toEqual([true]);
    jest.advanceTimersByTime(2499);
    expect(sent).toEqual([true]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
  });

  it('stops at once when the message is sent, and only once', () => {
    const sent: boolean[] = [];
    const signal = new TypingSignal((on) => sent.push(on));
    signal.keystroke();
    signal.stop();
    signal.stop();
    jest.advanceTimersByTime(5000);
    expect(sent).toEqual([true, false]);
  });
});
