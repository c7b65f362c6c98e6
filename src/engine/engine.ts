import { textsFor } from '../i18n/translate';
import { randomBytes } from 'node:crypto';
import type { Channel } from '../channels/channel';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { EngineEvents } from '../events/engine-events';
import { botIsAnswering, type TransitionInput } from '../handoff/handoff-machine';
import { HandoffService, type AgentPresence } from '../handoff/handoff-service';
import { DeliveryPath } from '../delivery/delivery-path';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Logger } from '../logger';
import type { Agent } from '../model/agent';
import type { ChannelName, Conversation } from '../model/conversation';
import type { Attachment, InboundMessage, MessageContent, TranscriptMessage } from '../model/message';
import type { NewMessage, Store } from '../store/store';
import type { FlowPosition } from '../model/flow-position';
import type { MessageUnderstanding } from '../understanding/understander';
import { nothingUnderstood, type Understanding } from '../understanding/understanding';
import type { Flow, FlowContext, FlowOutcome } from './flow';
import { composeSteps, type InboundContext } from './inbound-pipeline';
import { routingSteps, type RoutingHost } from './routing-steps';
import type { FlowServices } from './flow-services';
import type { HandoffNotice } from './handoff-notice';
import { KeyedMutex } from './keyed-mutex';

/**
 * How long one instance holds an inbound provider id while it stores the message. Short on purpose:
 * if that instance dies before storing, the provider's retry (or the widget's resend) goes through
 * once the claim lapses. "Already processed" is read from the transcript, which keeps the id.
 */
const INBOUND_CLAIM_MS = 10_000;

export type { AgentPresence } from '../handoff/handoff-service';

/** What the engine is built from; the composition root supplies every piece. */
export interface EngineOptions {
  store: Store;
  events: EngineEvents;
  log: Logger;
  flows: Flow[];
  /** The understanding step every message goes through before the flows. */
  understanding: MessageUnderstanding;
  knowledge?: KnowledgeBase;
  services?: FlowServices;
  presence?: AgentPresence;
  handoffNotice?: HandoffNotice;
  clock?: () => number;
  maxMessageLength?: number;
  /** Wraps each channel as it registers (the composition root puts remote ones behind the outbox). */
  decorateChannel?: (channel: Channel) => Channel;
}

/** What happened to one inbound message. */
export interface InboundResult {
  conversation: Conversation;
  message?: TranscriptMessage;
  duplicate: boolean;
}

/**
 * The conversation engine: one entry point for every inbound message on every channel, the
 * handoff actions agents take, and delivery of bot and agent messages back on the customer's
 * own channel. It knows channels only through the `Channel` contract.
 */
export class Engine {
  private readonly mutex = new KeyedMutex();
  private readonly now: () => number;
  private readonly maxLength: number;
  private readonly understanding: MessageUnderstanding;
  private readonly routeInbound: (context: InboundContext) => Promise<void>;
  /** Every handoff transition, with its permission checks and rules. */
  readonly handoff: HandoffService;
  /** Sending, retrying, recording and redelivering bot and agent messages. */
  private readonly delivery: DeliveryPath;

  constructor(private readonly options: EngineOptions) {
    this.now = options.clock ?? Date.now;
    this.maxLength = options.maxMessageLength ?? 4000;
    this.understanding = options.understanding;
    this.delivery = new DeliveryPath({
      store: options.store,
      events: options.events,
      log: options.log,
      now: this.now,
      mutex: this.mutex,
      record: (conversation, message) => this.append(conversation, message),
      ...(options.decorateChannel && { decorate: options.decorateChannel }),
    });
    this.handoff = new HandoffService({
      store: options.store,
      events: options.events,
      record: (conversation, message) => this.append(conversation, message),
      say: (conversation, content) => this.say(conversation, content),
      now: this.now,
      ...(options.presence && { presence: options.presence }),
      ...(options.handoffNotice && { handoffNotice: options.handoffNotice }),
      ...(options.services && { services: options.services }),
    });
    this.routeInbound = composeSteps(routingSteps(this.routingHost()));
  }

  get store(): Store {
    return this.options.store;
  }

  get events(): EngineEvents {
    return this.options.events;
  }

  /** Registers the adapter that delivers messages on a channel (decorated as the options say). */
  registerChannel(channel: Channel): void {
    this.delivery.register(channel);
  }

