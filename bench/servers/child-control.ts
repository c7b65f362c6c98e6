import type { ChildMessage, ParentMessage } from '../server-messages';

/**
 * Wires a server child to its parent: reports readiness, answers memory requests after a full GC
 * (the child runs with `--expose-gc`), and stops on request or when the parent goes away.
 */
export function controlFromParent(
  ready: ChildMessage,
  stop: () => Promise<void>,
  stats: () => Record<string, number> = () => ({}),
): void {
  const reply = (message: ChildMessage) => process.send?.(message);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void stop()
      .catch(() => undefined)
      .then(() => process.exit(0));
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') shutdown();
    if (message.type === 'stats') reply({ type: 'stats', stats: stats() });
    if (message.type === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      reply({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
    }
  });
  // The parent died without saying stop: do not linger as an orphan holding sockets.
  process.on('disconnect', shutdown);
  reply(ready);
}
