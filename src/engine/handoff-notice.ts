import { textsFor } from '../i18n/translate';
import type { Conversation } from '../model/conversation';
import type { MessageContent } from '../model/message';
import type { FlowServices } from './flow-services';

/** What the customer is told when a handoff is requested; the support policy supplies a richer one. */
export type HandoffNotice = (
  conversation: Conversation,
  situation: { agentsOnline: number; now: number; services: FlowServices },
) => MessageContent;

/** The notice used when no policy is configured: honest about whether anyone is signed in. */
export const defaultHandoffNotice: HandoffNotice = (conversation, { agentsOnline }) => ({
  text: textsFor(conversation)(agentsOnline > 0 ? 'handoff.online' : 'handoff.offline'),
});
