import type { Channel } from '../channels/channel';
import { DeliveryPath } from '../delivery/delivery-path';
import type { EngineEvents } from '../events/engine-events';
import { HandoffService, type AgentPresence } from '../handoff/handoff-service';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Logger } from '../logger';
import type { Agent } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { Attachment, InboundMessage, MessageContent, TranscriptMessage } from '../model/message';
import type { Store } from '../store/store';
import type { MessageUnderstanding } from '../understanding/understander';
import { AgentReplies } from './agent-replies';
import { AnswerAnalytics } from './answer-analytics';
import { ConversationWriter } from './conversation-writer';
import type { Flow } from './flow';
import { FlowRunner } from './flow-runner';
import type { FlowServices } from './flow-services';
import type { HandoffNotice } from './handoff-notice';
import { InboundIntake, type InboundResult } from './inbound-intake';
import { inboundRoute } from './inbound-route';
import { KeyedMutex } from './keyed-mutex';
import { RestartRecovery } from './restart-recovery';

export type { AgentPresence } from '../handoff/handoff-service';
export type { InboundResult } from './inbound-intake';

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

/**
 * The conversation engine, composed of its parts: the intake every customer message goes through
 * (then the inbound pipeline of `routing-steps.ts`), the flow runner, the handoff service, the
 * delivery path (channels, sending, redelivery), agent replies, answer analytics and restart
 * recovery. It knows channels only through the `Channel` contract.
 */
export class Engine {
  readonly events: EngineEvents;
  /** Every handoff transition (request, claim, release, resolve, end, ...), with its checks and rules. */
  readonly handoff: HandoffService;
  /** The channels, and sending, retrying, recording and redelivering bot and agent messages. */
  readonly delivery: DeliveryPath;
  /** "Did this help?" and requests for a person after an answer. */
  readonly analytics: AnswerAnalytics;
  /** Answers what a previous run stored but died before answering. */
  readonly recovery: RestartRecovery;
  private readonly mutex = new KeyedMutex();
  /** Stores transcript messages and conversation changes, announcing each. */
  readonly writer: ConversationWriter;
  private readonly intake: InboundIntake;
  private readonly replies: AgentReplies;
  private readonly now: () => number;

  constructor(options: EngineOptions) {
    const { store, events, log, knowledge, services = {} } = options;
    const now = (this.now = options.clock ?? Date.now);
    const maxLength = options.maxMessageLength ?? 4000;
    const { mutex } = this;
    this.events = events;
    this.writer = new ConversationWriter(store, events);
    const record = this.writer.append.bind(this.writer);
    const update = this.writer.update.bind(this.writer);
    const decorate = options.decorateChannel;
    this.delivery = new DeliveryPath({
      store,
      events,
      log,
      now,
      mutex,
      record,
      ...(decorate && { decorate }),
    });
    const say = (conversation: Conversation, content: MessageContent | string) =>
      this.delivery.deliver(conversation, { ...toContent(content), author: 'bot', createdAt: now() });
    this.handoff = new HandoffService({
      store,
      events,
      record,
      say,
      now,
      ...(options.presence && { presence: options.presence }),
      ...(options.handoffNotice && { handoffNotice: options.handoffNotice }),
      services,
    });
    this.analytics = new AnswerAnalytics({ store, events, now });
    const requestHandoff = (id: string, reason: string) => this.handoff.request(id, reason);
    const runner = new FlowRunner({
      store,
      log,
      now,
      services,
      say,
      requestHandoff,
      update,
      ...(knowledge && { knowledge }),
    });
    const { flows, understanding } = options;
    const { handoff, analytics } = this;
    const route = inboundRoute({ flows, understanding, now, store, handoff, analytics, runner, say });
    this.intake = new InboundIntake({ store, events, mutex, now, maxLength, append: record, route });
    this.replies = new AgentReplies({ store, delivery: this.delivery, mutex, now, maxLength });
    this.recovery = new RestartRecovery({ store, mutex, now, route });
  }

  /** Registers the adapter that delivers messages on a channel (decorated as the options say). */
  registerChannel(channel: Channel): void {
    this.delivery.register(channel);
  }

  /** Resolves when every message being handled has been handled (used when draining). */
  idle(): Promise<void> {
    return this.mutex.idle();
  }

  /** Handles one message from a customer (see InboundIntake.handle). */
  handleInbound(
    inbound: InboundMessage,
    options?: { route?: boolean; onStored?: () => void },
  ): Promise<InboundResult> {
    return this.intake.handle(inbound, options);
  }

  /** Sends a bot message the customer did not prompt (greeting, notice) and records it. */
  async say(conversation: Conversation, content: MessageContent | string): Promise<TranscriptMessage> {
    const bot = { ...toContent(content), author: 'bot' as const, createdAt: this.now() };
    return (await this.delivery.deliver(conversation, bot)).message;
  }

  /** An agent answers on the customer's own channel (see AgentReplies.send). */
  agentReply(
    conversationId: string,
    agent: Agent,
    text: string,
    options?: { clientId?: string; attachments?: Attachment[] },
  ): Promise<{ message: TranscriptMessage; duplicate: boolean }> {
    return this.replies.send(conversationId, agent, text, options);
  }

  /** Changes a conversation atomically and announces the change. */
  updateConversation(
    conversationId: string,
    change: (c: Conversation) => Conversation,
  ): Promise<Conversation> {
    return this.writer.update(conversationId, change);
  }
}

function toContent(content: MessageContent | string): MessageContent {
  return typeof content === 'string' ? { text: content } : content;
}
