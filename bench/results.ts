import type { MachineInfo } from './machine';
import { abuseTargets, type AbuseResult } from './sections/abuse';
import type { ChannelsResult } from './sections/channels';
import type { HandoffResult } from './sections/handoff';
import type { IdleMemoryResult } from './sections/idle-memory';
import type { RetrievalResult } from './sections/retrieval';
import type { AppLoadResult, ThroughputPair } from './sections/throughput';

/** One target of issues 7 and 18, checked against this run's figures. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Everything one run measured: the `--json` object. */
export interface BenchResults {
  startedAt: string;
  durationS: number;
  command: string;
  quick: boolean;
  machine: MachineInfo;
  /** How the load was placed: where the servers and the clients ran. */
  setup: string;
  kbDir: string;
  /** Where the load's messages come from, and the share of word-for-word repeats asked for. */
  seed: { source: string; count: number; repeatShare: number };
  /** The plan's size against the full one (1 = full; smaller on a busy machine). */
  scale: number;
  throughput?: ThroughputPair;
  botpress?: AppLoadResult;
  handoff?: HandoffResult;
  channels?: ChannelsResult;
  memory?: IdleMemoryResult;
  retrieval?: RetrievalResult;
  growth?: AppLoadResult[];
  /** The abuse soak (`--only abuse`). */
  abuse?: AbuseResult;
  targets: TargetCheck[];
}

/** Checks the targets against whatever sections ran. */
export function checkTargets(results: Omit<BenchResults, 'targets' | 'durationS'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { throughput, botpress, handoff, memory, retrieval } = results;
  if (throughput?.ratio !== undefined) {
    checks.push({
      target: 'bot path at 200 customers >= 25% of the echo, same realistic load (long run: 50%)',
      measured: `${(throughput.ratio * 100).toFixed(1)}% (${throughput.bot?.messagesPerSecond} answered in kind vs ${throughput.limit?.messagesPerSecond} echoed msg/s)`,
      met: throughput.ratio >= 0.25,
    });
  }
  if (botpress) {
    checks.push({
      target: '1,000 customers x 5 messages, realistic load: p99 < 250 ms, none missing (long run: 100 ms)',
      measured: `p99 ${botpress.latency.p99} ms, ${botpress.missing} missing, ${botpress.wrongKind} wrong in kind`,
      met: botpress.latency.count > 0 && botpress.latency.p99 < 250 && botpress.missing === 0,
    });
  }
  if (handoff) {
    const worst = Math.max(handoff.notify.p99, handoff.agentToCustomer.p99);
    checks.push({
      target: 'handoff notification and agent -> customer p99 < 50 ms',
      measured: `p99 ${handoff.notify.p99} ms / ${handoff.agentToCustomer.p99} ms`,
      met: worst < 50 && handoff.missing === 0 && handoff.handoffs > 0,
    });
  }
  if (memory) {
    const projected = memory.rssBeforeMiB + (memory.perConnectionKiB * 10_000) / 1024;
    checks.push({
      target: '10,000 idle customers < 1 GB RSS',
      measured: `${memory.rssAfterMiB} MiB with ${memory.connected} (${memory.perConnectionKiB} KiB each)`,
      met: memory.connected >= 10_000 ? memory.rssAfterMiB < 1024 : projected < 1024,
    });
  }
  if (results.abuse) checks.push(...abuseTargets(results.abuse));
  if (retrieval) {
    checks.push({
      target: 'retrieval p99 < 5 ms',
      measured: `answer p99 ${retrieval.answer.p99} ms, search p99 ${retrieval.search.p99} ms`,
      met: retrieval.answer.p99 < 5,
    });
  }
  return checks;
}
