import type { ProblemBrief } from '../../../src/model/conversation';
import { el } from '../../web/widget/dom';
import { linkify, safeHref } from '../../web/widget/linkify';

/** One line of a fact list: a term and its text (or nodes); empty values are left out. */
export type FactRow = [term: string, value: string | Node[] | undefined];

/** A `<dl>` of facts; every value goes in as text or as nodes built without parsing HTML. */
export function factList(rows: FactRow[]): HTMLDListElement {
  const list = el('dl');
  for (const [term, value] of rows) {
    if (value === undefined || value.length === 0) continue;
    const dd = el('dd');
    if (typeof value === 'string') dd.textContent = value;
    else dd.append(...value);
    list.append(el('dt', '', term), dd);
  }
  return list;
}

/** The facts of a problem report, in the order an agent reads them. */
export function briefRows(brief: ProblemBrief): FactRow[] {
  const rows: FactRow[] = [
    ['Category', brief.category],
    ['Call-IDs', brief.callIds?.join(', ')],
    ['Started', brief.startedAt],
    ['Description', brief.description],
    ['Tried', brief.tried],
    ['Ticket', brief.ticketId],
    ['Attachments', brief.attachments?.flatMap((url, i) => [...separator(i, ', '), ...attachmentLink(url)])],
    [
      'Suggested docs',
      brief.suggestedDocs?.flatMap((doc, i) => [...separator(i, ' · '), docLink(doc.title, doc.url)]),
    ],
  ];
  if (brief.paidEscalationConsent)
    rows.push(['Paid escalation', `agreed: ${brief.paidEscalationConsent.text}`]);
  return rows;
}

/** The problem report the bot collected, at the top of a conversation. */
export function renderBrief(brief: ProblemBrief): HTMLElement {
  const card = el('section', 'brief');
  card.setAttribute('aria-label', 'Problem brief');
  const h3 = el('h3', '', 'Problem brief');
  if (brief.severity) h3.append(el('span', `sev ${brief.severity}`, brief.severity));
  card.append(h3, factList(briefRows(brief)));
  return card;
}

function separator(index: number, text: string): Node[] {
  return index > 0 ? [document.createTextNode(text)] : [];
}

/** Uploads are stored as paths on this server; links elsewhere are kept when they are http(s). */
function attachmentLink(url: string): Node[] {
  let absolute: string | undefined;
  try {
    absolute = safeHref(new URL(url, window.location.origin).href);
  } catch {
    absolute = undefined;
  }
  return absolute ? linkify(absolute) : [document.createTextNode(url)];
}

function docLink(title: string, url: string): Node {
  const link = linkify(url)[0];
  if (!(link instanceof HTMLAnchorElement)) return document.createTextNode(title);
  link.textContent = title;
  return link;
}
