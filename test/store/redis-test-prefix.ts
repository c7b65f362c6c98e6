import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { serviceEnv } from '../support/service-env';

/** The Redis every integration test uses, chosen by jest's globalSetup (never flushed: tests isolate themselves by prefix). */
export const TEST_REDIS_URL = serviceEnv('TEST_REDIS_URL');

/** A key prefix no other test run uses. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomBytes(6).toString('hex')}:`;
}

/** A connected client for the test Redis. */
export async function connectTestRedis(url = TEST_REDIS_URL) {
  const client = createClient({ url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Deletes every key under `prefix` (and only those). */
export async function deleteKeys(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  const client = await connectTestRedis(url);
  let deleted = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length) deleted += await client.unlink(keys);
    }
  } finally {
    await client.close();
  }
  return deleted;
}
