import type { ChannelName, ConversationRef } from '../model/conversation';
import type { NoticeKind, TranscriptMessage } from '../model/message';

/** What a channel can carry; the engine skips what a channel cannot do instead of failing. */
export interface ChannelCapabilities {
  typing: boolean;
  quickReplies: boolean;
  attachments: boolean;
  /** Longest message the provider accepts in one send, in characters (split beyond it). */
  maxMessageLength?: number;
  /**
   * The handoff notices this channel carries (all when absent). The others are kept in the
   * transcript, marked `skipped`: on e-mail, "an agent joined" would be a mail of its own.
   */
  notices?: readonly NoticeKind[];
}

/** The outcome of one send, recorded on the transcript message. */
export interface SendResult {
  providerId?: string;
  status: 'sent' | 'delivered' | 'pending';
}

/**
 * One channel edge seen from the engine: adapters implement it, the engine calls `send` for every
 * bot and agent message. A failure is thrown as a `ChannelError` and recorded, never lost silently.
 */
export interface Channel {
  readonly name: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /**
   * True when storing a message is delivering it (the web chat pushes every stored message to the
   * customer's sockets and a reconnecting widget catches up by sequence number): the engine then
   * records it as sent and does not call `send`.
   */
  readonly deliveredWithTranscript?: boolean;
  send(ref: ConversationRef, message: TranscriptMessage): Promise<SendResult>;
  sendTyping?(ref: ConversationRef, on: boolean): Promise<void>;
}
