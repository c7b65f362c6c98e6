/**
 * The socket.io event maps shared by the server, the chat widget and the agent console.
 * Types only: the browser bundles import this file without pulling any server code.
 */
import type {
  ChannelName,
  ConversationMode,
  CustomerProfile,
  HandoffTransition,
  ProblemBrief,
} from '../model/conversation';
import type { Attachment, TranscriptMessage } from '../model/message';
import type { SatisfactionRating } from '../model/satisfaction';

/** A transcript message as clients see it (no provider payloads). */
export type WireMessage = Omit<TranscriptMessage, 'externalId'>;

/** The answer to every client request that takes an acknowledgement. */
export type Ack<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

// ---------------------------------------------------------------- customer chat, namespace `/chat`

/** Sent by the widget in `socket.handshake.auth` on every (re)connection. */
export interface ChatHandshake {
  /** The session token the server gave earlier (kept in localStorage); absent on a first visit. */
  token?: string;
  /** Highest sequence number the widget holds; the server sends what came after it. */
  lastSeq?: number;
  /** What the browser can tell about the customer. */
  profile?: Pick<CustomerProfile, 'displayName' | 'email' | 'timeZone' | 'locale' | 'pageUrl'>;
  /** A customer the host site signed in (`Handoff.identify`): `hash` is HMAC-SHA256(id, IDENTITY_SECRET) in hex. */
  identity?: { id: string; name?: string; email?: string; hash: string };
}

/** What the customer's widget sends. */
export interface ChatClientEvents {
  message: (
    payload: { text: string; clientId: string; attachments?: Attachment[] },
    ack: (result: Ack<{ seq: number; duplicate: boolean }>) => void,
  ) => void;
  typing: (on: boolean) => void;
  feedback: (payload: { seq: number; helpful: boolean }, ack: (result: Ack) => void) => void;
}

/** What the server sends to the customer's widget. */
export interface ChatServerEvents {
  /** First event of every connection: the session to keep, and a greeting shown (not stored). */
  session: (payload: {
    token: string;
    conversationId?: string;
    greeting: string;
    mode: ConversationMode;
    /** True when the handshake's identity was verified: the conversation follows the customer. */
    identified?: boolean;
  }) => void;
  /** Messages after the handshake's `lastSeq`, oldest first (the whole transcript on a new device). */
  history: (payload: { messages: WireMessage[]; mode: ConversationMode; agentName?: string }) => void;
  message: (message: WireMessage) => void;
  /** A message changed after it was sent (feedback recorded). */
  messageUpdated: (message: WireMessage) => void;
  typing: (payload: { author: 'agent' | 'bot'; name?: string; on: boolean }) => void;
  mode: (payload: { mode: ConversationMode; agentName?: string }) => void;
  /** A request could not be accepted (also sent for events the server does not know). */
  problem: (payload: { code: string; message: string }) => void;
}

// ---------------------------------------------------------------- agent console, namespace `/console`

/** One waiting or open conversation as the console lists it. */
export interface ConversationSummary {
  id: string;
  channel: ChannelName;
  /** How the customer is known on their channel: name, @handle or phone number. */
  customer: string;
  mode: ConversationMode;
  queuedAt?: number;
  lastMessageAt?: number;
  lastCustomerText?: string;
  assignedAgentId?: string;
  assignedAgentName?: string;
  priority?: number;
  severity?: string;
  category?: string;
  /** What the bot read in the customer's words, to prefill the agent's classification. */
  suggested?: { severity?: string; category?: string };
  unreachable?: string;
  handoffReason?: string;
  /** Flags the flows set, e.g. `abusive` (repeated abuse after a warning) or `lead`. */
  tags?: string[];
}

/** Taking a conversation, with the classification the agent set when it had none. */
export interface TakePayload {
  conversationId: string;
  severity?: string;
  category?: string;
}

/** A conversation opened in the console: the whole transcript and everything known about it. */
export interface ConversationDetail extends ConversationSummary {
  profile: CustomerProfile;
  customerId: string;
  conversationKey: string;
  brief?: ProblemBrief;
  history: HandoffTransition[];
  messages: WireMessage[];
  /** Extra facts for the agent (downgraded critical reports, tickets), filled by services. */
  notes?: string[];
  /** What the customer answered to "how did we do?" after each resolve, newest first. */
  ratings?: SatisfactionRating[];
}

