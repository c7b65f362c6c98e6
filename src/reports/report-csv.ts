import { stringify } from 'csv-stringify/sync';
import type { DeskFigures, DeskReport, DurationFigures } from './desk-report';

const COLUMNS = [
  'section',
  'name',
  'conversations',
  'bot_settled',
  'bot_settled_share',
  'handoffs',
  'first_response_median_s',
  'first_response_average_s',
  'resolution_median_s',
  'resolution_average_s',
  'ratings',
  'satisfied',
  'csat_share',
  'average_score',
];

type Cell = string | number | null;

/**
 * The report as one CSV a spreadsheet opens: a row for the whole range, one per day, per agent,
 * per channel and per severity; durations in seconds. Quoting is RFC 4180 (csv-stringify), and a
 * text cell that a spreadsheet would run as a formula (an agent named "=HYPERLINK(…)") is
 * prefixed with a quote (`escape_formulas`).
 */
export function reportCsv(report: DeskReport): string {
  const rows: Cell[][] = [
    ['total', `${report.from}..${report.to}`, ...cells(report.totals)],
    ...report.byDay.map((day) => ['day', day.day, ...cells(day)]),
    ...report.byAgent.map((agent) => [
      'agent',
      agent.agentName,
      ...cells({ ...agent, conversations: null, botSettled: null, botSettledShare: null }),
    ]),
    ...Object.entries(report.handoffsByChannel).map(([channel, n]) => countRow('channel', channel, n)),
    ...Object.entries(report.handoffsBySeverity).map(([severity, n]) => countRow('severity', severity, n)),
  ];
  return stringify(rows, { header: true, columns: COLUMNS, escape_formulas: true });
}

function cells(
  f: Omit<DeskFigures, 'conversations' | 'botSettled' | 'botSettledShare'> & {
    conversations: number | null;
    botSettled: number | null;
    botSettledShare: number | null;
  },
): Cell[] {
  return [
    f.conversations,
    f.botSettled,
    round(f.botSettledShare, 3),
    f.handoffs,
    ...seconds(f.firstResponse),
    ...seconds(f.resolution),
    f.csat.ratings,
    f.csat.satisfied,
    round(f.csat.share, 3),
    round(f.csat.averageScore, 2),
  ];
}

function countRow(section: string, name: string, handoffs: number): Cell[] {
  return [section, name, null, null, null, handoffs, null, null, null, null, null, null, null, null];
}

function seconds(d: DurationFigures): Cell[] {
  return [
    d.medianMs === null ? null : Math.round(d.medianMs / 1000),
    d.averageMs === null ? null : Math.round(d.averageMs / 1000),
  ];
}

function round(value: number | null, digits: number): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}
