import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('has working defaults for an embedded single-machine run', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.KB_BASE_URL).toBe('https://docs.connexcs.com');
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DATA_DIR).toMatch(/data$/);
  });

  it('exempts loopback from the per-address limits unless told otherwise', () => {
    expect(loadConfig({}).RATE_LIMIT_ALLOW).toEqual(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
    expect(loadConfig({ RATE_LIMIT_ALLOW: 'none' }).RATE_LIMIT_ALLOW).toEqual([]);
    expect(loadConfig({ RATE_LIMIT_ALLOW: '10.0.0.5, 10.0.0.6' }).RATE_LIMIT_ALLOW).toEqual([
      '10.0.0.5',
      '10.0.0.6',
    ]);
  });

  it('names every bad variable when it refuses to start', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', KB_BASE_URL: 'not a url', REDIS_URL: 'localhost:6379' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('KB_BASE_URL');
    expect(message).toContain('REDIS_URL');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PUBLIC_URL: '', TELEGRAM_BOT_TOKEN: '  ' })).toMatchObject({
      PUBLIC_URL: undefined,
      TELEGRAM_BOT_TOKEN: undefined,
    });
  });

  it('refuses a short admin password', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });
});
