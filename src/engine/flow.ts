import type { Conversation } from '../model/conversation';
import type { FlowPosition } from '../model/flow-position';
import type { Attachment, MessageContent, TranscriptMessage } from '../model/message';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Store } from '../store/store';
import type { FlowServices } from './flow-services';

/** What a flow sees and can do while it handles one customer message. */
export interface FlowContext {
  /** The conversation as it is now (refreshed after every `update`). */
  readonly conversation: Conversation;
  /** The customer's message being handled. */
  readonly message: TranscriptMessage;
  readonly text: string;
  readonly attachments: Attachment[];
  readonly knowledge: KnowledgeBase | undefined;
  readonly store: Store;
  readonly services: FlowServices;
  /** Milliseconds since the epoch, from the engine's clock (tests control it). */
  now(): number;
  /** Sends a bot message on the customer's channel and records it in the transcript. */
  say(content: MessageContent | string): Promise<TranscriptMessage>;
  /** Hands the conversation to a human; the flow should return `done` after it. */
  handoff(reason: string): Promise<void>;
  /** Changes the conversation atomically (brief, memory, priority) and announces the change. */
  update(change: (conversation: Conversation) => Conversation): Promise<Conversation>;
}

/** How a flow step ends: wait for the next message at a step, finish, or let the next handler try. */
export type FlowOutcome =
  { wait: { step: string; data: Record<string, unknown> } } | { done: true } | { pass: true };

/**
 * A conversation flow: a set of steps whose position lives in the conversation state, so a restart
 * resumes where the customer left off. Flows are tried in order; the first whose `matches` says yes
 * starts. A flow with `interrupts` is also checked while another flow waits (abuse, "cancel").
 */
export interface Flow {
  readonly id: string;
  readonly interrupts?: boolean;
  matches(text: string, conversation: Conversation): boolean;
  /** Runs one step: from the start when `position` is absent, else from where it waited. */
  run(context: FlowContext, position?: FlowPosition): Promise<FlowOutcome>;
}

/** Shorthand outcomes for flows. */
export const waitAt = (step: string, data: Record<string, unknown> = {}): FlowOutcome => ({
  wait: { step, data },
});
export const done: FlowOutcome = { done: true };
export const pass: FlowOutcome = { pass: true };
