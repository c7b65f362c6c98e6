import type { HandoffNotice } from '../engine/handoff-notice';
import { textsFor } from '../i18n/translate';
import { replyExpectation } from './reply-expectation';
import type { SupportPolicy } from './policy-schema';

/** The handoff notice that follows the support policy: when a human will answer, and honestly who is online. */
export function policyHandoffNotice(policy: SupportPolicy): HandoffNotice {
  return (conversation, { agentsOnline, now }) => {
    const t = textsFor(conversation);
    const ticketId = conversation.brief?.ticketId;
    const ticket = ticketId ? t('handoff.ticket', { ticketId }) : '';
    // On SMS "cancel" is a carrier opt-out keyword, so the way back to the bot is worded differently.
    const back = t(conversation.ref.channel === 'sms' ? 'handoff.backSms' : 'handoff.back');
    const expectation = replyExpectation(policy, conversation, { now, agentsOnline });
    return {
      text: t('handoff.notice', { ticket, expectation, back }),
      summary: t('handoff.summary', { ticket, expectation }),
    };
  };
}
