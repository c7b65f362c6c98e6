import { el } from '../../web/widget/dom';

/** The agent's answer to "Resolve this conversation?". */
export type ResolveAnswer = { confirmed: false } | { confirmed: true; resolveTickets: boolean };

/**
 * Asks how to resolve a conversation that has tickets: the conversation goes back to the bot,
 * and its tickets stay open unless the agent ticks the box. Nothing about a ticket changes silently.
 */
export function askToResolve(customer: string, ticketIds: string[]): Promise<ResolveAnswer> {
  const dialog = el('dialog', 'confirm');
  const title = el('h2', '', 'Resolve this conversation?');
  title.id = 'resolve-dialog-title';
  dialog.setAttribute('aria-labelledby', title.id);
  const tickets = ticketIds.join(', ');
  const explain = el(
    'p',
    '',
    `${customer} is told the conversation is resolved and the bot answers again. Ticket ${tickets} stays open unless you resolve it too.`,
  );
  const box = el('input');
  box.type = 'checkbox';
  const label = el('label', 'check');
  label.append(box, ` Also resolve ticket ${tickets}`);
  const cancel = el('button', 'btn', 'Cancel');
  cancel.type = 'button';
  const confirm = el('button', 'btn good', 'Resolve');
  confirm.type = 'button';
  const buttons = el('div', 'buttons');
  buttons.append(cancel, confirm);
  dialog.append(title, explain, label, buttons);
  document.body.append(dialog);

  return new Promise((resolve) => {
    let answer: ResolveAnswer = { confirmed: false };
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => {
      answer = { confirmed: true, resolveTickets: box.checked };
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    confirm.focus();
  });
}

/** The tickets a conversation's brief names (one report, or several problems in one chat). */
export function ticketsOf(brief: { ticketId?: string; relatedTickets?: unknown } | undefined): string[] {
  const related = Array.isArray(brief?.relatedTickets)
    ? brief.relatedTickets.filter((id): id is string => typeof id === 'string')
    : [];
  return [...new Set([...(brief?.ticketId ? [brief.ticketId] : []), ...related])];
}

/**
 * Resolves a conversation the console way: asks about its tickets first (when it has any), sends
 * the resolve, and says what happened to the tickets.
 */
export async function resolveConversation(
  detail: { id: string; customer: string; brief?: { ticketId?: string; relatedTickets?: unknown } },
  send: (
    resolveTickets: boolean,
  ) => Promise<{ ok: true; ticketsResolved: boolean } | { ok: false; error: { message: string } }>,
  notify: (message: string, error?: boolean) => void,
): Promise<void> {
  const tickets = ticketsOf(detail.brief);
  let resolveTickets = false;
  if (tickets.length > 0) {
    const answer = await askToResolve(detail.customer, tickets);
    if (!answer.confirmed) return;
    resolveTickets = answer.resolveTickets;
  }
  const result = await send(resolveTickets);
  if (!result.ok) {
    notify(result.error.message, true);
    return;
  }
  const listed = tickets.join(', ');
  const ticketNote =
    tickets.length === 0
      ? ''
      : result.ticketsResolved
        ? ` Ticket ${listed} resolved too.`
        : ` Ticket ${listed} stays open.`;
  notify(`Resolved; the bot is answering again.${ticketNote}`);
}
