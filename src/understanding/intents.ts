/**
 * Every intent the understanding step can return. The names are the training files in `nlu/intents/`
 * (`<name>.yml`); a flow asks for these, never for words.
 */
export const INTENTS = [
  'handoff.request',
  'report.problem',
  'policy.hours',
  'policy.around_the_clock',
  'policy.phone',
  'policy.sms',
  'policy.telegram',
  'policy.email',
  'policy.contacts',
  'policy.paid_escalation',
  'policy.severity',
  'policy.categories',
  'policy.noc',
  'policy.status_page',
  'policy.call_id',
  'policy.one_ticket',
  'policy.not_critical',
  'policy.misreporting',
  'policy.report_info',
  'policy.escalation_lines',
  'policy.ticket_lifecycle',
  'docs.question',
  'greeting',
  'thanks',
  'goodbye',
  'cancel',
  'affirm',
  'deny',
  'solved',
  'not_solved',
  'abuse',
  'complaint',
  'off_topic',
  'account_data',
] as const;

/** One intent name. */
export type IntentName = (typeof INTENTS)[number];

/** An intent about the support policy: which fact the customer asks for. */
export type PolicyIntent = Extract<IntentName, `policy.${string}`>;

/** Whether a string names a known intent. */
export function isIntentName(value: string): value is IntentName {
  return (INTENTS as readonly string[]).includes(value);
}

/** Whether an intent asks about the support policy. */
export function isPolicyIntent(intent: IntentName): intent is PolicyIntent {
  return intent.startsWith('policy.');
}
