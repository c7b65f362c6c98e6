import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-connection';

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded on first use and again after a Redis restart
 * (which empties the script cache). Each run is atomic in Redis.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script; `args` become ARGV. Keys are built inside the script from a prefix argument. */
  async run(client: RedisClient, args: (string | number)[]): Promise<unknown> {
    const options = { keys: [], arguments: args.map(String) };
    try {
      return await client.evalSha(this.sha, options);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, options);
    }
  }
}
