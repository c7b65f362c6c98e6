import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { RedisClient } from '../redis/redis-connection';

/** Every limit the edge enforces; `…PerAddress` ones are keyed by the client's address. */
export type LimitName =
  | 'newChatsPerAddress'
  | 'messagesPerSession'
  | 'messagesPerAddress'
  | 'uploadsPerSession'
  | 'uploadsPerAddress'
  | 'uploadBytesPerSession'
  | 'uploadBytesPerAddress'
  | 'feedbackPerSession'
  | 'feedbackPerAddress'
  | 'typingPerSession'
  | 'typingPerAddress'
  | 'loginsPerUsername'
  | 'loginsPerAddress'
  | 'apiRequestsPerToken';

/** An allowance: `points` per `seconds`. */
export interface LimitRule {
  points: number;
  seconds: number;
}

const MINUTE = 60;
const HOUR = 3600;
const MB = 1024 * 1024;

/** The allowances the settings describe (README "Security" lists them). */
export function limitRules(config: Config): Record<LimitName, LimitRule> {
  return {
    newChatsPerAddress: { points: config.RATE_NEW_CHATS_PER_ADDRESS, seconds: MINUTE },
    messagesPerSession: { points: config.RATE_MESSAGES_PER_SESSION, seconds: MINUTE },
    messagesPerAddress: { points: config.RATE_MESSAGES_PER_ADDRESS, seconds: MINUTE },
    uploadsPerSession: { points: config.RATE_UPLOADS_PER_SESSION, seconds: HOUR },
    uploadsPerAddress: { points: config.RATE_UPLOADS_PER_ADDRESS, seconds: HOUR },
    uploadBytesPerSession: { points: config.RATE_UPLOAD_MB_PER_SESSION * MB, seconds: HOUR },
    uploadBytesPerAddress: { points: config.RATE_UPLOAD_MB_PER_ADDRESS * MB, seconds: HOUR },
    feedbackPerSession: { points: config.RATE_FEEDBACK_PER_SESSION, seconds: MINUTE },
    feedbackPerAddress: { points: config.RATE_FEEDBACK_PER_ADDRESS, seconds: MINUTE },
    typingPerSession: { points: config.RATE_TYPING_PER_SESSION, seconds: MINUTE },
    typingPerAddress: { points: config.RATE_TYPING_PER_ADDRESS, seconds: MINUTE },
    loginsPerUsername: { points: config.RATE_LOGINS_PER_USERNAME, seconds: 15 * MINUTE },
    loginsPerAddress: { points: config.RATE_LOGINS_PER_ADDRESS, seconds: 15 * MINUTE },
    apiRequestsPerToken: { points: config.RATE_API_PER_TOKEN, seconds: MINUTE },
  };
}

/**
 * The edge's rate limits, through rate-limiter-flexible: in memory on one instance, in Redis when
 * REDIS_URL is set, so every instance draws on one allowance per person and per address. If Redis
 * stops answering, each instance falls back to its own in-memory counters rather than refusing all.
 */
export class Limits {
  private readonly limiters = new Map<LimitName, RateLimiterAbstract>();
  private readonly allowed: ReadonlySet<string>;

  constructor(
    rules: Record<LimitName, LimitRule>,
    options: { redis?: RedisClient; prefix?: string; allow?: readonly string[]; log?: Logger } = {},
  ) {
    this.allowed = new Set(options.allow ?? []);
    for (const [name, rule] of Object.entries(rules) as [LimitName, LimitRule][]) {
      const base = {
        points: rule.points,
        duration: rule.seconds,
        keyPrefix: `${options.prefix ?? ''}rl:${name}`,
      };
      this.limiters.set(
        name,
        options.redis
          ? new RateLimiterRedis({
              ...base,
              storeClient: options.redis,
              useRedisPackage: true,
              insuranceLimiter: new RateLimiterMemory(base),
            })
          : new RateLimiterMemory(base),
      );
    }
  }

  /** Takes `points` from `key`'s allowance under `name`; false when that would go over it. */
  async take(name: LimitName, key: string, points = 1): Promise<boolean> {
    if (name.endsWith('PerAddress') && this.allowed.has(key)) return true;
    try {
      await this.limiter(name).consume(key, points);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }

  /** Gives `key` its whole allowance back (a successful sign-in clears its failures). */
  async reset(name: LimitName, key: string): Promise<void> {
    await this.limiter(name).delete(key);
  }

  private limiter(name: LimitName): RateLimiterAbstract {
    const limiter = this.limiters.get(name);
    if (!limiter) throw new Error(`No limit named ${name}`);
    return limiter;
  }
}
