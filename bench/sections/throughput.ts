import type { ChildServer } from '../child-server';
import { withServer, type BenchContext, type MixKind } from '../context';
import { fixedLoad, sustainedLoad, type ChatLoadResult, type ClientRateLimit } from '../load/chat-load';
import { round } from '../stats';

type SustainedResult = ChatLoadResult & { newCustomers: number };

/** The app's answer cache during one load: questions answered from memory, and retrieved. */
export interface AnswerCacheUse {
  hits: number;
  misses: number;
}

/** A load on the real app, with what its answer cache did and the server's CPU time per message. */
export type AppLoadResult<T extends ChatLoadResult = ChatLoadResult> = T & {
  answerCache?: AnswerCacheUse;
  /** The server process's CPU time (user + system) during the load, per message it was sent. */
  serverCpuMsPerMessage?: number;
};

/** The app with its answer cache off: every question goes through retrieval. */
const NO_ANSWER_CACHE = { ANSWER_CACHE_SIZE: '0' };

/** Runs a load against a fresh app server and reads its answer cache counters afterwards. */
async function onApp<T extends ChatLoadResult>(
  context: BenchContext,
  load: (server: ChildServer) => Promise<T>,
  env: Record<string, string> = {},
): Promise<AppLoadResult<T>> {
  return withServer(context.startApp(env), async (server) => {
    const before = await server.stats();
    const result = await load(server);
    const stats = await server.stats();
    const cpuMicros = (stats.cpuMicros ?? 0) - (before.cpuMicros ?? 0);
    return {
      ...result,
      answerCache: { hits: stats.answerCacheHits ?? 0, misses: stats.answerCacheMisses ?? 0 },
      ...(result.sent > 0 &&
        cpuMicros > 0 && { serverCpuMsPerMessage: round(cpuMicros / 1000 / result.sent, 3) }),
    };
  });
}

/**
 * Just under the chat gateway's per-customer limit (20 messages burst, 2 per second): a customer
 * who would be refused hands its slot to a new customer instead.
 */
const WIDGET_RATE_LIMIT: ClientRateLimit = { capacity: 19, perSecond: 1.9 };

/** Sections 1 to 3: the bare socket.io limit, the bot path at the same load, and their ratio. */
export interface ThroughputPair {
  /** The echo under the realistic load, with the same clients and rate limit as the app. */
  limit?: SustainedResult;
  /** The app as shipped (answer cache on) under the realistic load: the headline. */
  bot?: AppLoadResult<SustainedResult>;
  /** The app with the answer cache off: every docs answer retrieved. */
  botUncached?: AppLoadResult<SustainedResult>;
  /** The app under the seed asked over and over unchanged: what the answer cache makes of it. */
  botCached?: AppLoadResult<SustainedResult>;
  /** Right-kind bot replies/s divided by echo replies/s, from this same run and load. */
  ratio?: number;
}

/**
 * Runs the echo server and then the real app under the same closed-loop load: the same clients,
 * the same client-side rate limit and the same messages in the same order. Only the counting
 * differs, and only because the echo understands nothing: any echo reply counts, while an app
 * reply counts only when it is the kind the message should get.
 */
export async function measureThroughputPair(
  context: BenchContext,
  which: { limit: boolean; bot: boolean },
): Promise<ThroughputPair> {
  const { plan } = context.options;
  const load = (url: string, mix: MixKind, accept: 'kind' | 'any' = 'kind') =>
    sustainedLoad({
      url,
      customers: plan.throughputCustomers,
      durationMs: plan.throughputMs,
      messages: context.mix(mix),
      answerTimeoutMs: plan.answerTimeoutMs,
      rateLimit: WIDGET_RATE_LIMIT,
      accept,
    });
  const what = `${plan.throughputCustomers} customers, ${plan.throughputMs} ms`;
  const pair: ThroughputPair = {};
  if (which.limit) {
    context.progress(`limit: bare socket.io echo, realistic load, ${what}`);
    pair.limit = await withServer(context.startEcho(), (server) => load(server.url, 'realistic', 'any'));
  }
  if (which.bot) {
    context.progress(`bot path: real app, realistic load, ${what}`);
    pair.bot = await onApp(context, (server) => load(server.url, 'realistic'));
    context.progress(`bot path, answer cache off: realistic load, ${what}`);
    pair.botUncached = await onApp(context, (server) => load(server.url, 'realistic'), NO_ANSWER_CACHE);
    context.progress(`bot path, fully cached load (seed repeated verbatim), ${what}`);
    pair.botCached = await onApp(context, (server) => load(server.url, 'cached'));
  }
  if (pair.limit && pair.bot && pair.limit.messagesPerSecond > 0) {
    pair.ratio = round(pair.bot.messagesPerSecond / pair.limit.messagesPerSecond, 3);
  }
  return pair;
}

/** The Botpress benchmark's shape: 1,000 customers x 5 messages against the real app. */
export async function measureBotpressShape(context: BenchContext): Promise<AppLoadResult> {
  const { plan } = context.options;
  context.progress(`botpress shape: ${plan.botpressCustomers} customers x ${plan.botpressMessages} messages`);
  return onApp(context, (server) =>
    fixedLoad({
      url: server.url,
      customers: plan.botpressCustomers,
      messagesEach: plan.botpressMessages,
      messages: context.mix('realistic'),
      answerTimeoutMs: plan.answerTimeoutMs,
      deadlineMs: plan.loadDeadlineMs,
    }),
  );
}

/** Section 8: the bot path at growing concurrency, each level on a fresh server. */
export async function measureCostGrowth(context: BenchContext): Promise<AppLoadResult[]> {
  const { plan } = context.options;
  const levels: AppLoadResult[] = [];
  for (const customers of plan.growthLevels) {
    // Enough messages per level for stable percentiles, within the 20-message burst limit.
    const messagesEach = Math.min(15, Math.max(3, Math.ceil(3000 / customers)));
    context.progress(`cost growth: ${customers} customers x ${messagesEach} messages`);
    levels.push(
      await onApp(context, (server) =>
        fixedLoad({
          url: server.url,
          customers,
          messagesEach,
          messages: context.mix('realistic'),
          answerTimeoutMs: plan.answerTimeoutMs,
          deadlineMs: plan.loadDeadlineMs,
        }),
      ),
    );
  }
  return levels;
}
