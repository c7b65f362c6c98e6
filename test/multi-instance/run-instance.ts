/**
 * Starts one instance of the app from the environment and prints `{"url": ...}` on one line, so a
 * test can run it as a child process and really kill it (SIGKILL) mid-conversation.
 */
import { createApp } from '../../app/create-app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

async function main(): Promise<void> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...process.env });
  const lease = Number(process.env.TEST_POLLING_LEASE_MS ?? 0);
  const app = await createApp(config, createLogger(config.LOG_LEVEL), {
    ...(lease > 0 && { pollingLeaseTtlMs: lease }),
    // As in test/support/start-app.ts: these agents claim without classifying.
    classifyBeforeTaking: false,
  });
  const url = await app.listen();
  process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);
  process.on('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
