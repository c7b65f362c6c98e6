import { answerBlocks, inlineRuns, labelledLink } from '../../../src/knowledge/answer-blocks';
import type { Attachment } from '../../../src/model/message';
import type { WireMessage } from '../../../src/realtime/socket-events';
import { button, clock, el } from './dom';
import { linkify, safeHref } from './linkify';
import { wt } from './widget-texts';

/** What a rendered message needs from the widget. */
export interface MessageActions {
  feedback(seq: number, helpful: boolean): Promise<string | undefined>;
  /** A local URL for an uploaded file (fetched with the session token). */
  openAttachment(url: string): Promise<string>;
}

/** One transcript line as the customer sees it; text only ever goes in via textContent. */
export function renderMessage(message: WireMessage, actions: MessageActions): HTMLElement {
  if (message.author === 'system') {
    const line = el('div', 'system', message.text);
    line.dataset.seq = String(message.seq);
    return line;
  }
  const row = el('div', `msg msg--${message.author}`);
  row.dataset.seq = String(message.seq);
  const label =
    message.author === 'customer'
      ? wt('you')
      : message.author === 'bot'
        ? wt('supportBot')
        : (message.authorName ?? wt('agent'));
  row.append(el('div', 'author', label));
  const bubble = el('div', 'bubble');
  if (message.author === 'customer') bubble.textContent = message.text;
  else if (message.author === 'bot') bubble.append(...formatted(message.text));
  else bubble.append(...linkify(message.text));
  row.append(bubble);
  if (message.attachments?.length) row.append(renderAttachments(message.attachments, actions));
  if (message.author === 'bot' && message.answerId) row.append(renderFeedback(message, actions));
  const time = el('time', 'time', clock(message.createdAt));
  time.dateTime = new Date(message.createdAt).toISOString();
  row.append(time);
  return row;
}

/**
 * A bot message with its steps as a numbered list, list items as bullets and bold as <strong>.
 * Built from DOM nodes and text nodes only: the text is never parsed as HTML.
 */
function formatted(text: string): Node[] {
  return answerBlocks(text).map((block) => {
    if (block.kind === 'paragraph') return inline('p', block.text);
    const list = block.kind === 'steps' ? el('ol', 'answer-list') : el('ul', 'answer-list');
    if (block.kind === 'steps' && list instanceof HTMLOListElement) list.start = block.start;
    list.style.margin = '4px 0';
    list.style.paddingLeft = '1.4em';
    list.style.whiteSpace = 'normal';
    for (const item of block.items) list.append(namedLink(item) ?? inline('li', item));
    return list;
  });
}

/** A list item that is only a named link, shown as that name linked; undefined otherwise. */
function namedLink(item: string): HTMLLIElement | undefined {
  const named = labelledLink(item);
  const href = named && safeHref(named.url);
  if (!named || !href) return undefined;
  const link = el('a', '', named.label);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const li = el('li');
  li.append(link);
  return li;
}

/** An element holding text with its links and `**bold**` runs. */
function inline<K extends 'p' | 'li'>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const element = el(tag);
  if (tag === 'p') element.style.margin = '0 0 6px';
  for (const run of inlineRuns(text)) {
    if (!run.bold) element.append(...linkify(run.text));
    else element.append(el('strong', '', run.text));
  }
  return element;
}

/** A customer message still on its way (or refused, with the reason). */
export function renderPending(text: string, error: string | undefined, dismiss: () => void): HTMLElement {
  const row = el('div', 'msg msg--customer pending');
  row.append(el('div', 'bubble', text));
  if (error) {
    const note = el('div', 'error');
    note.setAttribute('role', 'alert');
    note.append(el('span', '', wt('notSent', { reason: error })), button(wt('dismiss'), 'link', dismiss));
    row.append(note);
  } else {
    row.append(el('div', 'time', wt('sending')));
  }
  return row;
}

function renderAttachments(attachments: Attachment[], actions: MessageActions): HTMLElement {
  const list = el('div', 'attachments');
  for (const file of attachments) {
    const name = file.name ?? wt('attachment');
    if (file.kind === 'image') {
      const image = el('img', 'thumb');
      image.alt = name;
      void actions.openAttachment(file.url).then(
        (local) => (image.src = local),
        () => image.replaceWith(el('span', 'file', wt('notAvailable', { name }))),
      );
      list.append(image);
    } else {
      list.append(
        button(`📄 ${name}`, 'file', () => {
          void actions.openAttachment(file.url).then((local) => window.open(local, '_blank', 'noopener'));
        }),
      );
    }
  }
  return list;
}

function renderFeedback(message: WireMessage, actions: MessageActions): HTMLElement {
  const box = el('div', 'feedback');
  if (message.feedback) {
    box.textContent = wt('thanksFeedback');
    return box;
  }
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', wt('didThisHelp'));
  const answer = (helpful: boolean) => {
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    void actions.feedback(message.seq, helpful).then((error) => {
      box.replaceChildren(error ? wt('couldNotRecord', { reason: error }) : wt('thanksFeedback'));
    });
  };
  box.append(
    el('span', '', wt('didThisHelp')),
    button(wt('yes'), 'chip', () => answer(true)),
    button(wt('no'), 'chip', () => answer(false)),
  );
  return box;
}
