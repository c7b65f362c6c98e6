import { done, waitAt, type Flow } from '../src/engine/flow';
import { textsFor } from '../src/i18n/translate';
import { means } from '../src/understanding/understanding';
import { customerKey } from '../src/policy/severity-downgrades';
import { customerPolicyOf } from './support-context';

/** The record log the team reads enquiries from (GET /console/api/leads). */
export const LEADS_LOG = 'leads';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const PHONE = /\+?\d[\d\s().-]{6,}\d/;

/**
 * NOC-on-Demand and enhanced support enquiries: explain the offer, take the enquiry and a way to
 * reach the customer, and record them as a lead the team sees.
 */
export const enhancedSupportLead: Flow = {
  id: 'enhanced-support-lead',
  matches: ({ understanding }) => means(understanding, 'policy.noc', 0.35),
  async run(context, position) {
    const policy = customerPolicyOf(context);
    const t = textsFor(context.conversation);
    if (!position) {
      await context.say(
        t('lead.offer', {
          nocOnDemand: policy.nocOnDemand.description,
          nocAsAService: policy.nocAsAService.description,
        }),
      );
      return waitAt('enquiry', { first: context.text });
    }
    if (means(context.understanding, 'cancel', 0.5) || means(context.understanding, 'deny', 0.5)) {
      await context.say(t('lead.stop'));
      return done;
    }
    if (position.step === 'enquiry') {
      await context.say(t('lead.contact'));
      return waitAt('contact', { ...position.data, enquiry: context.text });
    }
    const email = context.text.match(EMAIL)?.[0];
    const phone = context.text.match(PHONE)?.[0]?.trim();
    if (!email && !phone && !position.data.asked) {
      await context.say(t('lead.noContact'));
      return waitAt('contact', { ...position.data, asked: true });
    }
    await context.store.appendRecord(LEADS_LOG, {
      kind: 'noc-on-demand',
      conversationId: context.conversation.id,
      customer: customerKey(context.conversation),
      firstMessage: position.data.first,
      enquiry: position.data.enquiry,
      contact: context.text,
      ...(email && { email }),
      ...(phone && { phone }),
      at: context.now(),
    });
    await context.update((c) => ({ ...c, tags: [...new Set([...(c.tags ?? []), 'lead'])] }));
    const key = email ? 'lead.passedEmail' : phone ? 'lead.passedPhone' : 'lead.passed';
    await context.say(t(key, { contact: email ?? phone, email: policy.contacts.email }));
    return done;
  },
};
