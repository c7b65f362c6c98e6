/**
 * The benchmark's own seed messages, written for it (never taken from the evaluation sets): what
 * customers of a VoIP platform ask about the product docs and the support policy, in the registers
 * they use (terse, formal, chatty, non-native, annoyed), plus problem reports and requests for a
 * person. Each says which kind of reply it should get; the load varies them (bench/load/message-mix.ts).
 */

/** The kind of reply a message should get. */
export type ExpectedKind = 'docs' | 'policy' | 'report' | 'handoff';

/** One seed message and the reply it should get. */
export interface SeedMessage {
  text: string;
  kind: ExpectedKind;
}

const docs = (text: string): SeedMessage => ({ text, kind: 'docs' });
const policy = (text: string): SeedMessage => ({ text, kind: 'policy' });
const report = (text: string): SeedMessage => ({ text, kind: 'report' });
const handoff = (text: string): SeedMessage => ({ text, kind: 'handoff' });

/** The seed set: mostly docs questions, as a desk's chat is, then policy, reports and handoffs. */
export const SEED_MESSAGES: readonly SeedMessage[] = [
  // Product docs, many registers.
  docs('how do I export CDRs to CSV for last month?'),
  docs('Could you advise how to download an invoice as a PDF from the portal?'),
  docs('where do i see the payments a customer made'),
  docs('hey, trying to buy a DID for a customer, where is that in the panel?'),
  docs('How can I add IP authentication for a new SIP customer?'),
  docs('what is the difference between IP auth and username/password registration?'),
  docs('how to make a rate card and attach it to a customer'),
  docs('Is there a way to set up least cost routing across several carriers?'),
  docs('how i can configure failover if first carrier is down'),
  docs('how do I change the caller ID (CLI) that goes out on a route?'),
  docs('can calls be recorded? where would I find the recordings after?'),
  docs('Does the platform do call transcriptions, and how do I switch them on?'),
  docs('set up an email alert when a customer balance goes low'),
  docs('how do I build an IVR menu with two options'),
  docs('Please explain how to create a conference room for my team.'),
  docs('how do call queues work and how do I add agents to one'),
  docs('We want to run an outbound dialer campaign. How do we upload the leads?'),
  docs('what is ScriptForge used for?'),
  docs('where is the API documentation and how do I authenticate API requests'),
  docs('how can I enable two factor authentication on my login'),
  docs('how to change the language of the control panel'),
  docs('can my customers log in to their own portal to see their calls?'),
  docs('how do I put tags on customers so I can filter them'),
  docs('What are contracts in the customer section for?'),
  docs('where can i see ASR and ACD stats per route'),
  docs('how to limit the number of concurrent channels for one customer'),
  docs('Our customer wants prepaid billing, how do I set a credit limit?'),
  docs('how are invoices generated, can they go out automatically each month'),
  docs('what does a 503 in the SIP trace usually mean on your switch'),
  docs('how do I block calls to premium rate destinations to prevent fraud'),
  docs('can I give a reseller their own white label portal'),
  docs('where do I upload audio files for announcements'),
  docs('How do I see the latest calls in real time?'),
  docs('whats the easiest way to add a new carrier as a provider'),
  docs('how do i set up a SIP trunk to a PBX'),
  docs('Can you tell me how to configure a dial plan prefix for a customer?'),
  docs('how to add a user to the customer portal with limited rights'),
  docs('how does the database feature work for storing my own data'),
  docs('Is it possible to build my own form in the panel with the form builder?'),
  docs('how do I transfer a DID number from one customer to another'),
  // The support policy.
  policy('what are your support hours?'),
  policy('when is the phone line open'),
  policy('explain your P0-P5 priority scale to me'),
  policy('is a P2 handled at night or only in the morning?'),
  policy('how much does paid escalation cost outside office hours'),
  policy('Which e-mail address do I write to for a ticket?'),
  policy('do you have a telegram bot?'),
  policy('what number can I text support on'),
  policy('where is your status page'),
  policy('Call-ID: what is it exactly, and which screen shows it?'),
  policy('can I put three problems in a single ticket?'),
  policy('is there a charge for out of hours help on a P4?'),
  // Problem reports: the report flow should take them.
  report('all our calls to the UK are failing since 10:40 with 503 errors'),
  report('The portal will not load for any of my users, just a blank page.'),
  report('calls drop after exactly 30 seconds on one carrier'),
  report('one of my customers hears no audio on outbound calls since this morning'),
  report('CDRs for yesterday are missing from the reports'),
  // Asking for a person.
  handoff('can I talk to a real person please'),
  handoff('I want to speak to an agent'),
  handoff('get me a human'),
];
