import type { Conversation, HandoffTransition } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import type { SatisfactionRating } from '../../src/model/satisfaction';
import { deskReport } from '../../src/reports/desk-report';
import { reportCsv } from '../../src/reports/report-csv';

const DAY = 24 * 3600 * 1000;
const MIN = 60 * 1000;
const MON = Date.UTC(2026, 10, 23);

function conversation(
  id: string,
  createdAt: number,
  history: HandoffTransition[],
  fields: Partial<Conversation> = {},
): Conversation {
  return {
    id,
    ref: { channel: 'web', conversationKey: id, customerId: id },
    profile: {},
    mode: 'resolved',
    lastSeq: 0,
    createdAt,
    updatedAt: createdAt + DAY,
    lastCustomerText: 'hello',
    history,
    ...fields,
  };
}
const t = (event: HandoffTransition['event'], at: number, agent?: [string, string]): HandoffTransition => ({
  from: 'bot',
  to: 'bot',
  event,
  at,
  ...(agent && { agentId: agent[0], agentName: agent[1] }),
});
const line = (
  author: TranscriptMessage['author'],
  createdAt: number,
  authorName?: string,
): TranscriptMessage => ({
  conversationId: 'x',
  seq: 0,
  author,
  text: '…',
  createdAt,
  ...(authorName && { authorName }),
});
const ANN: [string, string] = ['a_ann', 'Ann'];
const BOB: [string, string] = ['a_bob', '=HYPERLINK("http://evil.example","Bob")'];

describe('the desk report', () => {
  const start = MON + 9 * 60 * MIN;
  // c1: Monday, P1 on Telegram; Ann answers after 4 min (a note at 1 min does not count), resolves at 30 min.
  const c1 = conversation(
    'c1',
    start,
    [t('request', start), t('claim', start + 2 * MIN, ANN), t('resolve', start + 30 * MIN, ANN)],
    { ref: { channel: 'telegram', conversationKey: '1', customerId: '1' }, brief: { severity: 'P1' } },
  );
  const c1Lines = [
    line('customer', start),
    line('note', start + MIN, 'Ann'),
    line('agent', start + 4 * MIN, 'Ann'),
  ];
  // c2: Tuesday, released by Ann and claimed by Bob, who answers at 10 min and resolves at 2 h;
  // later reopened by Bob and resolved again (not a second handoff).
  const tue = start + DAY;
  const c2 = conversation('c2', tue, [
    t('request', tue),
    t('claim', tue + MIN, ANN),
    t('release', tue + 3 * MIN, ANN),
    t('claim', tue + 5 * MIN, BOB),
    t('resolve', tue + 120 * MIN, BOB),
    t('reopen', tue + 300 * MIN, BOB),
    t('resolve', tue + 320 * MIN, BOB),
  ]);
  const c2Lines = [line('agent', tue + 10 * MIN, BOB[1]), line('agent', tue + 301 * MIN, BOB[1])];
  // c3 and c4: the bot settled them; c5 had no customer message; c6 started before the range.
  const c3 = conversation('c3', tue + 60 * MIN, []);
  const c4 = conversation('c4', tue + 90 * MIN, [], {
    ref: { channel: 'sms', conversationKey: '4', customerId: '4' },
  });
  const c5 = conversation('c5', tue, [], { lastCustomerText: undefined });
  const c6 = conversation('c6', MON - DAY, [t('request', MON - DAY + MIN)]);
  // c7: the customer gave up waiting: a handoff with no response and no resolution.
  const c7 = conversation('c7', tue, [t('request', tue + 2 * MIN), t('abandon', tue + 20 * MIN)]);
  const rating = (
    id: string,
    at: number,
    agent: [string, string],
    fields: Partial<SatisfactionRating>,
  ): SatisfactionRating => ({
    id,
    conversationId: id,
    channel: 'web',
    satisfied: true,
    agentId: agent[0],
    agentName: agent[1],
    askedAt: at,
    ratedAt: at,
    ...fields,
  });
  const ratings = [
    rating('c1', start + 31 * MIN, ANN, { score: 5 }),
    rating('c2', tue + 121 * MIN, BOB, { score: 2, satisfied: false }),
    rating('c2b', tue + 321 * MIN, BOB, { satisfied: true }),
    rating('old', MON - DAY, ANN, { score: 1, satisfied: false }),
  ];
  const report = deskReport({
    since: MON,
    until: MON + 7 * DAY,
    conversations: [
      { conversation: c1, messages: c1Lines },
      { conversation: c2, messages: c2Lines },
      ...[c3, c4, c5, c6].map((conversation) => ({ conversation, messages: [] })),
      { conversation: c7, messages: [] },
    ],
    ratings,
  });

  it('counts conversations, the share the bot settled, and handoffs by channel and severity', () => {
    expect(report).toMatchObject({ from: '2026-11-23', to: '2026-11-29', truncated: false });
    expect(report.totals).toMatchObject({
      conversations: 5,
      botSettled: 2,
      botSettledShare: 0.4,
      handoffs: 3,
    });
    expect(report.handoffsByChannel).toEqual({ telegram: 1, web: 2 });
    expect(report.handoffsBySeverity).toEqual({ P1: 1, none: 2 });
  });

  it('measures first response from the request to the first agent message, and resolution to the resolve', () => {
    expect(report.totals.firstResponse).toEqual({ count: 2, medianMs: 7 * MIN, averageMs: 7 * MIN });
    expect(report.totals.resolution).toEqual({ count: 2, medianMs: 75 * MIN, averageMs: 75 * MIN });
    expect(report.totals.csat).toEqual({ ratings: 3, satisfied: 2, share: 2 / 3, averageScore: 3.5 });
  });

  it('splits the figures per UTC day and per agent', () => {
    expect(report.byDay).toHaveLength(7);
    expect(report.byDay.map((d) => d.handoffs)).toEqual([1, 2, 0, 0, 0, 0, 0]);
    expect(report.byDay[1]).toMatchObject({ day: '2026-11-24', conversations: 4, botSettled: 2 });
    expect(report.byDay[2]?.firstResponse).toEqual({ count: 0, medianMs: null, averageMs: null });
    const ann = report.byAgent.find((a) => a.agentId === 'a_ann');
    const bob = report.byAgent.find((a) => a.agentId === 'a_bob');
    expect(ann).toMatchObject({ agentName: 'Ann', handoffs: 1, firstResponse: { medianMs: 4 * MIN } });
    expect(ann?.csat).toMatchObject({ ratings: 1, share: 1 });
    expect(bob).toMatchObject({ agentId: 'a_bob', handoffs: 1, resolution: { medianMs: 120 * MIN } });
    expect(bob?.csat).toMatchObject({ ratings: 2, satisfied: 1, averageScore: 2 });
  });

  it('exports CSV with proper quoting and no formula a spreadsheet would run', () => {
    const csv = reportCsv(report);
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe(
      'section,name,conversations,bot_settled,bot_settled_share,handoffs,first_response_median_s,first_response_average_s,resolution_median_s,resolution_average_s,ratings,satisfied,csat_share,average_score',
    );
    expect(rows[1]).toBe('total,2026-11-23..2026-11-29,5,2,0.4,3,420,420,4500,4500,3,2,0.667,3.5');
    // The quote inside the name is doubled, and the leading "=" is defused with a single quote.
    expect(csv).toContain(
      'agent,"\'=HYPERLINK(""http://evil.example"",""Bob"")",,,,1,600,600,7200,7200,2,1,0.5,2',
    );
    expect(csv).not.toMatch(/(^|,)"?=/m);
    expect(rows).toContain('severity,P1,,,,1,,,,,,,,');
  });
});
