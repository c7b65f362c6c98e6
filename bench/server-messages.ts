/** Messages between the benchmark (parent) and a server under test (child process), over IPC. */

/** The child is listening. */
export interface ReadyMessage {
  type: 'ready';
  url: string;
  /** Extra facts the child reports (docs pages, index build time, webhook secrets in use). */
  info: Record<string, number | string | boolean>;
}

/** The child's memory after a full garbage collection. */
export interface MemoryMessage {
  type: 'memory';
  rss: number;
  heapUsed: number;
  /** Memory of Buffers and other objects outside the JS heap (sockets, uploads being read). */
  external?: number;
}

/** Counters the child keeps (the app's answer cache), read after a load. */
export interface StatsMessage {
  type: 'stats';
  stats: Record<string, number>;
}

/** What a child sends. */
export type ChildMessage = ReadyMessage | MemoryMessage | StatsMessage;

/** What the parent asks: measure memory, read the counters, or stop. */
export type ParentMessage = { type: 'memory' } | { type: 'stats' } | { type: 'stop' };

/** Type guard for messages from a child. */
export function isChildMessage(value: unknown): value is ChildMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'memory' || type === 'stats';
}
