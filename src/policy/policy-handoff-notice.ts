import type { HandoffNotice } from '../engine/handoff-notice';
import { replyExpectation } from './reply-expectation';
import type { SupportPolicy } from './policy-schema';

/** The handoff notice that follows the support policy: when a human will answer, and honestly who is online. */
export function policyHandoffNotice(policy: SupportPolicy): HandoffNotice {
  return (conversation, { agentsOnline, now }) => {
    const ticket = conversation.brief?.ticketId ? `Your ticket is ${conversation.brief.ticketId}. ` : '';
    const expectation = replyExpectation(policy, conversation, { now, agentsOnline });
    return {
      text: `${ticket}I am alerting our support team now. ${expectation} You can keep adding details here meanwhile. Type "cancel" to go back to the bot.`,
      summary: `${ticket}Alerting our support team. ${expectation}`,
    };
  };
}
