import type { AttackTally } from '../load/abuse-attacks';
import type { AbuseResult, CustomerPhase } from '../sections/abuse';

/** What each attack of the soak is, in the table. */
const ATTACK_NAMES: Record<keyof AbuseResult['attacks'], string> = {
  mintedSessions: 'new chat sessions from one address',
  messages: 'message flood on those sessions',
  uploads: '512 KB uploads on issued sessions',
  inventedTokenUploads: 'uploads with invented tokens',
  feedback: '"Did this help?" flood',
  typing: 'typing flood (no acknowledgement)',
  logins: 'password guesses, admin spellings, forged X-Forwarded-For',
  malformedWebhooks: 'malformed or unsigned webhooks',
};

/** The table rows of the abuse soak (section 9). */
export function abuseRows(abuse: AbuseResult): string[][] {
  const seconds = Math.round(abuse.floodMs / 1000);
  const customers = (when: string, phase: CustomerPhase): string[] => [
    `9. abuse soak: ${abuse.customers.count} customers chatting ${when}`,
    '',
    phase.latency.count ? `${phase.latency.p50} / ${phase.latency.p95} / ${phase.latency.p99}` : 'n/a',
    `${phase.asked - phase.missing}/${phase.asked} answered` +
      (abuse.separateAddresses ? ', each from its own address' : ', SAME ADDRESS as the attacker'),
  ];
  const rows = [
    customers('before the flood', abuse.customers.before),
    customers(`during ${seconds} s of flood`, abuse.customers.during),
    [
      '9. abuse soak: CPU during the flood',
      abuse.serverCores !== undefined ? `server ${abuse.serverCores} cores` : 'n/a',
      '',
      `benchmark process (attackers and customers) event-loop delay p99 ${abuse.clientLoopDelayP99Ms} ms`,
    ],
    [
      '9. abuse soak: server memory',
      `${abuse.rssMiB.after} MiB RSS after`,
      '',
      `${abuse.rssMiB.idle} MiB just started, ${abuse.rssMiB.before} MiB warm before the flood, ${abuse.rssMiB.peak ?? 'n/a'} MiB peak (sampled, no GC), ` +
        `${abuse.rssMiB.after} MiB ${Math.round(abuse.settleMs / 1000)} s after (full GC); ` +
        `heap ${abuse.heapMiB.before} -> ${abuse.heapMiB.after} MiB` +
        (abuse.externalMiB
          ? `, outside the heap ${abuse.externalMiB.before} -> ${abuse.externalMiB.after} MiB`
          : '') +
        `; healthy after: ${abuse.healthyAfter ? 'yes' : 'NO'}`,
    ],
  ];
  for (const [name, tally] of Object.entries(abuse.attacks) as [
    keyof AbuseResult['attacks'],
    AttackTally,
  ][]) {
    rows.push([
      `9. abuse: ${ATTACK_NAMES[name]}`,
      `${Math.round(tally.sent / Math.max(1, seconds))}/s sent`,
      '',
      `${tally.sent} sent: ${tally.accepted} let through, ${tally.limited} limited, ${tally.refused} refused, ` +
        `${tally.serverErrors} 5xx, ${tally.unanswered} unanswered`,
    ]);
  }
  if (abuse.fuzz) {
    rows.push([
      `9. edge fuzzing, FUZZ_RUNS=${abuse.fuzz.runs}`,
      '',
      '',
      `${abuse.fuzz.passed ? 'every property held' : 'A PROPERTY FAILED'} (${abuse.fuzz.seconds} s)`,
    ]);
  }
  return rows;
}
