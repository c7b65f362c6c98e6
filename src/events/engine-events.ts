import { EventEmitter } from 'node:events';
import type { Conversation, HandoffTransition } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';
import type { SatisfactionRating } from '../model/satisfaction';
import type { Ticket } from '../model/ticket';

/** Everything the engine announces; the console, the widget and metrics all consume these. */
export interface EngineEventMap {
  /** A message was added to a transcript (any author). */
  message: [{ conversation: Conversation; message: TranscriptMessage }];
  /** The handoff state changed: one event per transition. */
  handoff: [{ conversation: Conversation; transition: HandoffTransition }];
  /** Anything else about the conversation changed (brief, priority, unreachable, tags). */
  conversation: [{ conversation: Conversation }];
  /** A transcript message changed after it was stored (delivery status, feedback). */
  messageUpdated: [{ conversation: Conversation; message: TranscriptMessage }];
  /** A ticket was saved: created when there is no `previous`, updated otherwise. */
  ticket: [{ ticket: Ticket; previous?: Ticket }];
  /** A customer rated a resolved conversation, or added a comment to their rating. */
  rating: [{ rating: SatisfactionRating }];
  /** Someone is typing. */
  typing: [{ conversationId: string; author: 'customer' | 'agent' | 'bot'; on: boolean }];
}

/** A typed, in-process event bus. Each instance emits what it processed; socket.io rooms spread it. */
export class EngineEvents extends EventEmitter<EngineEventMap> {}
