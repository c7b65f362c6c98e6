import type {
  AgentStore,
  CannedResponseStore,
  ConversationStore,
  DedupStore,
  RecordStore,
  TicketStore,
  TranscriptStore,
} from './ports';
import type { SatisfactionStore } from './satisfaction-store';

export type {
  AppendedMessage,
  ConversationQuery,
  ConversationSearch,
  NewConversation,
  NewMessage,
  TicketQuery,
} from './ports';

/**
 * Everything the engine keeps: every port of `ports.ts` (conversations, transcripts, dedup keys,
 * agents and sessions, tickets, records, canned responses). An embedded SQLite store and a Redis
 * store implement it, and one contract test suite runs against both, port by port. Code that
 * needs one aggregate asks for its port, not for the whole store.
 * Every method is atomic on its own; `updateConversation` is the one read-modify-write primitive.
 */
export interface Store
  extends
    ConversationStore,
    TranscriptStore,
    DedupStore,
    AgentStore,
    TicketStore,
    RecordStore,
    CannedResponseStore {
  /** Customer satisfaction ratings (their own small aggregate). */
  readonly ratings: SatisfactionStore;

  close(): Promise<void>;
}
