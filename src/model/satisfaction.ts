import type { ChannelName } from './conversation';

/** A rating on the five-point scale: 1 poor … 5 great. */
export type Score = 1 | 2 | 3 | 4 | 5;

/**
 * What a customer said when asked how the team did after a resolve: one per resolve, kept even
 * when the conversation is reopened later. A thumbs-style answer ("good", "not helpful") has no
 * score, only `satisfied`; a score of 4 or 5 counts as satisfied (the usual CSAT rule).
 */
export interface SatisfactionRating {
  /** `<conversationId>:<askedAt>`: the same resolve rated again replaces the rating. */
  id: string;
  conversationId: string;
  channel: ChannelName;
  score?: Score;
  satisfied: boolean;
  comment?: string;
  /** The agent who resolved the conversation. */
  agentId?: string;
  agentName?: string;
  /** The report's severity when it was resolved, if one was known. */
  severity?: string;
  askedAt: number;
  ratedAt: number;
}

/** Whether a score counts as a satisfied customer. */
export function isSatisfied(score: Score): boolean {
  return score >= 4;
}
