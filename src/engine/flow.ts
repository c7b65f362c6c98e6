import type { Conversation } from '../model/conversation';
import type { FlowPosition } from '../model/flow-position';
import type { Attachment, MessageContent, TranscriptMessage } from '../model/message';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { RecordStore, TicketStore, TranscriptStore } from '../store/ports';
import type { Store } from '../store/store';
import type { Understanding } from '../understanding/understanding';
import type { FlowServices } from './flow-services';

/** What a flow sees and can do while it handles one customer message. */
export interface FlowContext {
  /** The conversation as it is now (refreshed after every `update`). */
  readonly conversation: Conversation;
  /** The customer's message being handled. */
  readonly message: TranscriptMessage;
  readonly text: string;
  /** What the understanding step made of the message: intents, entities. */
  readonly understanding: Understanding;
  readonly attachments: Attachment[];
  readonly knowledge: KnowledgeBase | undefined;
  /** What flows keep: records (answers, leads, abuse), tickets (filed reports) and ratings; and what they read: the transcript. */
  readonly store: RecordStore & TicketStore & Pick<TranscriptStore, 'getMessages'> & Pick<Store, 'ratings'>;
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

/** What a flow decides on: the message, what it means, and the conversation. */
export interface FlowInput {
  readonly text: string;
  readonly understanding: Understanding;
  readonly conversation: Conversation;
  readonly attachments: readonly Attachment[];
}

/**
 * A conversation flow: a set of steps whose position lives in the conversation state, so a restart
 * resumes where the customer left off. Flows are tried in order; the first whose `matches` says yes
 * starts. A flow with `interrupts` is also checked while another flow waits (abuse).
 */
export interface Flow {
  readonly id: string;
  readonly interrupts?: boolean;
  /**
   * Also offered the customer's messages while the conversation waits in the queue (and the request
   * that queued it), when `matches` says yes; otherwise those only wait for the agent (triage).
   */
  readonly whileQueued?: boolean;
  /** Whether this flow takes up a message (decided from its understanding, never from its words). */
  matches(input: FlowInput): boolean;
  /**
   * Whether a message answers the question this flow waits on at `position`. When it does not and
   * it means something else (a question, "never mind"), the engine handles that digression and asks
   * the pending question again. Flows without it take every message as the answer.
   */
  answers?(input: FlowInput, position: FlowPosition): boolean;
  /** Runs one step: from the start when `position` is absent, else from where it waited. */
  run(context: FlowContext, position?: FlowPosition): Promise<FlowOutcome>;
}

/** Shorthand outcomes for flows. */
export const waitAt = (step: string, data: Record<string, unknown> = {}): FlowOutcome => ({
  wait: { step, data },
});
export const done: FlowOutcome = { done: true };
export const pass: FlowOutcome = { pass: true };