/** The signed-in agent as the console shows it. */
export interface AgentView {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'agent';
}

/** What the console sends. */
export interface ConsoleClientEvents {
  /** A conversation without a category and severity is taken only with the agent's (`classification_required`). */
  claim: (payload: TakePayload, ack: (result: Ack<{ conversation: ConversationDetail }>) => void) => void;
  open: (
    payload: { conversationId: string; afterSeq?: number },
    ack: (result: Ack<{ conversation: ConversationDetail }>) => void,
  ) => void;
  close: (payload: { conversationId: string }) => void;
  reply: (
    payload: { conversationId: string; text: string; clientId: string },
    /** `duplicate` when this clientId was already delivered (a re-send after a drop): nothing is sent twice. */
    ack: (result: Ack<{ seq: number; duplicate: boolean }>) => void,
  ) => void;
  /** An internal note in the transcript: every agent sees it, the customer never does (on no channel). */
  note: (
    payload: { conversationId: string; text: string; clientId?: string },
    ack: (result: Ack<{ seq: number; duplicate: boolean }>) => void,
  ) => void;
  /** Takes back a conversation the bot answers again (resolved, left), to write to the customer. */
  reopen: (payload: TakePayload, ack: (result: Ack<{ conversation: ConversationDetail }>) => void) => void;
  /** Tickets stay open unless `resolveTickets` asks to resolve the conversation's tickets too. */
  resolve: (
    payload: { conversationId: string; resolveTickets?: boolean },
    ack: (result: Ack<{ ticketsResolved: boolean }>) => void,
  ) => void;
  release: (payload: { conversationId: string }, ack: (result: Ack) => void) => void;
  typing: (payload: { conversationId: string; on: boolean }) => void;
  /** Hands the agent's conversation to another agent, who is told with `transferred`. */
  transfer: (
    payload: { conversationId: string; agentId: string },
    ack: (result: Ack<{ to: string }>) => void,
  ) => void;
  /** Away: this connection gets no new-handoff alerts and does not count as an available agent. */
  presence: (
    payload: { status: 'online' | 'away' },
    ack: (result: Ack<{ status: 'online' | 'away' }>) => void,
  ) => void;
  /** Change the severity of a conversation's report (agents reclassify). */
  reclassify: (
    payload: {
      conversationId: string;
      severity: NonNullable<ProblemBrief['severity']>;
      category?: ProblemBrief['category'];
    },
    ack: (result: Ack) => void,
  ) => void;
}

/** What the server sends to the console. */
export interface ConsoleServerEvents {
  /** First event of every connection. */
  hello: (payload: { agent: AgentView; agentsOnline: number }) => void;
  /** The whole queue (waiting conversations, most urgent first), sent on connect and on every change. */
  queue: (payload: { items: ConversationSummary[] }) => void;
  /** The agent's own open conversations, sent on connect and when they change. */
  mine: (payload: { items: ConversationSummary[] }) => void;
  /** A new handoff was requested: for sound, notification and unread count. */
  handoffRequested: (payload: ConversationSummary) => void;
  /** A handoff transition happened (claim, resolve, ...). */
  handoff: (payload: { conversation: ConversationSummary; transition: HandoffTransition }) => void;
  /** A message in a conversation the agent has open. */
  message: (payload: { conversationId: string; message: WireMessage }) => void;
  messageUpdated: (payload: { conversationId: string; message: WireMessage }) => void;
  /** The conversation's details changed (brief, severity, unreachable). */
  conversationUpdated: (payload: ConversationDetail) => void;
  typing: (payload: { conversationId: string; on: boolean }) => void;
  /** Another agent handed this agent a conversation (it is already theirs). */
  transferred: (payload: { conversation: ConversationSummary; from: string }) => void;
  /** Agents signed in and not away (what the bot tells customers too). */
  agentsOnline: (payload: { count: number }) => void;
  problem: (payload: { code: string; message: string }) => void;
}
