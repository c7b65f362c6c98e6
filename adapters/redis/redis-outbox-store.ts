import { LuaScript } from './lua-script';
import type { RedisClient } from './redis-connection';
import type { OutboxEntry, OutboxStore, QueuedEntry } from '../../src/delivery/outbox-store';
import { readQueuedEntry } from '../../src/store/stored-documents';

/** Takes due entries: ARGV prefix, now, leaseUntil, limit, [key]. Returns their JSON. */
const TAKE = new LuaScript(`
local p, now, leaseUntil, limit, only = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4]), ARGV[5]
local due, entries = p .. 'outbox:due', p .. 'outbox:entries'
local keys
if only then
  local score = redis.call('ZSCORE', due, only)
  if not score or tonumber(score) > now then return {} end
  keys = {only}
else
  keys = redis.call('ZRANGEBYSCORE', due, '-inf', now, 'LIMIT', 0, limit)
end
local taken = {}
for _, key in ipairs(keys) do
  redis.call('ZADD', due, leaseUntil, key)
  taken[#taken + 1] = redis.call('HGET', entries, key)
end
return taken
`);

/** Adds an entry unless present: ARGV prefix, key, nextAt, JSON. Returns 1 when added. */
const ADD = new LuaScript(`
local p = ARGV[1]
if redis.call('HSETNX', p .. 'outbox:entries', ARGV[2], ARGV[4]) == 0 then return 0 end
redis.call('ZADD', p .. 'outbox:due', ARGV[3], ARGV[2])
return 1
`);

/** The outbox in Redis: a hash of entries and a sorted set of when each is due. */
export class RedisOutboxStore<E extends QueuedEntry = OutboxEntry> implements OutboxStore<E> {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  async add(entry: E): Promise<boolean> {
    const added = await ADD.run(this.client, [this.prefix, entry.key, entry.nextAt, JSON.stringify(entry)]);
    return added === 1;
  }

  async take(key: string, now: number, leaseMs: number): Promise<E | undefined> {
    const [taken] = await this.run(now, leaseMs, 1, key);
    return taken;
  }

  async takeDue(now: number, leaseMs: number, limit: number): Promise<E[]> {
    return this.run(now, leaseMs, limit);
  }

  async retryLater(entry: E): Promise<void> {
    await this.client.hSet(`${this.prefix}outbox:entries`, entry.key, JSON.stringify(entry));
    await this.client.zAdd(`${this.prefix}outbox:due`, { score: entry.nextAt, value: entry.key });
  }

  async remove(key: string): Promise<void> {
    await this.client.zRem(`${this.prefix}outbox:due`, key);
    await this.client.hDel(`${this.prefix}outbox:entries`, key);
  }

  async size(): Promise<number> {
    return this.client.zCard(`${this.prefix}outbox:due`);
  }

  async close(): Promise<void> {
    // The connection belongs to the cluster wiring, which closes it.
  }

  private async run(now: number, leaseMs: number, limit: number, only?: string): Promise<E[]> {
    const args = [this.prefix, now, now + leaseMs, limit, ...(only === undefined ? [] : [only])];
    const docs = (await TAKE.run(this.client, args)) as (string | null)[];
    return docs.filter((doc): doc is string => doc !== null).map((doc) => readQueuedEntry<E>(doc));
  }
}
