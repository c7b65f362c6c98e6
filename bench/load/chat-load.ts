import { summarize, round, type LatencySummary } from '../stats';
import { ChatCustomer, connectMany, type AskOutcome } from './chat-customer';
import type { LoadMessage, MixStats } from './message-mix';

/** The Botpress benchmark's service level: an answer within 1.5 s. */
export const SLA_MS = 1500;

/** What a chat load produced. */
export interface ChatLoadResult {
  /** Customers connected at the same time. */
  customers: number;
  sent: number;
  /**
   * Messages whose first reply was of the kind they should get (a docs answer for a docs
   * question, the report flow for a problem report…), or, with `accept: 'any'`, any reply.
   */
  answered: number;
  /** Replies of the wrong kind (a greeting or a "no answer" for a docs question), by "expected→got". */
  wrongKind: number;
  wrongKinds: Record<string, number>;
  /** Messages that got no answer (timeout, refused, never sent before the deadline). */
  missing: number;
  missingReasons: Record<string, number>;
  connectFailed: number;
  durationMs: number;
  /** Right-kind replies per second (any reply with `accept: 'any'`). */
  messagesPerSecond: number;
  latency: LatencySummary;
  /** Answers slower than the 1.5 s the Botpress benchmark uses as its target. */
  overSla: number;
  /**
   * Conversations a flow handed to a person (a reported outage, for instance): the bot answered,
   * and a new customer asked the remaining questions, since the bot stays quiet while a human has it.
   */
  handedOff: number;
  /** A few questions that got no answer, for finding out why. */
  missingExamples: string[];
  /** A few messages answered with the wrong kind of reply. */
  wrongExamples: string[];
  /** The messages of this load: how many, how many word-for-word repeats, per kind. */
  mix?: MixStats;
  /** Which replies counted: of the right kind, or any (the echo understands nothing). */
  accept: 'kind' | 'any';
}

interface Tally {
  accept: 'kind' | 'any';
  latencies: number[];
  sent: number;
  missingReasons: Record<string, number>;
  wrongKinds: Record<string, number>;
  handedOff: number;
  missingExamples: string[];
  wrongExamples: string[];
}

function newTally(accept: 'kind' | 'any'): Tally {
  return {
    accept,
    latencies: [],
    sent: 0,
    missingReasons: {},
    wrongKinds: {},
    handedOff: 0,
    missingExamples: [],
    wrongExamples: [],
  };
}

/** Where a load takes its messages from, one at a time (a `MessageMix`). */
export interface MessageSource {
  next(): LoadMessage;
  stats(): MixStats;
}

/** Options shared by both load shapes. */
export interface ChatLoadOptions {
  url: string;
  customers: number;
  messages: MessageSource;
  /** A question with no answer after this long counts as missing. */
  answerTimeoutMs: number;
  /** Count only replies of the right kind (the app), or any reply (the echo). Default 'kind'. */
  accept?: 'kind' | 'any';
}

/** A per-customer token bucket the client keeps to stay under the server's rate limit. */
export interface ClientRateLimit {
  capacity: number;
  perSecond: number;
}

/**
 * Closed loop at a fixed concurrency for a fixed time: `customers` stay connected and each asks
 * one question after another. With `rateLimit`, a customer about to exceed the server's
 * per-customer limit leaves and a new customer takes its place (counted in `newCustomers`), as
 * the product refuses more than a person could type.
 */
export async function sustainedLoad(
  options: ChatLoadOptions & { durationMs: number; rateLimit?: ClientRateLimit },
): Promise<ChatLoadResult & { newCustomers: number }> {
  const tally = newTally(options.accept ?? 'kind');
  const deadline = Date.now() + options.durationMs;
  const { customers, failed } = await connectMany(options.url, options.customers, { deadline });
  const started = performance.now();
  let connectFailed = failed;
  let newCustomers = 0;
  const slot = async (first: ChatCustomer) => {
    let customer = first;
    let bucket = fullBucket(options.rateLimit);
    let last: LoadMessage | undefined;
    for (let i = 0; Date.now() < deadline; i += 1) {
      if (customer.withHuman) tally.handedOff += 1;
      if (leaves(customer, last) || (options.rateLimit && !take(bucket, options.rateLimit))) {
        customer.close();
        try {
          customer = await ChatCustomer.connect(options.url);
        } catch {
          connectFailed += 1;
          return;
        }
        newCustomers += 1;
        bucket = fullBucket(options.rateLimit);
        if (options.rateLimit) take(bucket, options.rateLimit);
      }
      const message = options.messages.next();
      record(tally, message, await customer.ask(message.text, options.answerTimeoutMs));
      last = message;
    }
    customer.close();
  };
  await Promise.all(customers.map((customer) => slot(customer)));
  return {
    ...result(options, tally, performance.now() - started, connectFailed),
    newCustomers,
  };
}

