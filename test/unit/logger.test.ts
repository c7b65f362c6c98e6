import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger, prettyDestination, wantsPrettyLogs } from '../../src/logger';

describe('logger', () => {
  it('never writes a secret setting, a password or a cookie, even when handed the whole config', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config = loadConfig({
      ADMIN_PASSWORD: 'admin-secret-1',
      TELEGRAM_BOT_TOKEN: '123:telegram-secret',
      TWILIO_AUTH_TOKEN: 'twilio-secret',
      REDIS_URL: 'redis://:redis-secret@127.0.0.1:6379',
    });
    const log = createLogger('info', sink);
    log.info({ config }, 'starting');
    log.info(
      { request: { headers: { cookie: 'handoff_agent=cookie-secret' } }, password: 'pw-secret' },
      'login',
    );
    const output = lines.join('');
    for (const secret of [
      'admin-secret-1',
      'telegram-secret',
      'twilio-secret',
      'redis-secret',
      'cookie-secret',
      'pw-secret',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
    expect(output).toContain('"PORT":3000');
  });
});

describe('log format', () => {
  it('is pretty only at a terminal outside production', () => {
    expect(wantsPrettyLogs('development', true)).toBe(true);
    expect(wantsPrettyLogs(undefined, true)).toBe(true);
    expect(wantsPrettyLogs('production', true)).toBe(false);
    expect(wantsPrettyLogs(undefined, false)).toBe(false);
    expect(wantsPrettyLogs(undefined, undefined)).toBe(false);
  });

  it('prints the first admin password as a readable line, not JSON, and still redacts secrets', () => {
    let output = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const log = createLogger('info', prettyDestination(sink));
    log.warn(
      { username: 'admin', password: 'pw-secret' },
      'Created the first agent "admin" with password: x7Kq2',
    );
    expect(output).toMatch(
      /^\[\d\d:\d\d:\d\d\] WARN: Created the first agent "admin" with password: x7Kq2\n/,
    );
    expect(output).toContain('username: "admin"');
    expect(output).not.toContain('pw-secret');
    expect(output).not.toContain('{"level"');
  });
});
