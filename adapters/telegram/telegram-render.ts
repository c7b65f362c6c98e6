import { translator, type Translate } from '../../src/i18n/translate';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { answerBlocks, inlineRuns, labelledLink } from '../../src/knowledge/answer-blocks';
import type { TranscriptMessage } from '../../src/model/message';
import { splitText } from './split-text';

/** Telegram's limit for one message, counted after entity parsing. */
export const TELEGRAM_MAX_TEXT = 4096;

/** One `sendMessage` call: HTML text (everything escaped) and optional buttons. */
export interface TelegramOutgoing {
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

/** Escapes the three characters Telegram's HTML parse mode reads, so any text sends as written. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a double-quoted HTML attribute. */
function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Button data: `qr:<seq>:<index>` picks a quick reply, `fb:<seq>:<1|0>` answers "Did this help?". */
export type ButtonData =
  { kind: 'quickReply'; seq: number; index: number } | { kind: 'feedback'; seq: number; helpful: boolean };

/** Reads button data back; `undefined` for anything this adapter did not create. */
export function parseButtonData(data: string): ButtonData | undefined {
  const match = /^(qr|fb):(\d{1,9}):(\d{1,2})$/.exec(data);
  if (!match) return undefined;
  const seq = Number(match[2]);
  const value = Number(match[3]);
  if (match[1] === 'qr') return { kind: 'quickReply', seq, index: value };
  return value === 0 || value === 1 ? { kind: 'feedback', seq, helpful: value === 1 } : undefined;
}

/**
 * Turns a transcript message into the Telegram messages that carry it: text split at 4096
 * characters on sensible boundaries and HTML-escaped, the cited page as a link, quick replies and
 * "Did this help?" as inline buttons on the last piece.
 */
export function renderForTelegram(
  message: TranscriptMessage,
  t: Translate = translator('en'),
): TelegramOutgoing[] {
  const { body, link, after } = separateCitation(message, t);
  const feedbackLine = message.answerId ? t('answer.didThisHelp') : undefined;
  const tail = [link?.visible, after, feedbackLine].filter(Boolean).join('\n\n');
  const tailHtml = [link?.html, after && formattedHtml(after), feedbackLine && `<i>${feedbackLine}</i>`]
    .filter(Boolean)
    .join('\n\n');
  const pieces = body ? splitText(body, TELEGRAM_MAX_TEXT) : [];
  const html = pieces.map((piece) => (message.author === 'bot' ? formattedHtml(piece) : escapeHtml(piece)));
  if (tail) {
    const last = pieces.at(-1);
    if (last !== undefined && last.length + 2 + tail.length <= TELEGRAM_MAX_TEXT) {
      html[html.length - 1] = `${html.at(-1)}\n\n${tailHtml}`;
    } else {
      html.push(tailHtml);
    }
  }
  if (html.length === 0) html.push(escapeHtml('(empty message)'));
  const keyboard = keyboardFor(message, t);
  return html.map((text, i) => ({ html: text, ...(keyboard && i === html.length - 1 && { keyboard }) }));
}

/**
 * A bot message in Telegram's HTML: text escaped, `**bold**` as <b>, steps numbered and list items
 * bulleted line by line (Telegram has no list tags).
 */
export function formattedHtml(text: string): string {
  const inline = (line: string): string =>
    inlineRuns(line)
      .map((run) => (run.bold ? `<b>${escapeHtml(run.text)}</b>` : escapeHtml(run.text)))
      .join('');
  return answerBlocks(text)
    .map((block) => {
      if (block.kind === 'paragraph') return inline(block.text);
      if (block.kind === 'list')
        return block.items.map((item) => `• ${namedLink(item) ?? inline(item)}`).join('\n');
      return block.items.map((item, i) => `${block.start + i}. ${inline(item)}`).join('\n');
    })
    .join('\n\n');
}

/** A list item that is only a named link ("Billing: https://…"), as that name linked. */
function namedLink(item: string): string | undefined {
  const named = labelledLink(item);
  if (!named || !/^https?:\/\//i.test(named.url)) return undefined;
  return `<a href="${escapeAttribute(named.url)}">${escapeHtml(named.label)}</a>`;
}

/**
 * Takes the "From the docs: title / URL" block out of the text and renders it as one link; what
 * follows it (the related pages) stays after the link.
 */
function separateCitation(
  message: TranscriptMessage,
  t: Translate,
): {
  body: string;
  link?: { html: string; visible: string };
  after?: string;
} {
  const text = message.text.trim();
  const citation = message.citations?.[0];
  if (!citation) return { body: text };
  const anchor = `<a href="${escapeAttribute(citation.url)}">${escapeHtml(citation.title)}</a>`;
  // The title is put in after escaping: the label around it is plain text, the anchor is HTML.
  const marker = '\u0000';
  const label = (key: string) => {
    const [before = '', after = ''] = t(key, { title: marker }).split(marker);
    return {
      html: `${escapeHtml(before)}${anchor}${escapeHtml(after)}`,
      visible: t(key, { title: citation.title }),
    };
  };
  const block = `${t('answer.fromDocs', { title: citation.title })}\n${citation.url}`;
  const at = text.lastIndexOf(block);
  if (at >= 0) {
    const after = text.slice(at + block.length).trim();
    return {
      body: text.slice(0, at).trim(),
      link: label('answer.fromDocs'),
      ...(after && { after }),
    };
  }
  return { body: text, link: label('answer.source') };
}

function keyboardFor(message: TranscriptMessage, t: Translate): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = (message.quickReplies ?? [])
    .slice(0, 10)
    .map((reply, index) => [{ text: reply.label.slice(0, 64), callback_data: `qr:${message.seq}:${index}` }]);
  if (message.answerId) {
    rows.push([
      { text: `👍 ${t('answer.yes')}`, callback_data: `fb:${message.seq}:1` },
      { text: `👎 ${t('answer.no')}`, callback_data: `fb:${message.seq}:0` },
    ]);
  }
  return rows.length ? { inline_keyboard: rows } : undefined;
}
