import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { visibleText } from './email-text';
import { cleanFileName } from '../../src/text/file-name';

/** A file that came with an e-mail, before it is kept. */
export interface EmailFile {
  name?: string;
  contentType: string;
  bytes: Buffer;
  /** Shown inline in the HTML body (a signature logo, or a pasted screenshot). */
  inline: boolean;
}

/** One e-mail as the adapter needs it: who, which thread, what it says, what came with it. */
export interface ParsedEmail {
  /** `<id@host>`; a hash of the bytes when the sender set none, so a re-read is still recognised. */
  messageId: string;
  inReplyTo: string[];
  references: string[];
  from?: { address: string; name?: string };
  replyTo?: string;
  subject: string;
  /** The new text of the message: HTML turned into text, quoted replies and signature removed. */
  text: string;
  files: EmailFile[];
  /** Raw header lines by lower-case name (first occurrence), for the loop guard. */
  header(name: string): string | undefined;
  contentType: string;
  /** The whole message as text (bounces are searched for the Message-ID they report on). */
  source: string;
}

/** The `<...>` ids in a header value (In-Reply-To, References), in order. */
export function messageIdsIn(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return [...joined.matchAll(/<[^<>\s]+>/g)].map((match) => match[0]);
}

function firstAddress(
  value: AddressObject | AddressObject[] | undefined,
): { address: string; name?: string } | undefined {
  const list = Array.isArray(value) ? value.flatMap((v) => v.value) : (value?.value ?? []);
  const first = list.find((entry) => entry.address);
  if (!first?.address) return undefined;
  return { address: first.address.toLowerCase(), ...(first.name && { name: first.name }) };
}

function headerReader(mail: ParsedMail): (name: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (byName.has(key)) continue;
    const colon = line.indexOf(':');
    byName.set(
      key,
      line
        .slice(colon + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim(),
    );
  }
  return (name) => byName.get(name.toLowerCase());
}

/**
 * Parses a raw RFC 5322 message with mailparser. The body is the text part, or the HTML part
 * turned into plain text when there is no text part, never HTML: nothing the customer wrote is
 * ever rendered as markup.
 */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    keepCidLinks: true,
  });
  const header = headerReader(mail);
  const from = firstAddress(mail.from);
  const replyTo = firstAddress(mail.replyTo)?.address;
  const messageId =
    messageIdsIn(mail.messageId)[0] ??
    `<sha256-${createHash('sha256').update(raw).digest('hex')}@handoff.invalid>`;
  return {
    messageId,
    inReplyTo: messageIdsIn(mail.inReplyTo),
    references: messageIdsIn(mail.references),
    ...(from && { from }),
    ...(replyTo && replyTo !== from?.address && { replyTo }),
    subject: (mail.subject ?? '').trim(),
    text: visibleText(mail.text, mail.html || undefined),
    files: mail.attachments
      .filter((file) => file.size > 0 && file.contentType !== 'message/delivery-status')
      .map((file) => ({
        ...(cleanFileName(file.filename) && { name: cleanFileName(file.filename) }),
        contentType: file.contentType,
        bytes: file.content,
        inline: file.related || file.contentDisposition === 'inline',
      })),
    header,
    contentType: header('content-type') ?? 'text/plain',
    source: raw.toString('latin1'),
  };
}
