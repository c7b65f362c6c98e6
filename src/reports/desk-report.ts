import type { Conversation } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';
import type { SatisfactionRating } from '../model/satisfaction';
import { handoffEpisodes, type HandoffEpisode } from './handoff-episodes';

const DAY_MS = 24 * 3600 * 1000;

/** Durations summed up: how many, the median and the mean, in milliseconds. */
export interface DurationFigures {
  count: number;
  medianMs: number | null;
  averageMs: number | null;
}

/** Customer satisfaction: ratings given, how many satisfied, their share and the average score. */
export interface CsatFigures {
  ratings: number;
  satisfied: number;
  /** Satisfied ratings / all ratings (0-1), the usual CSAT figure. */
  share: number | null;
  /** Mean of the 1-5 scores given (thumbs-style answers have none). */
  averageScore: number | null;
}

/** The desk's figures for one slice (the whole range, a day, an agent). */
export interface DeskFigures {
  /** Conversations started in which the customer wrote something. */
  conversations: number;
  /** Of those, the ones that never asked for a person. */
  botSettled: number;
  botSettledShare: number | null;
  handoffs: number;
  firstResponse: DurationFigures;
  resolution: DurationFigures;
  csat: CsatFigures;
}

/** How the desk did over a range of UTC days. */
export interface DeskReport {
  /** First and last day included, `YYYY-MM-DD` (UTC). */
  from: string;
  to: string;
  totals: DeskFigures;
  byDay: ({ day: string } & DeskFigures)[];
  /** Per agent: handoffs they answered first, resolved, and the ratings of what they resolved. */
  byAgent: ({ agentId: string; agentName: string } & Omit<
    DeskFigures,
    'conversations' | 'botSettled' | 'botSettledShare'
  >)[];
  handoffsByChannel: Record<string, number>;
  /** Severity of the report behind each handoff; `none` when no severity was given. */
  handoffsBySeverity: Record<string, number>;
  /** True when the range held more conversations than one report reads: figures are partial. */
  truncated: boolean;
}

/** What the report is computed from. */
export interface ReportInput {
  since: number;
  /** Exclusive. */
  until: number;
  conversations: { conversation: Conversation; messages: TranscriptMessage[] }[];
  ratings: SatisfactionRating[];
  truncated?: boolean;
}

/**
 * The desk report: first-response time (request to first agent message), time to resolve
 * (request to resolve), handoffs by channel and severity, the share of conversations the bot
 * settled without a person, and CSAT, for the range, per UTC day and per agent. A handoff counts
 * on the day it was requested, a conversation on the day it started, a rating on the day given.
 */
export function deskReport(input: ReportInput): DeskReport {
  const { since, until } = input;
  const inRange = (at: number | undefined): at is number => at !== undefined && at >= since && at < until;
  const episodes: HandoffEpisode[] = [];
  const started: Conversation[] = [];
  for (const { conversation, messages } of input.conversations) {
    if (inRange(conversation.createdAt) && conversation.lastCustomerText !== undefined)
      started.push(conversation);
    episodes.push(...handoffEpisodes(conversation, messages).filter((e) => inRange(e.requestedAt)));
  }
  const ratings = input.ratings.filter((r) => inRange(r.ratedAt));

  const days: string[] = [];
  for (let at = since; at < until; at += DAY_MS) days.push(dayOf(at));
  const byDay = days.map((day) => ({
    day,
    ...figures(
      started.filter((c) => dayOf(c.createdAt) === day),
      episodes.filter((e) => dayOf(e.requestedAt) === day),
      ratings.filter((r) => dayOf(r.ratedAt) === day),
    ),
  }));

  const agents = new Map<string, string>();
  for (const e of episodes) {
    if (e.firstResponderId) agents.set(e.firstResponderId, e.firstResponderName ?? e.firstResponderId);
    if (e.resolverId) agents.set(e.resolverId, e.resolverName ?? e.resolverId);
  }
  for (const r of ratings) if (r.agentId) agents.set(r.agentId, r.agentName ?? r.agentId);
  const byAgent = [...agents]
    .map(([agentId, agentName]) => {
      const answered = episodes.filter((e) => e.firstResponderId === agentId);
      const resolved = episodes.filter((e) => e.resolverId === agentId);
      return {
        agentId,
        agentName,
        handoffs: new Set([...answered, ...resolved]).size,
        firstResponse: durations(answered.map((e) => responseMs(e))),
        resolution: durations(resolved.map((e) => resolveMs(e))),
        csat: csat(ratings.filter((r) => r.agentId === agentId)),
      };
    })
    .sort((a, b) => a.agentName.localeCompare(b.agentName));

  return {
    from: dayOf(since),
    to: dayOf(until - 1),
    totals: figures(started, episodes, ratings),
    byDay,
    byAgent,
    handoffsByChannel: countBy(episodes, (e) => e.channel),
    handoffsBySeverity: countBy(episodes, (e) => e.severity ?? 'none'),
    truncated: input.truncated === true,
  };
}

function figures(
  started: Conversation[],
  episodes: HandoffEpisode[],
  ratings: SatisfactionRating[],
): DeskFigures {
  const botSettled = started.filter((c) => !c.history.some((t) => t.event === 'request')).length;
  return {
    conversations: started.length,
    botSettled,
    botSettledShare: started.length ? botSettled / started.length : null,
    handoffs: episodes.length,
    firstResponse: durations(episodes.map(responseMs)),
    resolution: durations(episodes.map(resolveMs)),
    csat: csat(ratings),
  };
}

function responseMs(e: HandoffEpisode): number | undefined {
  return e.firstResponseAt === undefined ? undefined : e.firstResponseAt - e.requestedAt;
}

function resolveMs(e: HandoffEpisode): number | undefined {
  return e.resolvedAt === undefined ? undefined : e.resolvedAt - e.requestedAt;
}

function durations(values: (number | undefined)[]): DurationFigures {
  const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (known.length === 0) return { count: 0, medianMs: null, averageMs: null };
  const middle = Math.floor(known.length / 2);
  const median = known.length % 2 ? known[middle]! : (known[middle - 1]! + known[middle]!) / 2;
  return {
    count: known.length,
    medianMs: Math.round(median),
    averageMs: Math.round(known.reduce((sum, v) => sum + v, 0) / known.length),
  };
}

function csat(ratings: SatisfactionRating[]): CsatFigures {
  const satisfied = ratings.filter((r) => r.satisfied).length;
  const scores = ratings.map((r) => r.score).filter((s): s is NonNullable<typeof s> => s !== undefined);
  return {
    ratings: ratings.length,
    satisfied,
    share: ratings.length ? satisfied / ratings.length : null,
    averageScore: scores.length ? scores.reduce((sum, s) => sum + s, 0) / scores.length : null,
  };
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** The UTC day of a time, `YYYY-MM-DD`. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
