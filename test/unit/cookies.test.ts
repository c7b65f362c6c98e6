import { readCookie } from '../../adapters/http/cookies';

describe('readCookie', () => {
  it('reads one cookie among several, decoded, and nothing else', () => {
    const header = 'theme=dark; handoff_session=abc%2F123; other=x';
    expect(readCookie(header, 'handoff_session')).toBe('abc/123');
    expect(readCookie(header, 'missing')).toBeUndefined();
    expect(readCookie(undefined, 'handoff_session')).toBeUndefined();
    expect(readCookie('handoff_session="quoted"', 'handoff_session')).toBe('quoted');
  });

  it('refuses a value that is not valid percent-encoding', () => {
    expect(readCookie('handoff_session=%E0%A4%A', 'handoff_session')).toBeUndefined();
  });
});
