import type { Conversation } from '../model/conversation';
import type { NewConversation } from './store';

/** Fills the bookkeeping fields of a conversation being created; shared by every store. */
export function newConversation(input: NewConversation, now: number): Conversation {
  return {
    mode: 'bot',
    lastSeq: 0,
    history: [],
    createdAt: now,
    updatedAt: now,
    ...input,
  };
}
