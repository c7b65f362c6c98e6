import type { Store } from '../store/store';
import { deskReport, type DeskReport } from './desk-report';

/** Most conversations one report reads; beyond it the report says it is partial. */
export const MAX_REPORT_CONVERSATIONS = 5000;

/**
 * Reads what a desk report needs from the store: the conversations active since `since` (any
 * handoff, start or rating in the range changed them then), the transcripts of those with a
 * handoff in the range (for the first agent reply), and the range's ratings.
 */
export async function loadDeskReport(store: Store, since: number, until: number): Promise<DeskReport> {
  const found = await store.searchConversations({ since, limit: MAX_REPORT_CONVERSATIONS });
  const conversations = await Promise.all(
    found.map(async (conversation) => {
      const handedOff = conversation.history.some(
        (t) => t.event === 'request' && t.at >= since && t.at < until,
      );
      return { conversation, messages: handedOff ? await store.getMessages(conversation.id, 0, 5000) : [] };
    }),
  );
  const ratings = await store.ratings.list({ since, until, limit: 100_000 });
  return deskReport({
    since,
    until,
    conversations,
    ratings,
    truncated: found.length >= MAX_REPORT_CONVERSATIONS,
  });
}
