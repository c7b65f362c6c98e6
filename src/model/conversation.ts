import type { FlowPosition } from './flow-position';

/** The channels a customer can reach support on. */
export type ChannelName = 'web' | 'telegram' | 'sms' | 'email';

/**
 * Where a conversation lives on its channel. Stored with the conversation so that an agent's reply,
 * hours later, goes out on the customer's own channel.
 */
export interface ConversationRef {
  channel: ChannelName;
  /** The channel's own key for the conversation: web session id, Telegram chat id, E.164 number. */
  conversationKey: string;
  /** The channel's own id for the customer (Telegram user id, phone number, web session id). */
  customerId: string;
}

/** What the channel told us about the customer. Every field is optional: SMS knows only a number. */
export interface CustomerProfile {
  displayName?: string;
  handle?: string;
  phone?: string;
  email?: string;
  locale?: string;
  /** IANA time zone, when the channel can tell (browser) or it can be inferred (phone number country). */
  timeZone?: string;
  /** Page the web widget was opened on. */
  pageUrl?: string;
}

/** Who is answering the conversation right now. */
export type ConversationMode = 'bot' | 'queued' | 'assigned' | 'resolved' | 'abandoned';

/** One recorded change of handoff state. */
export interface HandoffTransition {
  from: ConversationMode;
  to: ConversationMode;
  event: HandoffEventName;
  at: number;
  agentId?: string;
  agentName?: string;
  reason?: string;
}

export type HandoffEventName =
  | 'request'
  | 'claim'
  | 'resolve'
  | 'cancel'
  | 'abandon'
  | 'release'
  | 'end'
  /** An agent writes to a conversation the bot answers again (resolved, left): it is theirs again. */
  | 'reopen';

/** The problem report the bot collected before handing off (filled by the report-problem flow). */
export interface ProblemBrief {
  category?: 'platform' | 'operational';
  severity?: 'P0' | 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
  callIds?: string[];
  description?: string;
  startedAt?: string;
  tried?: string;
  attachments?: string[];
  suggestedDocs?: { title: string; url: string }[];
  ticketId?: string;
  paidEscalationConsent?: { at: number; text: string };
  [key: string]: unknown;
}

/** A conversation between one customer on one channel and the support desk. */
export interface Conversation {
  id: string;
  ref: ConversationRef;
  profile: CustomerProfile;
  mode: ConversationMode;
  /** Sequence number of the newest transcript message (0 when empty). */
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
  lastMessageAt?: number;
  lastCustomerText?: string;
  /** Set while a flow waits for the customer's next message; a restart resumes from here. */
  flow?: FlowPosition;
  /** When the current handoff was requested (queue ordering and waiting time). */
  queuedAt?: number;
  assignedAgentId?: string;
  assignedAgentName?: string;
  handoffReason?: string;
  history: HandoffTransition[];
  brief?: ProblemBrief;
  /** Queue priority: lower is more urgent (derived from severity; 5 when unknown). */
  priority?: number;
  /** Set when the channel told us the customer can no longer be reached (blocked bot, STOP). */
  unreachable?: { at: number; reason: string };
  tags?: string[];
  /** Free-form per-conversation state the flows keep (warnings given, counters). */
  memory?: Record<string, unknown>;
}
