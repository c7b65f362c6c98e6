import type { ConversationRef, CustomerProfile } from './conversation';

/**
 * Who wrote a transcript message. A `note` is an agent's internal note: it stays in the transcript
 * for the team and is never sent, pushed or replayed to the customer on any channel.
 */
export type Author = 'customer' | 'bot' | 'agent' | 'system' | 'note';

/** Whether the customer may see this message (everything but internal notes). */
export function seenByCustomer(message: Pick<TranscriptMessage, 'author'>): boolean {
  return message.author !== 'note';
}

/** A file the customer or an agent sent: a screenshot, a document. */
export interface Attachment {
  kind: 'image' | 'file';
  /** Where the file can be fetched by an agent (a project URL, never a provider URL with a token). */
  url: string;
  name?: string;
  mimeType?: string;
  size?: number;
}

/** A quick reply the customer can pick instead of typing (buttons on web and Telegram). */
export interface QuickReply {
  label: string;
  /** Text sent back as the customer's message when picked. */
  value: string;
}

/** A documentation page a bot answer is taken from. */
export interface Citation {
  title: string;
  url: string;
}

/** Delivery state of an outbound message on channels that report it. */
export interface Delivery {
  status: 'pending' | 'sent' | 'delivered' | 'failed' | 'undelivered' | 'skipped';
  providerId?: string;
  error?: string;
  at: number;
}

/**
 * The engine's handoff notices to the customer: the handoff was requested, an agent joined, the
 * conversation was resolved. Tagged so a channel can carry only those that make sense on it.
 */
export type NoticeKind = 'handoff' | 'joined' | 'resolved';

/** What a message says, independent of the channel that carries it. */
export interface MessageContent {
  text: string;
  /** One line standing for the whole message where space is short (SMS). */
  summary?: string;
  citations?: Citation[];
  quickReplies?: QuickReply[];
  attachments?: Attachment[];
  /** Set on bot answers taken from the docs, so feedback can be tied to them. */
  answerId?: string;
  /** Set on the engine's handoff notices. */
  notice?: NoticeKind;
  /** The flow that said it (`answer-from-docs`, `report-problem`, …), for reports and the benchmark. */
  flowId?: string;
}

/** One line of a conversation's transcript. */
export interface TranscriptMessage extends MessageContent {
  conversationId: string;
  /** Per-conversation sequence number, 1-based, gap-free; clients resume from the last one they hold. */
  seq: number;
  author: Author;
  authorName?: string;
  /** A customer message stored without routing on purpose (a channel keyword its adapter answered). */
  unrouted?: true;
  createdAt: number;
  /** Provider or client id of an inbound message (dedup key). */
  externalId?: string;
  delivery?: Delivery;
  feedback?: 'helpful' | 'not-helpful';
}

/** A message as it arrives from a channel adapter, before it is stored. */
export interface InboundMessage {
  ref: ConversationRef;
  text: string;
  attachments?: Attachment[];
  /** Provider message id (Telegram update_id, Twilio MessageSid, widget client id): processed once. */
  externalId?: string;
  profile?: CustomerProfile;
  receivedAt?: number;
  /** The provider's payload, kept for debugging; never shown to customers. */
  raw?: unknown;
}
