import type { Ticket } from '../model/ticket';

const STOP_WORDS = new Set(
  'the a an and or of to in on for with is are was were be my our your we i it this that not no from at by have has all some any again still back since there they them when what'.split(
    ' ',
  ),
);

function keywords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
      .map((w) => w.replace(/(ing|ed|es|s)$/, '')),
  );
}

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
  const before = keywords(`${ticket.title} ${ticket.brief.description ?? ''}`);
  const now = keywords(description);
  if (before.size === 0 || now.size === 0) return 0;
  const shared = [...now].filter((w) => before.has(w)).length;
  return shared / Math.min(before.size, now.size);
}
