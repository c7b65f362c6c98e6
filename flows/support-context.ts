import type { FlowContext } from '../src/engine/flow';
import { conversationLanguage } from '../src/i18n/languages';
import { parsePolicy } from '../src/policy/load-policy';
import { policyInLanguage } from '../src/policy/policy-in-language';
import type { SupportPolicy } from '../src/policy/policy-schema';
import { TicketService } from '../src/tickets/ticket-service';

const DEFAULT_POLICY = parsePolicy({});

/** The policy a flow follows: the configured one, or the published defaults when none is wired. */
export function policyOf(context: FlowContext): SupportPolicy {
  return context.services.policy ?? DEFAULT_POLICY;
}

/** The policy with its customer-facing texts in the conversation's language (`texts.es` in the file). */
export function customerPolicyOf(context: FlowContext): SupportPolicy {
  return policyInLanguage(policyOf(context), conversationLanguage(context.conversation));
}

/** The ticket service, or one over the flow's store when none is wired (no email then). */
export function ticketsOf(context: FlowContext): TicketService {
  return context.services.tickets ?? new TicketService({ store: context.store, clock: () => context.now() });
}

/** Whether the customer wants to stop what the bot is asking. */
export function wantsToStop(text: string): boolean {
  return /^\/?(cancel|stop|quit|exit|never ?mind|forget it|abort)[.!]*$/i.test(text.trim());
}

/** Whether an answer means yes. */
export function isYes(text: string): boolean {
  return /^(y|yes|yeah|yep|yup|sure|ok|okay|correct|right|it is|that's it|that is it|same|the same|solved|it did|yes[, ].*)[.!]*$/i.test(
    text.trim(),
  );
}

/** Whether an answer means no. */
export function isNo(text: string): boolean {
  return /^(n|no|nope|nah|not really|not solved|no[, ].*|still (broken|failing|not working).*|it did not|it didn'?t.*|different.*|my problem is different.*)[.!]*$/i.test(
    text.trim(),
  );
}
