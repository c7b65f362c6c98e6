import { textsFor } from '../../src/i18n/translate';
import type { Conversation } from '../../src/model/conversation';
import type { SupportPolicy } from '../../src/policy/policy-schema';

/** A carrier keyword the SMS adapter answers itself, before any flow sees the message. */
export type SmsKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, SmsKeyword> = {
  STOP: 'stop',
  STOPALL: 'stop',
  UNSUBSCRIBE: 'stop',
  CANCEL: 'stop',
  END: 'stop',
  QUIT: 'stop',
  START: 'start',
  UNSTOP: 'start',
  YES: 'start',
  HELP: 'help',
  INFO: 'help',
};

/** The keyword a whole message is (carriers match the message alone, any case), if any. */
export function smsKeyword(body: string): SmsKeyword | undefined {
  return KEYWORDS[
    body
      .trim()
      .replace(/[.!]+$/, '')
      .toUpperCase()
  ];
}

/** Why an opted-out conversation is unreachable, as the agent reads it. */
export const OPTED_OUT_REASON =
  'The customer opted out of SMS (replied STOP); nothing is sent until they reply START.';

/** The answer to START, in the customer's language (the keywords stay the carriers' English ones). */
export function optedInText(conversation: Pick<Conversation, 'profile'>): string {
  return textsFor(conversation)('channel.smsOptedIn');
}

/** The answer to HELP: the support contacts from the support policy, in the customer's language. */
export function helpText(policy: SupportPolicy): (conversation: Pick<Conversation, 'profile'>) => string {
  const { contacts } = policy;
  const sms = contacts.sms.map((entry) => `${entry.label} ${entry.number}`).join(', ');
  return (conversation) =>
    textsFor(conversation)('channel.smsHelp', {
      sms,
      handle: contacts.telegram.handle,
      email: contacts.email,
    });
}
