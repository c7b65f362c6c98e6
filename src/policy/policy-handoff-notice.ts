import type { HandoffNotice } from '../engine/handoff-notice';
import { replyExpectation } from './reply-expectation';
import type { SupportPolicy } from './policy-schema';

/** The handoff notice that follows the support policy: when a human will answer, and honestly who is online. */
export function policyHandoffNotice(policy: SupportPolicy): HandoffNotice {
  return (conversation, { agentsOnline, now }) => {
    const ticket = conversation.brief?.ticketId ? `Your ticket is ${conversation.brief.ticketId}. ` : '';
    // On SMS "cancel" is a carrier opt-out keyword, so the way back to the bot is worded differently.
    const back =
      conversation.ref.channel === 'sms'
        ? 'Reply "never mind" to go back to the bot.'
        : 'Type "cancel" to go back to the bot.';
    const expectation = replyExpectation(policy, conversation, { now, agentsOnline });
    return {
      text: `${ticket}I am alerting our support team now. ${expectation} You can keep adding details here meanwhile. ${back}`,
      summary: `${ticket}Alerting our support team. ${expectation}`,
    };
  };
}
