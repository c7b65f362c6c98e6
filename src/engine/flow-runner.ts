import { botIsAnswering } from '../handoff/handoff-machine';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Logger } from '../logger';
import type { Conversation } from '../model/conversation';
import type { FlowPosition } from '../model/flow-position';
import type { MessageContent, TranscriptMessage } from '../model/message';
import type { ConversationStore } from '../store/ports';
import type { Understanding } from '../understanding/understanding';
import type { Flow, FlowContext, FlowOutcome } from './flow';
import type { FlowServices } from './flow-services';
import type { InboundContext } from './inbound-pipeline';
import { textsFor } from '../i18n/translate';

/** What the flow runner needs around it. */
export interface FlowRunnerOptions {
  store: Pick<ConversationStore, 'updateConversation'> & FlowContext['store'];
  log: Logger;
  now: () => number;
  knowledge?: KnowledgeBase;
  services: FlowServices;
  /** Sends a bot message and gives the conversation as it is after it was stored. */
  say(
    conversation: Conversation,
    content: MessageContent | string,
  ): Promise<{ message: TranscriptMessage; conversation: Conversation }>;
  requestHandoff(conversationId: string, reason: string): Promise<Conversation>;
  /** Changes a conversation atomically and announces the change. */
  update(conversationId: string, change: (conversation: Conversation) => Conversation): Promise<Conversation>;
}

/**
 * Runs one step of a flow: builds the `FlowContext` it sees, keeps the flow's position (where it
 * waits, with its state and the question it asked) in the conversation, and turns a flow that
 * throws into an apology instead of silence.
 */
export class FlowRunner {
  constructor(private readonly options: FlowRunnerOptions) {}

  async run(flow: Flow, inbound: InboundContext, position: FlowPosition | undefined): Promise<FlowOutcome> {
    const { store, log, now } = this.options;
    const { conversation } = inbound;
    const context = this.contextFor(conversation, inbound.message, inbound.understanding, flow.id);
    let outcome: FlowOutcome;
    try {
      outcome = await flow.run(context, position);
    } catch (error) {
      log.error({ err: error, flow: flow.id, conversationId: conversation.id }, 'flow failed');
      await store.updateConversation(conversation.id, (c) =>
        c.flow ? { ...c, flow: undefined } : undefined,
      );
      await this.options.say(conversation, textsFor(conversation)('routing.failed'));
      return { done: true };
    }
    // Most answers neither start nor end a flow: then there is nothing to write. Flow positions are
    // only ever written here, under this conversation's lock, so the copy in hand is current.
    if (!('wait' in outcome) && !context.conversation.flow && !conversation.flow) return outcome;
    const prompt = context.lastPrompt();
    await store.updateConversation(conversation.id, (current) => {
      if (!botIsAnswering(current.mode)) return current.flow ? { ...current, flow: undefined } : undefined;
      if ('wait' in outcome) {
        return {
          ...current,
          flow: { flowId: flow.id, ...outcome.wait, at: now(), ...(prompt && { prompt }) },
        };
      }
      if ('done' in outcome && current.flow?.flowId === flow.id) return { ...current, flow: undefined };
      return undefined;
    });
    return outcome;
  }

  private contextFor(
    conversation: Conversation,
    message: TranscriptMessage,
    understanding: Understanding,
    flowId: string,
  ): FlowContext & { lastPrompt(): FlowPosition['prompt'] } {
    const { options } = this;
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
      knowledge: options.knowledge,
      store: options.store,
      services: options.services,
      now: () => options.now(),
      say: async (content) => {
        const body = typeof content === 'string' ? { text: content } : content;
        prompt = { text: body.text, ...(body.quickReplies && { quickReplies: body.quickReplies }) };
        const sent = await options.say(current, { ...body, flowId });
        current = sent.conversation;
        return sent.message;
      },
      handoff: async (reason) => {
        if (current.mode === 'queued' || current.mode === 'assigned') {
          // Already with the team: the reason is updated for the agent instead.
          current = await options.update(current.id, (c) => ({ ...c, handoffReason: reason }));
          return;
        }
        current = await options.requestHandoff(current.id, reason);
      },
      update: async (change) => {
        current = await options.update(current.id, change);
        return current;
      },
    };
  }
}
