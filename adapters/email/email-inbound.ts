import type { Engine } from '../../src/engine/engine';
import type { KnowledgeBase, KnowledgeHit } from '../../src/knowledge/knowledge-base';
import { KeyedMutex } from '../../src/engine/keyed-mutex';
import { botIsAnswering } from '../../src/handoff/handoff-machine';
import { conversationLanguage } from '../../src/i18n/languages';
import type { Logger } from '../../src/logger';
import type { Conversation, ConversationRef } from '../../src/model/conversation';
import type { SupportPolicy } from '../../src/policy/policy-schema';
import { priorityOf } from '../../src/policy/classification';
import type { ConversationStore, DedupStore, TicketStore, TranscriptStore } from '../../src/store/ports';
import type { TicketService } from '../../src/tickets/ticket-service';
import { CONFIRM_FIX_FLOW, type FixConfirmation } from '../../src/tickets/fix-confirmation';
import { fixDidNotHold, verdictOf } from '../../flows/confirm-fix';
import {
  emailAcknowledgement,
  readEmailBrief,
  type SuggestedSeverity,
} from '../../flows/email-acknowledgement';
import type { MessageUnderstanding } from '../../src/understanding/understander';
import { keepEmailFiles, type FileLimits } from './email-files';
import { emailLocale } from './email-language';
import { EMAIL_MEMORY, findThread, rememberInbound, threadMemory } from './email-thread';
import { bounceReason, unanswerable, type Unanswerable } from './mail-loop-guard';
import { messageIdsIn, parseEmail, type ParsedEmail } from './parse-email';

/** What became of one e-mail. */
export type EmailOutcome = 'stored' | 'duplicate' | 'ignored' | 'bounce';

/**
 * What the e-mail inbound side needs from the store: the thread a mail belongs to, the ticket it
 * files or raises, and the claim that lets one instance of several file it.
 */
export type EmailInboundStore = DedupStore &
  Pick<ConversationStore, 'getConversation' | 'findConversation'> &
  Pick<TranscriptStore, 'getMessages' | 'findMessageByExternalId' | 'findMessageByProviderId'> &
  Pick<TicketStore, 'getTicket' | 'saveTicket'>;

/** Options of the e-mail inbound side. */
export interface EmailInboundOptions {
  engine: Engine;
  store: EmailInboundStore;
  tickets: TicketService;
  policy: SupportPolicy;
  log: Logger;
  dataDir: string;
  /** Our own addresses (lower case): mail from them is never taken in or answered. */
  ownAddresses: string[];
  /** The domain of our Message-IDs, to find the message a bounce reports on. */
  messageIdDomain: string;
  files: FileLimits;
  /** Longest text the engine takes (MAX_MESSAGE_LENGTH); longer mail is cut with a note. */
  maxTextLength: number;
  /** The docs: sections that clearly answer a new e-mail are named in the acknowledgement. */
  knowledge?: KnowledgeBase;
  /** Reads a new e-mail for the severity its words suggest, when it names none. */
  understanding?: MessageUnderstanding;
  /** Closes or reopens a ticket whose proposed fix the customer answers about. */
  fixConfirmation?: FixConfirmation;
  now?: () => number;
}

/** How long one instance holds the right to open the ticket of a new thread. */
const TICKET_CLAIM_MS = 60_000;
/** How long a mail is remembered as fully taken in (longer than any mailbox or webhook retry). */
const FOLLOWED_MS = 7 * 86_400_000;
/** The key that says a mail's follow-up (ticket, reopen, verdict) was done. */
const followedKey = (conversationId: string, messageId: string): string =>
  `email:followed:${conversationId}:${messageId}`;

/**
 * Takes in one e-mail, from IMAP or a webhook alike: bounces mark our message undelivered, mail
 * from robots and ourselves is never answered, a reply joins its thread, and a new thread becomes
 * a conversation with a ticket, one acknowledgement, and a place in the agents' queue. The bot
 * answers nothing else on e-mail: agents do. Each Message-ID is taken in once.
 */
export class EmailInbound {
  private readonly now: () => number;
  private readonly threads = new KeyedMutex();

