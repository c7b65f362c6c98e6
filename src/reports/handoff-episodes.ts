import type { ChannelName, Conversation } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';

/** One handoff, from the customer's request to its end, as read from a conversation's history. */
export interface HandoffEpisode {
  conversationId: string;
  channel: ChannelName;
  severity?: string;
  requestedAt: number;
  /** The first agent message after the request (internal notes do not count). */
  firstResponseAt?: number;
  firstResponderId?: string;
  firstResponderName?: string;
  /** When an agent resolved or ended it. */
  resolvedAt?: number;
  resolverId?: string;
  resolverName?: string;
}

/**
 * The handoffs of a conversation: every `request` opens one, a `resolve` or `end` settles it, a
 * `cancel` or `abandon` closes it unsettled. Claims and releases in between do not restart the
 * clock: the customer waited from the request. An agent who writes to a resolved conversation
 * (`reopen`) starts no new handoff, and neither does the resolve that follows it.
 */
export function handoffEpisodes(conversation: Conversation, messages: TranscriptMessage[]): HandoffEpisode[] {
  const episodes: HandoffEpisode[] = [];
  let open: HandoffEpisode | undefined;
  for (const transition of conversation.history) {
    if (transition.event === 'request') {
      open = {
        conversationId: conversation.id,
        channel: conversation.ref.channel,
        ...(conversation.brief?.severity !== undefined && { severity: conversation.brief.severity }),
        requestedAt: transition.at,
      };
      episodes.push(open);
    } else if (open && (transition.event === 'resolve' || transition.event === 'end')) {
      open.resolvedAt = transition.at;
      if (transition.agentId !== undefined) open.resolverId = transition.agentId;
      if (transition.agentName !== undefined) open.resolverName = transition.agentName;
      open = undefined;
    } else if (transition.event === 'cancel' || transition.event === 'abandon') {
      open = undefined;
    }
  }
  const agentLines = messages.filter((m) => m.author === 'agent');
  for (const [index, episode] of episodes.entries()) {
    const nextRequest = episodes[index + 1]?.requestedAt ?? Infinity;
    const first = agentLines.find((m) => m.createdAt >= episode.requestedAt && m.createdAt < nextRequest);
    if (!first) continue;
    episode.firstResponseAt = first.createdAt;
    const responder = [...conversation.history]
      .reverse()
      .find((t) => t.at <= first.createdAt && (t.event === 'claim' || t.event === 'reopen'));
    if (responder?.agentId !== undefined) episode.firstResponderId = responder.agentId;
    const name = first.authorName ?? responder?.agentName;
    if (name !== undefined) episode.firstResponderName = name;
  }
  return episodes;
}