  /** The registered (decorated) channel, if any. */
  channel(name: ChannelName): Channel | undefined {
    return this.delivery.channel(name);
  }

  /** Resolves when every message being handled has been handled (used when draining). */
  idle(): Promise<void> {
    return this.mutex.idle();
  }

  /**
   * Handles one message from a customer: deduplicates it, stores it, then lets the handoff state,
   * the "Human" interrupt and the flows decide what happens. Stored before anything else, so a
   * crash later loses no customer text. With `route: false` the message is only stored (and
   * deduplicated): a channel keyword the adapter answers itself, such as SMS STOP or HELP.
   * `onStored` runs as soon as the message is safely stored (or known to be a duplicate), before
   * the flows: a webhook acknowledges there, so the provider never waits for slow work.
   */
  async handleInbound(
    inbound: InboundMessage,
    options: { route?: boolean; onStored?: () => void } = {},
  ): Promise<InboundResult> {
    const text = this.validateText(inbound.text, inbound.attachments);
    const lockKey = `${inbound.ref.channel}:${inbound.ref.conversationKey}`;
    return this.mutex.run(lockKey, async () => {
      const dedupKey = inbound.externalId ? `in:${inbound.ref.channel}:${inbound.externalId}` : undefined;
      const claimed = dedupKey ? await this.store.remember(dedupKey, INBOUND_CLAIM_MS) : true;
      let conversation = await this.findOrCreate(inbound);
      if (inbound.externalId !== undefined && (await this.isStored(conversation, inbound.externalId))) {
        options.onStored?.();
        return { conversation, duplicate: true };
      }
      if (!claimed) {
        // Another instance is storing it right now (or died doing so): the sender must retry.
        throw new ConflictError('This message is still being processed; try again shortly', 'in_progress');
      }
      try {
        const appended = await this.append(conversation, {
          author: 'customer',
          text,
          createdAt: inbound.receivedAt ?? this.now(),
          ...(inbound.attachments?.length && { attachments: inbound.attachments }),
          ...(inbound.externalId !== undefined && { externalId: inbound.externalId }),
          ...(options.route === false && { unrouted: true as const }),
        });
        options.onStored?.();
        const message = appended.message;
        conversation = appended.conversation;
        if (options.route !== false) {
          await this.routeInbound({ conversation, message, understanding: nothingUnderstood() });
        }
        const latest = (await this.store.getConversation(conversation.id)) ?? conversation;
        return { conversation: latest, message, duplicate: false };
      } catch (error) {
        // Let the provider's retry through: the message was not handled.
        if (dedupKey) await this.store.forget(dedupKey);
        throw error;
      }
    });
  }

  /** Sends a bot message the customer did not prompt (greeting, notice) and records it. */
  async say(conversation: Conversation, content: MessageContent | string): Promise<TranscriptMessage> {
    return (await this.sayAndRead(conversation, content)).message;
  }

  /** `say`, also giving the conversation as it is after the message was stored. */
  private async sayAndRead(
    conversation: Conversation,
    content: MessageContent | string,
  ): Promise<{ message: TranscriptMessage; conversation: Conversation }> {
    const body = typeof content === 'string' ? { text: content } : content;
    return this.delivery.deliver(conversation, { ...body, author: 'bot', createdAt: this.now() });
  }

  /** Announces a typing indicator to the other side (and to the customer's channel when it can). */
  async typing(conversationId: string, author: 'customer' | 'agent' | 'bot', on: boolean): Promise<void> {
    this.events.emit('typing', { conversationId, author, on });
    if (author === 'customer') return;
    const conversation = await this.store.getConversation(conversationId);
    const channel = conversation && this.delivery.channel(conversation.ref.channel);
    if (conversation && channel?.capabilities.typing && channel.sendTyping) {
      await channel.sendTyping(conversation.ref, on).catch(() => undefined);
    }
  }

  /** The customer (or a flow) asks for a human (see HandoffService.request). */
  requestHandoff(conversationId: string, reason: string): Promise<Conversation> {
    return this.handoff.request(conversationId, reason);
  }

  /** An agent claims a queued conversation (see HandoffService.claim). */
  claim(conversationId: string, agent: Agent): Promise<Conversation> {
    return this.handoff.claim(conversationId, agent);
  }

