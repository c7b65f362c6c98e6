import { randomBytes } from 'node:crypto';
import type { Logger } from '../../src/logger';
import { LuaScript } from './lua-script';
import type { RedisClient } from './redis-connection';
import type { AcquireLease, Lease, LeaseHandlers } from '../../src/cluster/lease';

/** Extends the lease only while this owner still holds it. ARGV: key, owner, ttlMs. */
const RENEW = new LuaScript(`
if redis.call('GET', ARGV[1]) == ARGV[2] then return redis.call('PEXPIRE', ARGV[1], ARGV[3]) end
return 0
`);

/** Deletes the lease only if this owner holds it. ARGV: key, owner. */
const RELEASE = new LuaScript(`
if redis.call('GET', ARGV[1]) == ARGV[2] then return redis.call('DEL', ARGV[1]) end
return 0
`);

/** Options of the Redis lease factory. */
export interface RedisLeaseOptions {
  client: RedisClient;
  prefix: string;
  log: Logger;
  /** Who holds a lease (shown in Redis); a random id per instance by default. */
  owner?: string;
}

/**
 * Leases kept in Redis: `SET key owner NX PX ttl` to take one, a check-and-extend script every
 * third of the TTL to keep it. A holder that dies stops renewing and another instance takes over
 * once the TTL runs out. A holder that cannot reach Redis for a whole TTL gives the lease up
 * itself, so two instances never both believe they hold it for longer than one renewal interval.
 */
export function redisLeases(options: RedisLeaseOptions): AcquireLease {
  const owner = options.owner ?? `${process.pid}-${randomBytes(4).toString('hex')}`;
  return (name, ttlMs, handlers) => new RedisLease(options, owner, name, ttlMs, handlers);
}

class RedisLease implements Lease {
  private heldSince = 0;
  private renewedAt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly key: string;

  constructor(
    private readonly options: RedisLeaseOptions,
    private readonly owner: string,
    readonly name: string,
    private readonly ttlMs: number,
    private readonly handlers: LeaseHandlers,
  ) {
    this.key = `${options.prefix}lease:${name}`;
    void this.tick();
  }

  get held(): boolean {
    return this.heldSince > 0;
  }

  async release(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (!this.held) return;
    await this.lose('released');
    await RELEASE.run(this.options.client, [this.key, this.owner]).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    try {
      if (this.held) await this.renew();
      else await this.tryAcquire();
    } catch (error) {
      // Redis unreachable: keep the lease only while it cannot have expired.
      if (this.held && Date.now() - this.renewedAt >= this.ttlMs) {
        this.options.log.warn({ err: error, lease: this.name }, 'lease not renewed in time; giving it up');
        await this.lose('unreachable');
      }
    }
    if (!this.stopped) {
      // The holder renews every third of the TTL; the others look every second at most, so a
      // released lease (drain) is taken over at once rather than after a whole TTL.
      const every = Math.floor(this.ttlMs / 3);
      this.timer = setTimeout(
        () => void this.tick(),
        Math.max(50, this.held ? every : Math.min(every, 1000)),
      );
      this.timer.unref();
    }
  }

  private async tryAcquire(): Promise<void> {
    const reply = await this.options.client.set(this.key, this.owner, {
      condition: 'NX',
      expiration: { type: 'PX', value: this.ttlMs },
    });
    if (reply !== 'OK') return;
    if (this.stopped) {
      await RELEASE.run(this.options.client, [this.key, this.owner]);
      return;
    }
    this.heldSince = this.renewedAt = Date.now();
    this.options.log.info({ lease: this.name, owner: this.owner }, 'lease acquired');
    await Promise.resolve(this.handlers.onAcquired()).catch((error: unknown) =>
      this.options.log.error({ err: error, lease: this.name }, 'lease holder failed to start'),
    );
  }

  private async renew(): Promise<void> {
    const started = Date.now();
    const kept = await RENEW.run(this.options.client, [this.key, this.owner, this.ttlMs]);
    if (kept === 1) this.renewedAt = started;
    else await this.lose('taken over');
  }

  private async lose(reason: string): Promise<void> {
    if (!this.held) return;
    this.heldSince = 0;
    this.options.log.info({ lease: this.name, reason }, 'lease lost');
    await Promise.resolve(this.handlers.onLost()).catch((error: unknown) =>
      this.options.log.error({ err: error, lease: this.name }, 'lease holder failed to stop'),
    );
  }
}
