import type { Engine } from '../engine/engine';
import { botIsAnswering } from '../handoff/handoff-machine';
import type { Agent } from '../model/agent';
import type { ChannelName, Conversation } from '../model/conversation';
import { textsFor, translator, type Translate } from '../i18n/translate';
import type { MessageContent } from '../model/message';

/** The flow that takes the answer (flows/satisfaction.ts). */
export const RATING_FLOW_ID = 'satisfaction';
/** After this long an answer is no longer taken as a rating. */
export const ratingWindowMs = 24 * 3600 * 1000;

/** What the waiting flow remembers about the resolve being rated. */
export interface RatingAsked {
  askedAt: number;
  agentId?: string;
  agentName?: string;
  severity?: string;
  [key: string]: unknown;
}

/** The question: one tap where the channel has buttons, a digit where it does not (SMS). */
export function ratingQuestion(buttons: boolean, t: Translate = translator('en')): MessageContent {
  if (!buttons) {
    return { text: t('rating.questionSms') };
  }
  return {
    text: t('rating.question'),
    quickReplies: [
      { label: t('rating.poor'), value: '1' },
      { label: '2', value: '2' },
      { label: '3', value: '3' },
      { label: '4', value: '4' },
      { label: t('rating.great'), value: '5' },
    ],
  };
}

/**
 * After a resolve, asks the customer how the team did, on their own channel, and leaves the
 * satisfaction flow waiting for the answer (set before the question goes out, so a quick tap is
 * read as the rating). Skipped when the channel is not in `channels`, the customer cannot be
 * reached, or the bot is already waiting on another question.
 */
export async function askForRating(
  engine: Engine,
  conversation: Conversation,
  agent: Pick<Agent, 'id' | 'displayName'>,
  channels: readonly ChannelName[],
  now: () => number = Date.now,
): Promise<boolean> {
  const channel = engine.delivery.channel(conversation.ref.channel);
  if (!channel || !channels.includes(conversation.ref.channel)) return false;
  const askedAt = now();
  const asked: RatingAsked = {
    askedAt,
    agentId: agent.id,
    agentName: agent.displayName,
    ...(conversation.brief?.severity !== undefined && { severity: conversation.brief.severity }),
  };
  let waiting = false;
  const updated = await engine.updateConversation(conversation.id, (c) => {
    waiting = botIsAnswering(c.mode) && !c.unreachable && c.flow === undefined;
    if (waiting) c.flow = { flowId: RATING_FLOW_ID, step: 'rating', data: asked, at: askedAt };
    return c;
  });
  if (!waiting) return false;
  await engine.say(updated, ratingQuestion(channel.capabilities.quickReplies, textsFor(updated)));
  return true;
}