  /**
   * An agent answers; the message goes out on the customer's own channel. With a `clientId`, a
   * reply the console re-sends after a dropped connection is delivered once: the id is kept on the
   * stored message, so even a crash between storing and answering cannot double it or lose it.
   */
  async agentReply(
    conversationId: string,
    agent: Agent,
    text: string,
    options: { clientId?: string; attachments?: Attachment[] } = {},
  ): Promise<{ message: TranscriptMessage; duplicate: boolean }> {
    const { clientId, attachments } = options;
    const clean = this.validateText(text, attachments);
    const conversation = await this.requireConversation(conversationId);
    if (conversation.mode !== 'assigned' || conversation.assignedAgentId !== agent.id) {
      throw new ConflictError('Claim the conversation before replying', 'not_assigned');
    }
    const externalId = clientId ? `agent:${agent.id}:${clientId}` : undefined;
    return this.mutex.run(`${conversation.ref.channel}:${conversation.ref.conversationKey}`, async () => {
      if (externalId) {
        const current = (await this.store.getConversation(conversation.id)) ?? conversation;
        const earlier = await this.findStored(current, 'agent', externalId);
        if (earlier) return { message: earlier, duplicate: true };
        if (!(await this.store.remember(`reply:${externalId}`, INBOUND_CLAIM_MS))) {
          throw new ConflictError('This reply is still being sent; try again shortly', 'in_progress');
        }
      }
      const { message } = await this.delivery.deliver(conversation, {
        author: 'agent',
        authorName: agent.displayName,
        text: clean,
        createdAt: this.now(),
        ...(externalId !== undefined && { externalId }),
        ...(attachments?.length && { attachments }),
      });
      return { message, duplicate: false };
    });
  }

  /** The agent is done (see HandoffService.resolve). */
  resolve(conversationId: string, agent: Agent): Promise<Conversation> {
    return this.handoff.resolve(conversationId, agent);
  }

  /** Gives an assigned conversation back to the queue (see HandoffService.release). */
  release(conversationId: string, agent: Agent): Promise<Conversation> {
    return this.handoff.release(conversationId, agent);
  }

  /** The customer left (see HandoffService.abandon). */
  abandon(conversationId: string, reason: string): Promise<Conversation> {
    return this.handoff.abandon(conversationId, reason);
  }

  /** Applies one handoff transition (see HandoffService.transition). */
  transition(conversationId: string, input: TransitionInput): Promise<Conversation> {
    return this.handoff.transition(conversationId, input);
  }

  /** Changes a conversation atomically and announces the change. */
  async updateConversation(
    conversationId: string,
    change: (conversation: Conversation) => Conversation,
  ): Promise<Conversation> {
    const updated = await this.store.updateConversation(conversationId, (c) => change(structuredClone(c)));
    if (!updated) throw new NotFoundError('Conversation');
    this.events.emit('conversation', { conversation: updated });
    return updated;
  }

  /**
   * Answers customer messages that were stored but never answered because the process died in
   * between (a webhook is acknowledged once the message is stored, so nobody sends it again): the
   * newest message of a conversation the bot answers is the customer's, older than `minAgeMs`
   * (not in flight) and younger than `maxAgeMs` (the customer is likely still there). Each is
   * claimed first, so of several instances starting at once one answers it. Returns how many.
   */
  async answerUnanswered(maxAgeMs: number, minAgeMs = 3000): Promise<number> {
    const now = this.now();
    const candidates = await this.store.listConversations({ modes: ['bot', 'resolved'], limit: 500 });
    let answered = 0;
    for (const conversation of candidates) {
      const at = conversation.lastMessageAt ?? 0;
      if (conversation.unreachable || at > now - minAgeMs || at < now - maxAgeMs) continue;
      const [last] = await this.store.getMessages(conversation.id, conversation.lastSeq - 1);
      if (!last || last.author !== 'customer' || last.unrouted) continue;
      if (!(await this.store.remember(`unanswered:${conversation.id}:${last.seq}`, maxAgeMs))) continue;
      const lockKey = `${conversation.ref.channel}:${conversation.ref.conversationKey}`;
      await this.mutex.run(lockKey, async () => {
        const current = (await this.store.getConversation(conversation.id)) ?? conversation;
        // Answered meanwhile (the customer wrote again, or another instance got there first).
        if (current.lastSeq !== last.seq) return;
        await this.routeInbound({
          conversation: current,
          message: last,
          understanding: nothingUnderstood(),
        });
        answered += 1;
      });
    }
    return answered;
  }

