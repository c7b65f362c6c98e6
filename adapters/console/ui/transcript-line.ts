import type { Attachment } from '../../../src/model/message';
import type { WireMessage } from '../../../src/realtime/socket-events';
import { clock, el } from '../../web/widget/dom';
import { linkify, safeHref } from '../../web/widget/linkify';

/** One transcript message in the console: author label, text (textContent only), files, delivery. */
export function renderLine(message: WireMessage, customerName: string): HTMLElement {
  if (message.author === 'system') {
    const line = el('div', 'system', message.text);
    line.dataset.seq = String(message.seq);
    return line;
  }
  const row = el('div', `msg ${message.author}`);
  row.dataset.seq = String(message.seq);
  const meta = el('div', 'meta');
  const author =
    message.author === 'customer'
      ? customerName
      : message.author === 'bot'
        ? 'Bot'
        : (message.authorName ?? 'Agent');
  if (message.author === 'note') meta.append(el('span', 'note-label', 'Internal note'), ' · ');
  meta.append(el('b', '', author), ` · ${clock(message.createdAt)}`);
  if (message.feedback) meta.append(` · rated ${message.feedback === 'helpful' ? 'helpful' : 'not helpful'}`);
  const bubble = el('div', 'bubble');
  // Customer text is never linkified: a customer could disguise a link; agents copy it if needed.
  if (message.author === 'customer') bubble.textContent = message.text;
  else bubble.append(...linkify(message.text));
  row.append(meta, bubble);
  if (message.attachments?.length) row.append(renderAttachments(message.attachments));
  if (message.author === 'agent') row.append(renderDelivery(message));
  return row;
}

function renderDelivery(message: WireMessage): HTMLElement {
  const status = message.delivery?.status ?? 'sent';
  const failed = status === 'failed' || status === 'undelivered';
  const text = failed
    ? `Not delivered${message.delivery?.error ? `: ${message.delivery.error}` : ''}`
    : status === 'pending'
      ? 'Sending…'
      : status === 'skipped'
        ? 'Not sent on this channel'
        : status === 'delivered'
          ? 'Delivered'
          : 'Sent';
  const line = el('div', `delivery${failed ? ' failed' : ''}`, text);
  if (failed) line.setAttribute('role', 'alert');
  return line;
}

function renderAttachments(files: Attachment[]): HTMLElement {
  const box = el('div', 'attachments');
  for (const file of files) {
    const href = safeHref(new URL(file.url, window.location.origin).href);
    const name = file.name ?? 'attachment';
    if (!href) {
      box.append(el('span', '', name));
      continue;
    }
    if (file.mimeType?.startsWith('video/')) {
      box.append(videoPlayer(href, name));
      continue;
    }
    const link = el('a');
    link.href = href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    if (file.kind === 'image') {
      const image = el('img');
      image.src = href;
      image.alt = name;
      image.loading = 'lazy';
      link.append(image);
    } else {
      link.textContent = `📄 ${name}`;
    }
    box.append(link);
  }
  return box;
}

/** A screen recording the customer sent, playable in place, with a link to open it on its own. */
function videoPlayer(href: string, name: string): HTMLElement {
  const figure = el('figure', 'attachment-video');
  const video = el('video');
  video.src = href;
  video.controls = true;
  video.preload = 'metadata';
  video.setAttribute('aria-label', `Video: ${name}`);
  const caption = el('figcaption');
  const link = el('a', '', `🎬 ${name}`);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  caption.append(link);
  figure.append(video, caption);
  return figure;
}
