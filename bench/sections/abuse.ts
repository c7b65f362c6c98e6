import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { withServer, type BenchContext } from '../context';
import { startFakeTelegram } from '../fakes/fake-telegram';
import { startFakeTwilio } from '../fakes/fake-twilio';
import { AbuseAttacks, type AttackTally } from '../load/abuse-attacks';
import { ChatCustomer } from '../load/chat-customer';
import { runLongFuzz, type LongFuzzResult } from '../load/long-fuzz';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readCpuSeconds, RssSampler } from '../load/process-usage';
import { round, summarize, type LatencySummary } from '../stats';
import type { TargetCheck } from '../results';

/** Latency of the well-behaved customers in one phase, and what went unanswered. */
export interface CustomerPhase {
  latency: LatencySummary;
  asked: number;
  missing: number;
}

/** The abuse soak (`--only abuse`, issue 14): the attacks at once, memory, and everyone else's latency. */
export interface AbuseResult {
  floodMs: number;
  settleMs: number;
  /** Attack loops of each kind running at once. */
  parallel: number;
  /** Whether the attacker and each customer had an address of their own (loopback aliases). */
  separateAddresses: boolean;
  /**
   * Server RSS (MiB): just started (after a full GC); warm, before the flood (customers have chatted;
   * full GC); the highest sampled during the flood (no GC forced); after it settled (full GC).
   */
  rssMiB: { idle: number; before: number; peak?: number; after: number };
  heapMiB: { before: number; after: number };
  /** Outside the heap (Buffers: sockets, uploads), warm before and after settling (MiB). */
  externalMiB?: { before: number; after: number };
  /** Cores the server used during the flood (CPU seconds / flood seconds; Linux only). */
  serverCores?: number;
  /**
   * The benchmark process's own event-loop delay during the flood (p99, ms): the attackers and the
   * customers share it, so a high figure means part of the customers' latency is the client's.
   */
  clientLoopDelayP99Ms: number;
  attacks: AbuseAttacks['tallies'];
  /** A few customers chatting from addresses of their own, before the flood and during it. */
  customers: { count: number; before: CustomerPhase; during: CustomerPhase };
  /** After the flood: the health check answered and a new customer got an answer. */
  healthyAfter: boolean;
  /** The property-based edge fuzzing at a benchmark's length (not in --quick). */
  fuzz?: LongFuzzResult;
}

const MIB = 1024 * 1024;
const TELEGRAM_TOKEN = '123456:abuse-bench-token';
const TELEGRAM_SECRET = 'abuse_bench_webhook_secret';
const PUBLIC_URL = 'https://abuse-bench.example.com';
/** Loopback aliases (Linux routes all of 127/8 to lo): one for the attacker, one per customer. */
const ATTACKER_ADDRESS = '127.0.0.2';
const customerAddress = (index: number) => `127.0.0.${10 + index}`;
/** A well-behaved customer asks about every 2.5 s: 24 a minute, inside the per-session allowance. */
const CUSTOMER_PAUSE_MS = 2500;
const CUSTOMERS = 5;

/** Phase lengths: a minute of flood at full size, seconds in --quick; --scale shrinks them. */
function phases(context: BenchContext): { baselineMs: number; floodMs: number; settleMs: number } {
  const { quick, scale } = context.options;
  const at = (ms: number, least: number) => Math.max(least, Math.round(ms * scale));
  return quick
    ? { baselineMs: 2000, floodMs: 3000, settleMs: 1000 }
    : { baselineMs: at(15_000, 5000), floodMs: at(60_000, 10_000), settleMs: at(20_000, 5000) };
}

/**
 * Floods the real app with the attacks of issue 14 at its shipped limits (the benchmark's other
 * sections lift them): minted sessions from one address, message, feedback and typing floods,
 * uploads on issued and invented tokens, password guessing on spellings of one name with forged
 * X-Forwarded-For, and malformed webhooks. Meanwhile a few customers chat from their own
 * addresses. RSS is read before, at the peak and after a settle period.
 */