  /** Records "Did this help?" on a bot answer. */
  async recordFeedback(conversationId: string, seq: number, helpful: boolean): Promise<void> {
    const conversation = await this.requireConversation(conversationId);
    const message = await this.store.updateMessage(conversationId, seq, {
      feedback: helpful ? 'helpful' : 'not-helpful',
    });
    if (!message || message.author !== 'bot') throw new NotFoundError('Answer');
    await this.store.appendRecord('answer-feedback', {
      conversationId,
      seq,
      answerId: message.answerId,
      helpful,
      at: this.now(),
    });
    this.events.emit('messageUpdated', { conversation, message });
  }

  /** The routing host the inbound steps use: the engine's own actions, nothing more. */
  private routingHost(): RoutingHost {
    return {
      flows: this.options.flows,
      understand: (text) => this.understanding.understand(text, new Date(this.now())),
      say: async (conversation, content) => (await this.sayAndRead(conversation, content)).conversation,
      requestHandoff: (id, reason) => this.requestHandoff(id, reason),
      cancelHandoff: async (conversation) => {
        await this.handoff.cancel(conversation.id);
      },
      noteHumanAfterAnswer: (conversation) => this.noteHumanAfterAnswer(conversation),
      runStep: (flow, context, position) => this.runStep(flow, context, position),
      readConversation: async (conversation) =>
        (await this.store.getConversation(conversation.id)) ?? conversation,
      leaveFlow: async (conversation) =>
        (await this.store.updateConversation(conversation.id, (c) =>
          c.flow ? { ...c, flow: undefined } : undefined,
        )) ?? conversation,
    };
  }

  private async runStep(
    flow: Flow,
    inbound: InboundContext,
    position: FlowPosition | undefined,
  ): Promise<FlowOutcome> {
    const { conversation } = inbound;
    const context = this.flowContext(conversation, inbound.message, inbound.understanding, flow.id);
    let outcome: FlowOutcome;
    try {
      outcome = await flow.run(context, position);
    } catch (error) {
      this.options.log.error({ err: error, flow: flow.id, conversationId: conversation.id }, 'flow failed');
      await this.store.updateConversation(conversation.id, (c) =>
        c.flow ? { ...c, flow: undefined } : undefined,
      );
      await this.say(conversation, textsFor(conversation)('routing.failed'));
      return { done: true };
    }
    // Most answers neither start nor end a flow: then there is nothing to write. Flow positions are
    // only ever written here, under this conversation's lock, so the copy in hand is current.
    if (!('wait' in outcome) && !context.conversation.flow && !conversation.flow) return outcome;
    const prompt = context.lastPrompt();
    await this.store.updateConversation(conversation.id, (current) => {
      if (!botIsAnswering(current.mode)) return current.flow ? { ...current, flow: undefined } : undefined;
      if ('wait' in outcome) {
        return {
          ...current,
          flow: { flowId: flow.id, ...outcome.wait, at: this.now(), ...(prompt && { prompt }) },
        };
      }
      if ('done' in outcome && current.flow?.flowId === flow.id) return { ...current, flow: undefined };
      return undefined;
    });
    return outcome;
  }

  private flowContext(
    conversation: Conversation,
    message: TranscriptMessage,
    understanding: Understanding,
    flowId: string,
  ): FlowContext & { lastPrompt(): FlowPosition['prompt'] } {
    let current = conversation;
    let prompt: FlowPosition['prompt'];
    return {
      get conversation() {
        return current;
      },
      lastPrompt: () => prompt,
      message,
      text: message.text,
      understanding,
      attachments: message.attachments ?? [],
      knowledge: this.options.knowledge,
      store: this.store,
      services: this.options.services ?? {},
      now: () => this.now(),
      say: async (content) => {
        const body = typeof content === 'string' ? { text: content } : content;
        prompt = { text: body.text, ...(body.quickReplies && { quickReplies: body.quickReplies }) };
        const sent = await this.sayAndRead(current, { ...body, flowId });
        current = sent.conversation;
        return sent.message;
      },
      handoff: async (reason) => {
        if (current.mode === 'queued' || current.mode === 'assigned') {
          // Already with the team: the reason is updated for the agent instead.
          current = await this.updateConversation(current.id, (c) => ({ ...c, handoffReason: reason }));
          return;
        }
        current = await this.requestHandoff(current.id, reason);
      },
      update: async (change) => {
        current = await this.updateConversation(current.id, change);
        return current;
      },
    };
  }

