import { normalizeText } from '../src/engine/intents';
import { done, type Flow } from '../src/engine/flow';
import { describeInstant } from '../src/policy/describe-instant';
import { describeHours, isOpen, nextOpening } from '../src/policy/opening-hours';
import { customerTimeZone } from '../src/policy/reply-expectation';
import { policyOf } from './support-context';

const ASKS_FOR_CONTACTS =
  /\b((support|business|office|opening|working|phone|service) hours|hours of (support|operation)|when (are you|is (support|the team|someone)|do you) (open|available|online|working)|are you open|(contact|reach|call|phone|email|text|message) (you|support|the team|someone)|(phone|telephone|sms|whatsapp|support) (number|line)|support (email|e-?mail|address)|email address|telegram|status page|contact (details|info\w*|options)|how (can|do) i (contact|reach))\b/;

/** Support hours, phone hours, every contact channel and the status page, from the policy. */
export const contactsAndHours: Flow = {
  id: 'contacts-and-hours',
  matches: (text) =>
    ASKS_FOR_CONTACTS.test(normalizeText(text)) || /^\/?(contacts?|hours)$/.test(normalizeText(text)),
  async run(context) {
    const policy = policyOf(context);
    const now = context.now();
    const zone = customerTimeZone(context.conversation);
    const business = policy.businessHours;
    const open = isOpen(business, now);
    const state = open
      ? `We are within support hours right now (it is ${describeInstant(now, now, zone)}).`
      : `Support is closed right now (it is ${describeInstant(now, now, zone)}); it opens again at ${describeInstant(nextOpening(business, now), now, zone)}.`;
    const critical = policy.aroundTheClock
      .map((rule) => `${rule.category} ${rule.severities.join('/')}`)
      .join(', ');
    const sms = policy.contacts.sms.map((s) => `${s.label} ${s.number}`).join(', ');
    const lines = [
      `Support hours: ${describeHours(business)} for operational and non-critical issues; critical issues (${critical}) are handled 24/7. ${state}`,
      `• Chat: right here. Type "Human" to reach a person.`,
      `• Email: ${policy.contacts.email} (every email becomes a ticket). ${policy.contacts.ticketsHint}`,
      `• Phone: ${policy.contacts.phone}. Please call between ${describeHours(policy.phoneHours)} unless the issue is critical.`,
      `• SMS: ${sms}`,
      `• Telegram: ${policy.contacts.telegram.handle} (${policy.contacts.telegram.url})`,
      `• Status page for known outages: ${policy.statusPage.url}`,
    ];
    await context.say({
      text: lines.join('\n'),
      summary: `Support ${describeHours(business)}, critical 24/7. Email ${policy.contacts.email}; phone ${describeHours(policy.phoneHours)}; status ${policy.statusPage.url}`,
      quickReplies: [{ label: 'Report a problem', value: 'I want to report a problem' }],
    });
    return done;
  },
};
