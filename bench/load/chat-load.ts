import { summarize, round, type LatencySummary } from '../stats';
import { ChatCustomer, connectMany, type AskOutcome } from './chat-customer';

/** The Botpress benchmark's service level: an answer within 1.5 s. */
export const SLA_MS = 1500;

/** What a chat load produced. */
export interface ChatLoadResult {
  /** Customers connected at the same time. */
  customers: number;
  sent: number;
  answered: number;
  /** Messages that got no answer (timeout, refused, never sent before the deadline). */
  missing: number;
  missingReasons: Record<string, number>;
  connectFailed: number;
  durationMs: number;
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
}

interface Tally {
  latencies: number[];
  sent: number;
  missingReasons: Record<string, number>;
  handedOff: number;
  missingExamples: string[];
}

function newTally(): Tally {
  return { latencies: [], sent: 0, missingReasons: {}, handedOff: 0, missingExamples: [] };
}

/** Options shared by both load shapes. */
export interface ChatLoadOptions {
  url: string;
  customers: number;
  questions: readonly string[];
  /** A question with no answer after this long counts as missing. */
  answerTimeoutMs: number;
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
  const tally = newTally();
  const deadline = Date.now() + options.durationMs;
  const { customers, failed } = await connectMany(options.url, options.customers, { deadline });
  const started = performance.now();
  let connectFailed = failed;
  let newCustomers = 0;
  const slot = async (first: ChatCustomer, slotIndex: number) => {
    let customer = first;
    let bucket = fullBucket(options.rateLimit);
    for (let i = 0; Date.now() < deadline; i += 1) {
      if (customer.withHuman) tally.handedOff += 1;
      if (customer.withHuman || (options.rateLimit && !take(bucket, options.rateLimit))) {
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
      const question = pick(options.questions, slotIndex * 7 + i);
      record(tally, question, await customer.ask(question, options.answerTimeoutMs));
    }
    customer.close();
  };
  await Promise.all(customers.map((customer, i) => slot(customer, i)));
  return { ...result(options.customers, tally, performance.now() - started, connectFailed), newCustomers };
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
  const tally = newTally();
  const started = performance.now();
  const deadline = Date.now() + options.deadlineMs;
  await Promise.all(
    customers.map(async (first, index) => {
      let customer = first;
      for (let i = 0; i < options.messagesEach; i += 1) {
        if (Date.now() >= deadline) {
          tally.missingReasons['not sent before the deadline'] =
            (tally.missingReasons['not sent before the deadline'] ?? 0) + options.messagesEach - i;
          break;
        }
        if (customer.withHuman) {
          tally.handedOff += 1;
          customer.close();
          try {
            customer = await ChatCustomer.connect(options.url);
          } catch {
            const reason = 'customer could not connect';
            tally.missingReasons[reason] = (tally.missingReasons[reason] ?? 0) + options.messagesEach - i;
            return;
          }
        }
        const question = pick(options.questions, index * 7 + i);
        record(tally, question, await customer.ask(question, options.answerTimeoutMs));
      }
      customer.close();
    }),
  );
  const elapsed = performance.now() - started;
  // Customers that never connected asked nothing: their messages are missing too.
  if (failed > 0) tally.missingReasons['customer could not connect'] = failed * options.messagesEach;
  return result(options.customers, tally, elapsed, failed);
}

function pick(questions: readonly string[], index: number): string {
  return questions[index % questions.length]!;
}

function record(tally: Tally, question: string, outcome: AskOutcome): void {
  tally.sent += 1;
  if (outcome.answered) {
    tally.latencies.push(outcome.latencyMs);
    return;
  }
  tally.missingReasons[outcome.reason] = (tally.missingReasons[outcome.reason] ?? 0) + 1;
  if (tally.missingExamples.length < 3) tally.missingExamples.push(`${outcome.reason}: ${question}`);
}

function result(customers: number, tally: Tally, elapsedMs: number, connectFailed: number): ChatLoadResult {
  const missing = Object.values(tally.missingReasons).reduce((sum, n) => sum + n, 0);
  return {
    customers,
    sent: tally.sent,
    answered: tally.latencies.length,
    missing,
    missingReasons: tally.missingReasons,
    connectFailed,
    durationMs: Math.round(elapsedMs),
    messagesPerSecond: round(tally.latencies.length / (elapsedMs / 1000), 1),
    latency: summarize(tally.latencies),
    overSla: tally.latencies.filter((ms) => ms > SLA_MS).length,
    handedOff: tally.handedOff,
    missingExamples: tally.missingExamples,
  };
}
