import type { ChannelName, Conversation } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';
import type { SatisfactionRating } from '../model/satisfaction';
import type { ConversationStore, TranscriptStore } from './ports';
import type { SatisfactionStore } from './satisfaction-store';

/** How many queued conversations a console shows (the oldest urgent ones come first anyway). */
const QUEUE_LIMIT = 500;
/** How many conversations one agent holds at most in the console's "mine". */
const ASSIGNED_LIMIT = 200;

/**
 * What the chat and console gateways read about conversations: the queue, an agent's own, one
 * conversation and its transcript. Read only: every change goes through the engine, which
 * announces it, so a gateway cannot change a conversation behind the other side's back.
 */
export interface ConversationReadModel {
  /** One conversation by id. */
  get(id: string): Promise<Conversation | undefined>;
  /** The conversation of a channel's own key (a widget session, a chat, a phone number). */
  onChannel(channel: ChannelName, conversationKey: string): Promise<Conversation | undefined>;
  /** Conversations waiting for a person, newest activity first. */
  queue(): Promise<Conversation[]>;
  /** Conversations an agent holds now, newest activity first. */
  assignedTo(agentId: string): Promise<Conversation[]>;
  /** Transcript messages after `afterSeq`, oldest first. */
  transcript(conversationId: string, afterSeq?: number, limit?: number): Promise<TranscriptMessage[]>;
  /** The message of a conversation that carries this provider or client id, if any. */
  messageWithExternalId(conversationId: string, externalId: string): Promise<TranscriptMessage | undefined>;
  /** The customer's ratings of a conversation, newest first. */
  ratings(conversationId: string, limit: number): Promise<SatisfactionRating[]>;
}

/** The read model over the store's conversation, transcript and rating ports. */
export function conversationReadModel(
  store: Pick<ConversationStore, 'getConversation' | 'findConversation' | 'listConversations'> &
    Pick<TranscriptStore, 'getMessages' | 'findMessageByExternalId'> & {
      readonly ratings: Pick<SatisfactionStore, 'list'>;
    },
): ConversationReadModel {
  return {
    get: (id) => store.getConversation(id),
    onChannel: (channel, key) => store.findConversation(channel, key),
    queue: () => store.listConversations({ modes: ['queued'], limit: QUEUE_LIMIT }),
    assignedTo: (agentId) => store.listConversations({ modes: ['assigned'], agentId, limit: ASSIGNED_LIMIT }),
    transcript: (conversationId, afterSeq = 0, limit) => store.getMessages(conversationId, afterSeq, limit),
    messageWithExternalId: (conversationId, externalId) =>
      store.findMessageByExternalId(conversationId, externalId),
    ratings: (conversationId, limit) => store.ratings.list({ conversationId, limit }),
  };
}
