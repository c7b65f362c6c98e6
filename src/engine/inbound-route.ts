import type { HandoffService } from '../handoff/handoff-service';
import type { Conversation } from '../model/conversation';
import type { MessageContent } from '../model/message';
import type { ConversationStore } from '../store/ports';
import type { MessageUnderstanding } from '../understanding/understander';
import type { AnswerAnalytics } from './answer-analytics';
import type { Flow } from './flow';
import type { FlowRunner } from './flow-runner';
import { composeSteps, type InboundContext } from './inbound-pipeline';
import { routingSteps } from './routing-steps';

/** The engine's parts the inbound steps act through. */
export interface InboundRouteParts {
  flows: readonly Flow[];
  understanding: MessageUnderstanding;
  now: () => number;
  store: Pick<ConversationStore, 'getConversation' | 'updateConversation'>;
  handoff: Pick<HandoffService, 'request' | 'cancel'>;
  analytics: Pick<AnswerAnalytics, 'noteHumanAfterAnswer'>;
  runner: Pick<FlowRunner, 'run'>;
  /** Sends a bot message and gives the conversation as it is after it was stored. */
  say(conversation: Conversation, content: MessageContent | string): Promise<{ conversation: Conversation }>;
}

/** The inbound pipeline (`routingSteps`, in their order) wired to the engine's parts. */
export function inboundRoute(parts: InboundRouteParts): (context: InboundContext) => Promise<void> {
  const { store, handoff, now } = parts;
  return composeSteps(
    routingSteps({
      flows: parts.flows,
      understand: (text) => parts.understanding.understand(text, new Date(now())),
      say: async (conversation, content) => (await parts.say(conversation, content)).conversation,
      requestHandoff: (id, reason) => handoff.request(id, reason),
      cancelHandoff: async (conversation) => void (await handoff.cancel(conversation.id)),
      noteHumanAfterAnswer: (conversation) => parts.analytics.noteHumanAfterAnswer(conversation),
      runStep: (flow, context, position) => parts.runner.run(flow, context, position),
      readConversation: async (conversation) =>
        (await store.getConversation(conversation.id)) ?? conversation,
      leaveFlow: async (conversation) =>
        (await store.updateConversation(conversation.id, (c) =>
          c.flow ? { ...c, flow: undefined } : undefined,
        )) ?? conversation,
    }),
  );
}