export async function measureAbuse(context: BenchContext): Promise<AbuseResult> {
  const { baselineMs, floodMs, settleMs } = phases(context);
  const parallel = context.options.quick ? 2 : 4;
  const separateAddresses = await canBind(ATTACKER_ADDRESS);
  const telegram = await startFakeTelegram();
  const twilio = await startFakeTwilio();
  const env = {
    ...shippedLimits(),
    RATE_LIMIT_ALLOW: 'none',
    PUBLIC_URL,
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_URL: `${PUBLIC_URL}/webhooks/telegram`,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'abuse-bench-twilio-token',
    TWILIO_PHONE_NUMBER: '+15005550006',
    TWILIO_API_BASE_URL: twilio.url,
  };
  try {
    return await withServer(context.startApp(env), async (server) => {
      const idle = await server.memory();
      context.progress(`abuse: ${CUSTOMERS} customers chatting, ${baselineMs} ms before the flood`);
      const customers = await Promise.all(
        Array.from({ length: CUSTOMERS }, (_, i) =>
          ChatCustomer.connect(server.url, {
            ...(separateAddresses && { localAddress: customerAddress(i) }),
          }),
        ),
      );
      const timeoutMs = context.options.plan.answerTimeoutMs;
      let question = 0;
      const chat = async (until: number): Promise<CustomerPhase> => {
        const samples: number[] = [];
        let asked = 0;
        let missing = 0;
        await Promise.all(
          customers.map(async (customer) => {
            while (Date.now() < until) {
              const text = context.questions[question++ % context.questions.length]!;
              asked += 1;
              const outcome = await customer.ask(text, timeoutMs);
              if (outcome.answered) samples.push(outcome.latencyMs);
              else missing += 1;
              await pause(CUSTOMER_PAUSE_MS);
            }
          }),
        );
        return { latency: summarize(samples), asked, missing };
      };
      const baseline = await chat(Date.now() + baselineMs);
      // Measured warm (docs answered, customers connected), so the flood's cost is not mixed with warm-up.
      const before = await server.memory();

      context.progress(`abuse: flooding for ${floodMs} ms, ${parallel} loops per attack`);
      const sampler = new RssSampler(server.pid);
      const cpuBefore = readCpuSeconds(server.pid);
      const clientLoop = monitorEventLoopDelay({ resolution: 10 });
      clientLoop.enable();
      const attacks = new AbuseAttacks({
        url: server.url,
        localAddress: separateAddresses ? ATTACKER_ADDRESS : undefined,
        telegramSecret: TELEGRAM_SECRET,
        deadline: Date.now() + floodMs,
      });
      const [during] = await Promise.all([chat(Date.now() + floodMs), attacks.run(parallel)]);
      attacks.close();
      for (const customer of customers) customer.close();
      const peak = sampler.stop();
      clientLoop.disable();
      const cpuAfter = readCpuSeconds(server.pid);
      const serverCores =
        cpuBefore !== undefined && cpuAfter !== undefined
          ? round((cpuAfter - cpuBefore) / (floodMs / 1000), 2)
          : undefined;

      context.progress(`abuse: settling for ${settleMs} ms`);
      await pause(settleMs);
      const after = await server.memory();
      const healthyAfter = await answersAfterwards(
        server.url,
        context.questions[0] ?? 'hello',
        timeoutMs,
        separateAddresses ? customerAddress(CUSTOMERS) : undefined,
      );

      let fuzz: LongFuzzResult | undefined;
      if (!context.options.quick) {
        const runs = Math.max(30, Math.round(200 * context.options.scale));
        context.progress(`abuse: edge fuzzing, FUZZ_RUNS=${runs} (CI runs 15)`);
        fuzz = await runLongFuzz(path.resolve(__dirname, '..', '..'), runs, 20 * 60_000);
      }
      return {
        floodMs,
        settleMs,
        parallel,
        separateAddresses,
        rssMiB: {
          idle: round(idle.rss / MIB, 1),
          before: round(before.rss / MIB, 1),
          ...(peak !== undefined && { peak: round(peak / MIB, 1) }),
          after: round(after.rss / MIB, 1),
        },
        heapMiB: { before: round(before.heapUsed / MIB, 1), after: round(after.heapUsed / MIB, 1) },
        ...(before.external !== undefined &&
          after.external !== undefined && {
            externalMiB: { before: round(before.external / MIB, 1), after: round(after.external / MIB, 1) },
          }),
        ...(serverCores !== undefined && { serverCores }),
        clientLoopDelayP99Ms: round(clientLoop.percentile(99) / 1e6, 1),
        attacks: attacks.tallies,
        customers: { count: CUSTOMERS, before: baseline, during },
        healthyAfter,
        ...(fuzz && { fuzz }),
      };
    });
  } finally {
    await telegram.close();
    await twilio.close();
  }
}

