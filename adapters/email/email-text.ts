import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';

/** HTML mail as plain text: links kept as text, images and hidden parts dropped, quotes marked with `>`. */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'blockquote', format: 'blockquote', options: { trimEmptyLines: true } },
    ],
  });
}

/**
 * What the customer wrote in this message: the text part (or the HTML part as text) without the
 * quoted earlier messages and the signature. Falls back to the whole text when stripping would
 * leave nothing (a message that is only a forwarded quote still says something).
 */
export function visibleText(text: string | undefined, html: string | undefined): string {
  const plain = text?.trim() ? text : html ? htmlToPlainText(html) : '';
  const normalised = plain.replace(/\r\n/g, '\n');
  const reply = new EmailReplyParser().parseReply(normalised).trim();
  const chosen = reply || normalised.trim();
  return chosen.replace(/\n{3,}/g, '\n\n');
}
