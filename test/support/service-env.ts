/** A value jest's globalSetup (scripts/test-services.ts) put in the environment: a service's address or binary. */
export function serviceEnv(name: 'TEST_REDIS_URL' | 'REDIS_SERVER_PATH' | 'CHROMIUM_PATH'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: run the tests through jest, whose globalSetup sets it`);
  return value;
}