/** How far above its warm RSS the server may settle after the flood and still count as bounded. */
const SETTLED_GROWTH_MIB = 64;
/** The same for the JS heap, which holds every per-session and per-address record the app keeps. */
const SETTLED_HEAP_GROWTH_MIB = 16;

/** The soak's targets: memory comes back, nothing 5xx, customers answered, the server still serves. */
export function abuseTargets(abuse: AbuseResult): TargetCheck[] {
  const tallies: AttackTally[] = Object.values(abuse.attacks);
  const serverErrors = tallies.reduce((sum, tally) => sum + tally.serverErrors, 0);
  const growth = round(abuse.rssMiB.after - abuse.rssMiB.before, 1);
  const checks: TargetCheck[] = [
    {
      target: `abuse soak: RSS after settling within ${SETTLED_GROWTH_MIB} MiB of before`,
      measured: `${abuse.rssMiB.before} -> peak ${abuse.rssMiB.peak ?? '?'} -> ${abuse.rssMiB.after} MiB (${growth >= 0 ? '+' : ''}${growth})`,
      met: growth <= SETTLED_GROWTH_MIB,
    },
    {
      target: `abuse soak: JS heap after settling within ${SETTLED_HEAP_GROWTH_MIB} MiB of before`,
      measured: `${abuse.heapMiB.before} -> ${abuse.heapMiB.after} MiB`,
      met: abuse.heapMiB.after - abuse.heapMiB.before <= SETTLED_HEAP_GROWTH_MIB,
    },
    {
      target: 'abuse soak: no 5xx, every well-behaved customer answered, healthy afterwards',
      measured: `${serverErrors} 5xx, ${abuse.customers.during.missing}/${abuse.customers.during.asked} unanswered during, healthy ${abuse.healthyAfter}`,
      met: serverErrors === 0 && abuse.customers.during.missing === 0 && abuse.healthyAfter,
    },
  ];
  if (abuse.fuzz) {
    checks.push({
      target: 'edge fuzzing at benchmark length: every property holds',
      measured: `FUZZ_RUNS=${abuse.fuzz.runs}: ${abuse.fuzz.passed ? 'passed' : 'FAILED'} in ${abuse.fuzz.seconds} s`,
      met: abuse.fuzz.passed,
    });
  }
  return checks;
}

/** The product's own limits (the benchmark's other sections raise some of them). */
function shippedLimits(): Record<string, string> {
  const defaults = loadConfig({}) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(defaults)
      .filter(([name, value]) => name.startsWith('RATE_') && typeof value === 'number')
      .map(([name, value]) => [name, String(value)]),
  );
}

/** Whether this machine lets a client use `address` as its source (Linux: all of 127/8). */
function canBind(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, address, () => probe.close(() => resolve(true)));
  });
}

/** The health check answers and a new customer's question gets its answer. */
async function answersAfterwards(
  url: string,
  question: string,
  timeoutMs: number,
  localAddress: string | undefined,
): Promise<boolean> {
  try {
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) return false;
    const customer = await ChatCustomer.connect(url, { ...(localAddress && { localAddress }) });
    const outcome = await customer.ask(question, timeoutMs);
    customer.close();
    return outcome.answered;
  } catch {
    return false;
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