/**
 * Whether the next message goes to a new customer: a person has the conversation (the bot stays
 * quiet by design), or the last message reported a problem. A report starts a conversation
 * about that problem; the load's next message is an unrelated single question, which a real
 * customer would not send into the middle of their report. Decided on what was sent, not on the
 * reply, so the echo's customers leave at the same points.
 */
function leaves(customer: ChatCustomer, last: LoadMessage | undefined): boolean {
  return customer.withHuman || last?.kind === 'report';
}

interface Bucket {
  tokens: number;
  at: number;
}

function fullBucket(limit: ClientRateLimit | undefined): Bucket {
  return { tokens: limit?.capacity ?? 0, at: performance.now() };
}

function take(bucket: Bucket, limit: ClientRateLimit): boolean {
  const now = performance.now();
  bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * The Botpress shape: `customers` connect first, then all ask `messagesEach` questions at once,
 * each waiting for its answer before the next. Stops asking at `deadlineMs` after the start.
 */
export async function fixedLoad(
  options: ChatLoadOptions & { messagesEach: number; deadlineMs: number },
): Promise<ChatLoadResult> {
  const connectDeadline = Date.now() + options.deadlineMs;
  const { customers, failed } = await connectMany(options.url, options.customers, {
    deadline: connectDeadline,
  });
  const tally = newTally(options.accept ?? 'kind');
  const started = performance.now();
  const deadline = Date.now() + options.deadlineMs;
  await Promise.all(
    customers.map(async (first) => {
      let customer = first;
      let last: LoadMessage | undefined;
      for (let i = 0; i < options.messagesEach; i += 1) {
        if (Date.now() >= deadline) {
          tally.missingReasons['not sent before the deadline'] =
            (tally.missingReasons['not sent before the deadline'] ?? 0) + options.messagesEach - i;
          break;
        }
        if (leaves(customer, last)) {
          if (customer.withHuman) tally.handedOff += 1;
          customer.close();
          try {
            customer = await ChatCustomer.connect(options.url);
          } catch {
            const reason = 'customer could not connect';
            tally.missingReasons[reason] = (tally.missingReasons[reason] ?? 0) + options.messagesEach - i;
            return;
          }
        }
        const message = options.messages.next();
        record(tally, message, await customer.ask(message.text, options.answerTimeoutMs));
        last = message;
      }
      customer.close();
    }),
  );
  const elapsed = performance.now() - started;
  // Customers that never connected asked nothing: their messages are missing too.
  if (failed > 0) tally.missingReasons['customer could not connect'] = failed * options.messagesEach;
  return result(options, tally, elapsed, failed);
}

function record(tally: Tally, message: LoadMessage, outcome: AskOutcome): void {
  tally.sent += 1;
  if (outcome.answered && (tally.accept === 'any' || outcome.kind === message.kind)) {
    tally.latencies.push(outcome.latencyMs);
    return;
  }
  if (outcome.answered) {
    const key = `${message.kind}→${outcome.kind}`;
    tally.wrongKinds[key] = (tally.wrongKinds[key] ?? 0) + 1;
    if (tally.wrongExamples.length < 5) tally.wrongExamples.push(`${key}: ${message.text}`);
    return;
  }
  tally.missingReasons[outcome.reason] = (tally.missingReasons[outcome.reason] ?? 0) + 1;
  if (tally.missingExamples.length < 3) tally.missingExamples.push(`${outcome.reason}: ${message.text}`);
}

function result(
  options: ChatLoadOptions,
  tally: Tally,
  elapsedMs: number,
  connectFailed: number,
): ChatLoadResult {
  const missing = Object.values(tally.missingReasons).reduce((sum, n) => sum + n, 0);
  return {
    customers: options.customers,
    sent: tally.sent,
    answered: tally.latencies.length,
    wrongKind: Object.values(tally.wrongKinds).reduce((sum, n) => sum + n, 0),
    wrongKinds: tally.wrongKinds,
    missing,
    missingReasons: tally.missingReasons,
    connectFailed,
    durationMs: Math.round(elapsedMs),
    messagesPerSecond: round(tally.latencies.length / (elapsedMs / 1000), 1),
    latency: summarize(tally.latencies),
    overSla: tally.latencies.filter((ms) => ms > SLA_MS).length,
    handedOff: tally.handedOff,
    missingExamples: tally.missingExamples,
    wrongExamples: tally.wrongExamples,
    mix: options.messages.stats(),
    accept: tally.accept,
  };
}
