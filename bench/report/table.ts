import type { ChatLoadResult } from '../load/chat-load';
import { abuseRows } from './abuse-rows';
import type { AppLoadResult } from '../sections/throughput';
import type { LatencySummary } from '../stats';
import type { BenchResults } from '../results';
import type { WebhookResult } from '../sections/channels';

/** The results as a markdown table (readable as plain text too), with the machine and the targets. */
export function renderTable(results: BenchResults): string {
  const rows: string[][] = [];
  const chat = (name: string, r: AppLoadResult) =>
    rows.push([
      name,
      `${r.messagesPerSecond} msg/s`,
      lat(r.latency),
      `${r.answered}/${r.sent + missingUnsent(r)} ${r.accept === 'any' ? 'replied (any reply counts)' : 'answered in kind'}` +
        (r.accept === 'kind' ? `, ${r.wrongKind} wrong in kind${wrongNote(r)}` : '') +
        `, ${r.missing} missing, ${r.overSla} > 1.5 s` +
        (r.handedOff ? `, ${r.handedOff} handed to a person` : '') +
        mixNote(r) +
        cacheNote(r) +
        (r.serverCpuMsPerMessage ? `; server CPU ${r.serverCpuMsPerMessage} ms per message` : ''),
    ]);
  const { throughput, botpress, handoff, channels, memory, retrieval, growth } = results;
  if (throughput?.limit)
    chat(
      `1. limit: bare socket.io echo, ${throughput.limit.customers} customers, realistic load`,
      throughput.limit,
    );
  if (throughput?.bot)
    chat(`2. bot path, ${throughput.bot.customers} customers, realistic load`, throughput.bot);
  if (throughput?.botUncached)
    chat(
      `2. bot path, ${throughput.botUncached.customers} customers, realistic load, answer cache off`,
      throughput.botUncached,
    );
  if (botpress)
    chat(
      `2. Botpress shape: ${botpress.customers} customers x ${botpressEach(botpress)}, realistic load`,
      botpress,
    );
  if (throughput?.ratio !== undefined)
    rows.push([
      '3. ratio bot path / limit',
      `${(throughput.ratio * 100).toFixed(1)}%`,
      '',
      'same run, same clients, rate limit and messages; app replies count only in kind',
    ]);
  if (throughput?.botCached)
    chat(
      `(fully cached: the seed asked verbatim, over and over) bot path, ${throughput.botCached.customers} customers`,
      throughput.botCached,
    );
  if (handoff) {
    rows.push([
      `4. handoff: "Human" -> agent console`,
      '',
      lat(handoff.notify),
      `${handoff.handoffs} handoffs, ${handoff.concurrency} at a time`,
    ]);
    rows.push(['4. agent reply -> customer', '', lat(handoff.agentToCustomer), `${handoff.missing} missing`]);
  }
  if (channels) {
    rows.push(webhookRow('5. Telegram webhook', channels.telegram));
    rows.push(webhookRow('5. Twilio SMS webhook (signed)', channels.sms));
  }
  if (memory) {
    rows.push([
      `6. memory: ${memory.connected} idle web customers`,
      `${memory.rssAfterMiB} MiB RSS`,
      '',
      `${memory.perConnectionKiB} KiB per connection (server alone, from ${memory.rssBeforeMiB} MiB)`,
    ]);
  }
  if (retrieval) {
    rows.push([
      '7. retrieval: answer()',
      '',
      lat(retrieval.answer),
      `${retrieval.pages} pages, ${retrieval.sections} sections`,
    ]);
    rows.push([
      '7. retrieval: search()',
      '',
      lat(retrieval.search),
      `index build ${retrieval.buildMs} ms, restore ${retrieval.restoreMs} ms`,
    ]);
  }
  for (const level of growth ?? [])
    chat(`8. cost growth: ${level.customers} customers x ${botpressEach(level)}`, level);
  if (results.abuse) rows.push(...abuseRows(results.abuse));

  const machine = results.machine;
  const lines = [
    `Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}` +
      `; load average at start ${machine.loadAverageAtStart}`,
    `Setup: ${results.setup}`,
    `Docs: ${results.kbDir}; load: variations of ${results.seed.count} seed messages from ${results.seed.source}, ` +
      `${Math.round(results.seed.repeatShare * 100)}% word-for-word repeats asked for` +
      (results.scale !== 1 ? `; REDUCED SIZE (--scale ${results.scale})` : ''),
    `Command: ${results.command}   (${results.startedAt}, ${results.durationS} s)`,
    '',
    '| measurement | throughput | latency p50 / p95 / p99 (ms) | notes |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  if (results.targets.length) {
    lines.push('', '| target | measured | met |', '|---|---|---|');
    for (const t of results.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'NO'} |`);
  }
  return lines.join('\n');
}

/** The wrong-in-kind replies by "expected→got", most frequent first. */
function wrongNote(r: ChatLoadResult): string {
  const top = Object.entries(r.wrongKinds)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([key, n]) => `${key} ${n}`);
  return top.length ? ` (${top.join(', ')})` : '';
}

/** How many of the load's messages were word-for-word repeats. */
function mixNote(r: ChatLoadResult): string {
  if (!r.mix || r.mix.messages === 0) return '';
  const share = ((100 * r.mix.repeats) / r.mix.messages).toFixed(1);
  return `; ${r.mix.distinct} distinct messages, ${share}% repeats`;
}

/** How many docs answers came from the answer cache, when the app reported it. */
function cacheNote(r: AppLoadResult): string {
  const use = r.answerCache;
  if (!use) return '';
  const asked = use.hits + use.misses;
  if (asked === 0) return '; no docs answers';
  if (use.hits === 0) return `; ${use.misses} docs answers, all retrieved`;
  return `; docs answers: ${use.hits} of ${asked} from the answer cache, ${use.misses} retrieved`;
}

function lat(summary: LatencySummary): string {
  return summary.count ? `${summary.p50} / ${summary.p95} / ${summary.p99}` : 'n/a';
}

function botpressEach(r: ChatLoadResult): string {
  return `${Math.round((r.sent + missingUnsent(r)) / Math.max(1, r.customers))} messages`;
}

/** Messages never sent (deadline, no connection) are missing but not in `sent`. */
function missingUnsent(r: ChatLoadResult): number {
  return (
    (r.missingReasons['not sent before the deadline'] ?? 0) +
    (r.missingReasons['customer could not connect'] ?? 0)
  );
}

function webhookRow(name: string, r: WebhookResult): string[] {
  if (!r.available) return [name, 'n/a', 'n/a', 'this build has no such webhook route'];
  return [
    name,
    `${r.acceptedPerSecond} webhooks/s`,
    `${lat(r.webhook)} (answer); ${lat(r.endToEnd)} (to fake)`,
    `${r.accepted}/${r.sent} accepted, ${r.missingReplies} replies missing`,
  ];
}
