import { withServer, type BenchContext } from '../context';
import { connectMany } from '../load/chat-customer';
import { round } from '../stats';

/** Section 6: what idle web-chat customers cost the server in memory. */
export interface IdleMemoryResult {
  /** Customers asked for, and how many were connected when memory was read. */
  requested: number;
  connected: number;
  /** Server RSS after a full GC, before any customer and with all of them connected (MiB). */
  rssBeforeMiB: number;
  rssAfterMiB: number;
  heapAfterMiB: number;
  /** (RSS after - RSS before) / connected customers, in KiB. */
  perConnectionKiB: number;
  connectMs: number;
  connectErrors: string[];
}

const MIB = 1024 * 1024;

/** Connects the idle customers from this process to the app in its child and reads the child's RSS. */
export async function measureIdleMemory(context: BenchContext): Promise<IdleMemoryResult> {
  const { plan } = context.options;
  context.progress(`memory: ${plan.idleCustomers} idle web-chat customers`);
  return withServer(context.startApp(), async (server) => {
    const before = await server.memory();
    const started = performance.now();
    const { customers, errors } = await connectMany(server.url, plan.idleCustomers, {
      parallel: 250,
      deadline: Date.now() + plan.loadDeadlineMs * 2,
    });
    const connectMs = performance.now() - started;
    // Let the last handshakes settle before reading memory.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await server.memory();
    for (const customer of customers) customer.close();
    const connected = customers.length;
    return {
      requested: plan.idleCustomers,
      connected,
      rssBeforeMiB: round(before.rss / MIB, 1),
      rssAfterMiB: round(after.rss / MIB, 1),
      heapAfterMiB: round(after.heapUsed / MIB, 1),
      perConnectionKiB: connected ? round((after.rss - before.rss) / connected / 1024, 1) : 0,
      connectMs: Math.round(connectMs),
      connectErrors: errors,
    };
  });
}