  constructor(private readonly options: EmailInboundOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * One raw e-mail. `oversizeBytes` says only its headers were fetched (it was too large).
   * Resolves once the e-mail is safely stored (or known not to need storing); throws otherwise, so
   * the mailbox keeps it unseen and the webhook asks for a retry.
   */
  async receive(raw: Buffer, options: { oversizeBytes?: number } = {}): Promise<EmailOutcome> {
    const mail = await parseEmail(raw);
    const guard = unanswerable(mail, this.options.ownAddresses);
    if (guard?.kind === 'bounce') return this.recordBounce(mail);
    if (guard?.kind === 'own' || !mail.from) {
      this.options.log.info({ reason: guard?.reason ?? 'no sender' }, 'e-mail not taken in');
      return 'ignored';
    }
    const thread = await findThread(this.options.store, mail);
    if (guard && !thread) {
      this.options.log.info({ reason: guard.reason }, 'automated e-mail not answered');
      return 'ignored';
    }
    const key = thread?.ref.conversationKey ?? mail.messageId;
    return this.threads.run(key, () => this.store(mail, thread, key, guard, options.oversizeBytes));
  }

  private async store(
    mail: ParsedEmail,
    thread: Conversation | undefined,
    key: string,
    guard: Unanswerable | undefined,
    oversizeBytes: number | undefined,
  ): Promise<EmailOutcome> {
    const { engine } = this.options;
    const from = mail.from!;
    const known = thread ?? (await this.options.store.findConversation('email', key));
    if (known && (await this.options.store.findMessageByExternalId(known.id, mail.messageId))) {
      // Stored before but maybe not followed up (a crash between the two); a mail seen again after
      // a full take-in (a lost \Seen flag, a webhook retry) must not be acted on twice, least of all
      // against a state it never met (reopening a ticket the agent resolved after reading it).
      if (!guard && !(await this.options.store.isRemembered(followedKey(known.id, mail.messageId)))) {
        await this.followUp(known, mail, mail.text);
        await this.options.store.remember(followedKey(known.id, mail.messageId), FOLLOWED_MS);
      }
      return 'duplicate';
    }
    const kept = await keepEmailFiles(mail.files, {
      dataDir: this.options.dataDir,
      ownerKey: `email:${key}`,
      limits: this.options.files,
      now: this.now(),
      ...(oversizeBytes !== undefined && { oversizeBytes }),
    });
    const text = this.compose(mail, thread === undefined, kept.notes, kept.attachments.length > 0);
    const ref: ConversationRef = {
      channel: 'email',
      conversationKey: key,
      customerId: thread?.ref.customerId ?? from.address,
    };
    const { conversation, duplicate } = await engine.handleInbound(
      {
        ref,
        text,
        externalId: mail.messageId,
        receivedAt: this.now(),
        ...(kept.attachments.length > 0 && { attachments: kept.attachments }),
        // A colleague in copy replying must not overwrite the customer's own details. The first
        // mail's language is the conversation's: every mail we send in the thread speaks it.
        ...(!thread && { profile: this.profileOf(mail, from) }),
        raw: { messageId: mail.messageId, from: from.address, subject: mail.subject },
      },
      { route: false },
    );
    const remembered = await engine.updateConversation(conversation.id, (c) => ({
      ...c,
      memory: { ...c.memory, [EMAIL_MEMORY]: rememberInbound(threadMemory(c), mail) },
    }));
    if (guard) return duplicate ? 'duplicate' : 'stored'; // an auto-reply in a thread: for the agent's eyes only
    // Decided on the conversation as the mail found it: a reply that arrived while an agent had the
    // ticket stays theirs even if they resolve it a moment later, before this step runs.
    await this.followUp({ ...remembered, mode: conversation.mode, flow: conversation.flow }, mail, text);
    await this.options.store.remember(followedKey(conversation.id, mail.messageId), FOLLOWED_MS);
    return duplicate ? 'duplicate' : 'stored';
  }

  /**
   * What the desk does after storing: a new thread gets its ticket, the queue and one
   * acknowledgement; a reply to a resolved ticket reopens it; a reply while an agent has the
   * ticket only waits in the transcript.
   */
  private async followUp(conversation: Conversation, mail: ParsedEmail, text: string): Promise<void> {
    const ticketId = conversation.brief?.ticketId;
    if (!ticketId) await this.openTicket(conversation, mail);
    else if (await this.answersProposedFix(conversation, mail)) return;
    else if (botIsAnswering(conversation.mode)) await this.reopen(conversation, ticketId, text);
    else await this.raiseSeverity(conversation, ticketId, mail);
  }

  /**
   * A reply that names a more urgent severity than the ticket has ("P1", as the acknowledgement
   * invites) raises the ticket and its place in the queue; the bot still says nothing.
   */
  private async raiseSeverity(
    conversation: Conversation,
    ticketId: string,
    mail: ParsedEmail,
  ): Promise<void> {
    const { engine } = this.options;
    const named = readEmailBrief(mail.subject, mail.text);
    const current = conversation.brief?.severity;
    if (!named.severity || (current !== undefined && priorityOf(named.severity) >= priorityOf(current)))
      return;
    const raised = {
      severity: named.severity,
      ...(named.category && !conversation.brief?.category && { category: named.category }),
    };
    const ticket = await this.options.store.getTicket(ticketId);
    if (ticket) {
      await this.options.store.saveTicket({
        ...ticket,
        brief: { ...ticket.brief, ...raised },
        updatedAt: this.now(),
      });
    }
    await engine.updateConversation(conversation.id, (c) => ({
      ...c,
      brief: { ...c.brief, ...raised },
      priority: priorityOf(named.severity),
    }));
    this.options.log.info(
      { conversationId: conversation.id, severity: named.severity },
      'e-mail raised severity',
    );
  }

  private async openTicket(conversation: Conversation, mail: ParsedEmail): Promise<void> {
    const { engine, tickets, policy } = this.options;
    // Several instances may read the same mailbox: one of them files the ticket.
    if (!(await this.options.store.remember(`email:ticket:${conversation.id}`, TICKET_CLAIM_MS))) return;
    const attachments = (await this.options.store.getMessages(conversation.id, 0, 5)).flatMap(
      (m) => m.attachments?.map((a) => a.url) ?? [],
    );
    const brief = {
      ...readEmailBrief(mail.subject, mail.text),
      ...(attachments.length > 0 && { attachments }),
    };
    const title = mail.subject || mail.text.split('\n')[0] || 'E-mail';
    const ticket = await tickets.create(conversation, brief, title);
    const suggested = ticket.brief.severity ? undefined : await this.suggestedSeverity(mail);
    await engine.updateConversation(conversation.id, (c) => ({
      ...c,
      // Kept as the bot's suggestion: the agent who takes the e-mail finds it in the classification form.
      brief: {
        ...ticket.brief,
        ...(suggested && { suggestedSeverity: suggested.severity }),
        ...(suggested?.category && { suggestedCategory: suggested.category }),
      },
      // A severity the words only suggest orders the queue; the ticket waits for a person to set it.
      priority: priorityOf(ticket.brief.severity ?? suggested?.severity),
    }));
    const queued = await engine.handoff.transition(conversation.id, {
      event: 'request',
      at: this.now(),
      reason: `E-mail ticket ${ticket.id}`,
    });
    const docs = await this.docsFor(`${mail.subject}\n${mail.text}`);
    await engine.say(
      queued,
      emailAcknowledgement(policy, {
        ticketId: ticket.id,
        brief: ticket.brief,
        now: this.now(),
        docs,
        ...(suggested && { suggested }),
        language: conversationLanguage(conversation),
      }),
    );
  }

  /** The severity (and category) the understanding step reads in an e-mail that names none. */
  private async suggestedSeverity(mail: ParsedEmail): Promise<SuggestedSeverity | undefined> {
    const { understanding, log } = this.options;
    if (!understanding) return undefined;
    try {
      const { entities } = await understanding.understand(`${mail.subject}\n${mail.text}`.slice(0, 2000));
      const cue = entities.severityCue;
      if (!cue) return undefined;
      return { severity: cue.severity, ...(entities.categoryCue && { category: entities.categoryCue }) };
    } catch (error) {
      // The acknowledgement matters more than the suggestion: it goes out with the hours alone.
      log.warn({ err: error }, 'reading an e-mail for its severity failed');
      return undefined;
    }
  }

  /** The best docs sections when the docs answer the e-mail confidently; none otherwise. */
  private async docsFor(question: string): Promise<KnowledgeHit[]> {
    const { knowledge, log } = this.options;
    if (!knowledge) return [];
    try {
      const answer = await knowledge.answer(question.slice(0, 500));
      return answer.kind === 'answer' ? answer.hits.slice(0, 3) : [];
    } catch (error) {
      // The acknowledgement matters more than the suggestions: it goes out without them.
      log.warn({ err: error }, 'docs lookup for an e-mail failed');
      return [];
    }
  }

  /**
   * A reply to a ticket whose fix an agent proposed is read for the customer's verdict, as on the
   * other channels (the same understanding step and the same reading as flows/confirm-fix.ts):
   * "works" closes the ticket with their confirmation, "still broken" reopens it and hands the
   * e-mail to the agent who proposed the fix (or the queue). A reply that says neither goes to the
   * queue for a person to read, the ticket still waiting for the verdict. False when the
   * conversation waits for no verdict.
   */
  private async answersProposedFix(conversation: Conversation, mail: ParsedEmail): Promise<boolean> {
    const { engine, fixConfirmation, understanding } = this.options;
    const position = conversation.flow;
    const ticketId = position?.flowId === CONFIRM_FIX_FLOW ? position.data.ticketId : undefined;
    if (typeof ticketId !== 'string' || !fixConfirmation) return false;
    const ticket = await this.options.store.getTicket(ticketId);
    if (ticket?.status !== 'fix-proposed') return false;
    const said = mail.text.slice(0, 2000);
    const verdict = understanding ? verdictOf(await understanding.understand(said)) : undefined;
    const answered = await engine.updateConversation(conversation.id, (c) => ({
      ...c,
      flow: verdict ? undefined : c.flow,
    }));
    if (verdict === 'works') {
      await engine.say(answered, await fixConfirmation.confirmed(ticketId));
      return true;
    }
    if (verdict === 'broken') {
      await fixDidNotHold(fixConfirmation, answered, ticketId, said, {
        say: (text) => engine.say(answered, text),
        handoff: (reason) =>
          engine.handoff.transition(conversation.id, { event: 'request', at: this.now(), reason }),
      });
      return true;
    }
    await engine.handoff.transition(conversation.id, {
      event: 'request',
      at: this.now(),
      reason: `Reply about the fix proposed on ${ticketId}, not read as "works" or "still broken"`,
    });
    return true;
  }

  private async reopen(conversation: Conversation, ticketId: string, text: string): Promise<void> {
    const { engine, tickets, policy } = this.options;
    // Within the policy's reopen window the ticket reopens; after it a new one links the old one.
    const description = text.slice(0, 2000);
    const { ticket, reopened } = await tickets.recurrence(
      ticketId,
      conversation,
      { ...conversation.brief, description },
      conversation.brief?.description?.split('\n')[0] ?? description.split('\n')[0] ?? 'E-mail',
    );
    const brief = ticket.brief;
    await engine.updateConversation(conversation.id, (c) => ({ ...c, brief }));
    const queued = await engine.handoff.transition(conversation.id, {
      event: 'request',
      at: this.now(),
      reason: reopened
        ? `Reply to resolved ticket ${ticketId}`
        : `New ticket ${ticket.id}, linked to ${ticketId}`,
    });
    await engine.say(
      queued,
      emailAcknowledgement(policy, {
        ticketId: ticket.id,
        brief,
        now: this.now(),
        reopened,
        language: conversationLanguage(conversation),
      }),
    );
  }

  /** What a new thread tells about its customer: address, name, and the language the mail declares. */
  private profileOf(mail: ParsedEmail, from: { address: string; name?: string }): Conversation['profile'] {
    const locale = emailLocale(mail);
    return { email: from.address, ...(from.name && { displayName: from.name }), ...(locale && { locale }) };
  }

  /** The transcript text: the subject of a new thread, the new text, then notes for the agent. */
  private compose(mail: ParsedEmail, isNew: boolean, notes: string[], hasFiles: boolean): string {
    const head = isNew && mail.subject ? `Subject: ${mail.subject}\n\n` : '';
    const body = mail.text || (hasFiles ? '' : '(The e-mail has no text.)');
    const noteLines = (all: string[]) => all.map((note) => `\n\n[Note for the agent: ${note}]`).join('');
    let text = `${head}${body}${noteLines(notes)}`;
    if (text.length <= this.options.maxTextLength) return text.trim();
    const cutNote = `the e-mail is ${body.length} characters long; the rest was cut here. Read it whole in the mailbox.`;
    const room = this.options.maxTextLength - head.length - noteLines([cutNote, ...notes]).length - 1;
    text = `${head}${body.slice(0, Math.max(0, room))}…${noteLines([cutNote, ...notes])}`;
    return text.trim();
  }

  /** A delivery failure report: the message it names is shown undelivered, with the reason. */
  private async recordBounce(mail: ParsedEmail): Promise<EmailOutcome> {
    const { engine, messageIdDomain } = this.options;
    const ours = messageIdsIn(mail.source).filter((id) => id.toLowerCase().endsWith(`@${messageIdDomain}>`));
    for (const id of new Set(ours)) {
      const message = await this.options.store.findMessageByProviderId(id);
      const conversation = message && (await this.options.store.getConversation(message.conversationId));
      if (!message || !conversation) continue;
      await engine.delivery.setDelivery(conversation, message, {
        status: 'undelivered',
        providerId: id,
        at: this.now(),
        error: bounceReason(mail),
      });
      this.options.log.info({ conversationId: conversation.id }, 'e-mail bounced');
    }
    return 'bounce';
  }
}
