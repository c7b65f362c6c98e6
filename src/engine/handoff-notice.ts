import type { Conversation } from '../model/conversation';
import type { MessageContent } from '../model/message';
import type { FlowServices } from './flow-services';

/** What the customer is told when a handoff is requested; the support policy supplies a richer one. */
export type HandoffNotice = (
  conversation: Conversation,
  situation: { agentsOnline: number; now: number; services: FlowServices },
) => MessageContent;

/** The notice used when no policy is configured: honest about whether anyone is signed in. */
export const defaultHandoffNotice: HandoffNotice = (_conversation, { agentsOnline }) => ({
  text:
    agentsOnline > 0
      ? 'I am alerting our support staff now; the first person available will reply here. You can keep adding details meanwhile. Type "cancel" to go back to the bot.'
      : 'I have alerted our support staff, but nobody is signed in to the chat right now. Your conversation is in the queue and the first person to sign in will reply here. Type "cancel" to go back to the bot.',
});
