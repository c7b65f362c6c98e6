import { z } from 'zod';
import { done, type Flow } from '../src/engine/flow';
import { defineFlowState } from '../src/engine/flow-state';
import { textsFor } from '../src/i18n/translate';
import { means } from '../src/understanding/understanding';
import { customerKey } from '../src/policy/severity-downgrades';
import { customerPolicyOf } from './support-context';

/** The record log the team reads enquiries from (GET /console/api/leads). */
export const LEADS_LOG = 'leads';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const PHONE = /\+?\d[\d\s().-]{6,}\d/;

/** What the enquiry keeps between messages: the first message, the enquiry, whether contact was asked again. */
const leadState = defineFlowState(
  z.object({ first: z.string().optional(), enquiry: z.string().optional(), asked: z.boolean().optional() }),
);

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
      return leadState.waitAt('enquiry', { first: context.text });
    }
    if (means(context.understanding, 'cancel', 0.5) || means(context.understanding, 'deny', 0.5)) {
      await context.say(t('lead.stop'));
      return done;
    }
    const state = leadState.read(position) ?? {};
    if (position.step === 'enquiry') {
      await context.say(t('lead.contact'));
      return leadState.waitAt('contact', { ...state, enquiry: context.text });
    }
    const email = context.text.match(EMAIL)?.[0];
    const phone = context.text.match(PHONE)?.[0]?.trim();
    if (!email && !phone && !state.asked) {
      await context.say(t('lead.noContact'));
      return leadState.waitAt('contact', { ...state, asked: true });
    }
    await context.store.appendRecord(LEADS_LOG, {
      kind: 'noc-on-demand',
      conversationId: context.conversation.id,
      customer: customerKey(context.conversation),
      firstMessage: state.first,
      enquiry: state.enquiry,
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
