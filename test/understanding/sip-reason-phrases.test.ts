import { sipResponsesAsTokens } from '../../src/understanding/sip-reason-phrases';

describe('sipResponsesAsTokens', () => {
  it('reads a SIP code with its reason phrase as one token, in the ways engineers write it', () => {
    expect(sipResponsesAsTokens('calls get 488 Not Acceptable Here since noon')).toBe(
      'calls get sip488 since noon',
    );
    expect(sipResponsesAsTokens('403 - Forbidden on every call')).toBe('sip403 on every call');
    expect(sipResponsesAsTokens('a 486 busy here and a 603: Decline')).toBe('a sip486 and a sip603');
    expect(sipResponsesAsTokens('why 488 not acceptable')).toBe('why sip488');
  });

  it('leaves feelings and numbers without a reason phrase alone', () => {
    expect(sipResponsesAsTokens('this is not acceptable')).toBe('this is not acceptable');
    expect(sipResponsesAsTokens('we sent 488 calls, not acceptable')).toBe(
      'we sent 488 calls, not acceptable',
    );
    expect(sipResponsesAsTokens('error 503 again')).toBe('error 503 again');
  });
});