  /**
   * Sends again what an instance stored but never handed to its channel (see
   * DeliveryPath.redeliverStale).
   */
  redeliverStale(olderThanMs: number): Promise<number> {
    return this.delivery.redeliverStale(olderThanMs);
  }

  /** Updates a message's delivery state (also called by adapters on provider status callbacks). */
  setDelivery(
    conversation: Conversation,
    message: TranscriptMessage,
    delivery: NonNullable<TranscriptMessage['delivery']>,
  ): Promise<TranscriptMessage> {
    return this.delivery.setDelivery(conversation, message, delivery);
  }

  /** Marks a customer unreachable (blocked the bot, opted out) so nothing more is sent and agents see why. */
  markUnreachable(conversationId: string, reason: string | undefined): Promise<Conversation> {
    return this.delivery.markUnreachable(conversationId, reason);
  }

  /** Stores a transcript message and announces it; also gives the conversation as it is after it. */
  private async append(
    conversation: Conversation,
    message: NewMessage,
  ): Promise<{ message: TranscriptMessage; conversation: Conversation }> {
    const appended = await this.store.appendMessage(conversation.id, message);
    this.events.emit('message', appended);
    return appended;
  }

  private async findOrCreate(inbound: InboundMessage): Promise<Conversation> {
    const existing = await this.store.findConversation(inbound.ref.channel, inbound.ref.conversationKey);
    if (existing) {
      if (inbound.profile && hasNewProfileFields(existing.profile, inbound.profile)) {
        return (
          (await this.store.updateConversation(existing.id, (c) => ({
            ...c,
            profile: { ...c.profile, ...inbound.profile },
          }))) ?? existing
        );
      }
      return existing;
    }
    const created = await this.store.createConversation({
      id: `c_${randomBytes(9).toString('base64url')}`,
      ref: inbound.ref,
      profile: inbound.profile ?? {},
    });
    this.events.emit('conversation', { conversation: created });
    return created;
  }

  /** Whether a customer message with this provider id is already in the transcript. */
  private async isStored(conversation: Conversation, externalId: string): Promise<boolean> {
    return (await this.findStored(conversation, 'customer', externalId)) !== undefined;
  }

  /** A transcript message by this author carrying this provider or client id. */
  private async findStored(
    conversation: Conversation,
    author: TranscriptMessage['author'],
    externalId: string,
  ): Promise<TranscriptMessage | undefined> {
    const found = await this.store.findMessageByExternalId(conversation.id, externalId);
    return found?.author === author ? found : undefined;
  }

  private async requireConversation(id: string): Promise<Conversation> {
    const conversation = await this.store.getConversation(id);
    if (!conversation) throw new NotFoundError('Conversation');
    return conversation;
  }

  /** A "Human" soon after a docs answer counts against that answer (the team sees what the docs fail). */
  private async noteHumanAfterAnswer(conversation: Conversation): Promise<void> {
    const recent = await this.store.getMessages(conversation.id, Math.max(0, conversation.lastSeq - 10));
    const answer = recent.reverse().find((m) => m.author === 'bot' && m.answerId !== undefined);
    if (answer?.answerId && this.now() - answer.createdAt < 30 * 60 * 1000) {
      await this.store.appendRecord('answer-feedback', {
        conversationId: conversation.id,
        answerId: answer.answerId,
        outcome: 'human',
        at: this.now(),
      });
    }
  }

  private validateText(text: unknown, attachments?: Attachment[]): string {
    if (typeof text !== 'string') throw new ValidationError('Message text must be a string');
    const trimmed = text.trim();
    if (trimmed.length === 0 && !attachments?.length) throw new ValidationError('Message is empty', 'empty');
    if (trimmed.length > this.maxLength) {
      throw new ValidationError(`Message is longer than ${this.maxLength} characters`, 'too_long');
    }
    return trimmed;
  }
}

function hasNewProfileFields(current: Conversation['profile'], incoming: Conversation['profile']): boolean {
  return Object.entries(incoming).some(
    ([key, value]) => value !== undefined && current[key as keyof typeof current] !== value,
  );
}
