import type { Ticket } from '../model/ticket';
import { significantWords } from '../text/significant-words';

/** Whether the customer says a problem came back ("it's happening again", "back again", "returned"). */
export function saysItCameBack(text: string): boolean {
  return /\b(again|came back|come back|is back|are back|returned|recurr\w*|re-?occur\w*|same (problem|issue)|still (happening|broken|failing)|not fixed|reopen)\b/i.test(
    text,
  );
}

/**
 * How alike a new description is to a ticket, from 0 to 1: the share of the ticket's keywords the
 * new text repeats, and a shared Call-ID counts as the same problem.
 */
export function similarity(ticket: Ticket, description: string, callIds: string[] = []): number {
  if (callIds.some((id) => ticket.brief.callIds?.includes(id))) return 1;
  const before = significantWords(`${ticket.title} ${ticket.brief.description ?? ''}`);
  const now = significantWords(description);
  if (before.size === 0 || now.size === 0) return 0;
  const shared = [...now].filter((w) => before.has(w)).length;
  return shared / Math.min(before.size, now.size);
}
