import busboy from 'busboy';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../src/logger';

/** Where Mailgun posts inbound mail: a route's `forward()` URL ending in `mime` gets the raw message. */
export const MAILGUN_WEBHOOK_PATH = '/webhooks/email/mailgun/mime';

/** How far a signed timestamp may be from our clock (Mailgun's own advice is a few minutes). */
const MAX_SKEW_SECONDS = 5 * 60;

/** The three fields Mailgun signs every webhook with. */
export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

/**
 * Whether Mailgun signed this request: HMAC-SHA256 of `timestamp + token` under the webhook
 * signing key, compared in constant time, with a timestamp close to now (an old capture replayed
 * is refused; a replay within the window is only a duplicate Message-ID, taken in once).
 */
export function verifyMailgunSignature(signingKey: string, fields: MailgunSignature, nowMs: number): boolean {
  const timestamp = Number(fields.timestamp);
  if (!Number.isFinite(timestamp) || Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) return false;
  if (!/^[0-9a-f]{64}$/i.test(fields.signature)) return false;
  const expected = createHmac('sha256', signingKey).update(`${fields.timestamp}${fields.token}`).digest();
  return timingSafeEqual(expected, Buffer.from(fields.signature, 'hex'));
}

/** Reads a multipart or urlencoded form's text fields, refusing a body larger than `maxBytes`. */
function readForm(req: Request, maxBytes: number): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fieldSize: maxBytes, fields: 100, files: 0 } });
    } catch (error) {
      reject(error instanceof Error ? error : new Error('not a form'));
      return;
    }
    const fields: Record<string, string> = {};
    let truncated = false;
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) truncated = true;
      fields[name] = value;
    });
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('error', reject);
    parser.on('close', () => (truncated ? reject(new Error('too large')) : resolve(fields)));
    req.pipe(parser);
  });
}

/** Options of the Mailgun inbound route. */
export interface MailgunRouteOptions {
  signingKey: string;
  maxBytes: number;
  /** Stores one raw e-mail; resolves once it is safely stored. */
  receive: (raw: Buffer) => Promise<unknown>;
  log: Logger;
  now?: () => number;
}

/**
 * `POST /webhooks/email/mailgun/mime`: verifies Mailgun's signature, then takes in the raw
 * message in `body-mime`. Answers 200 once it is stored and 500 when it could not be (Mailgun
 * retries); a forged or unsigned request gets 401 and is never parsed as mail.
 */
export function mailgunInboundRoute(options: MailgunRouteOptions): RequestHandler {
  const now = options.now ?? Date.now;
  return async (req, res) => {
    let fields: Record<string, string>;
    try {
      fields = await readForm(req, options.maxBytes);
    } catch {
      res.status(400).json({ error: { code: 'bad_form', message: 'Expected a form with body-mime' } });
      return;
    }
    const { timestamp = '', token = '', signature = '' } = fields;
    if (!verifyMailgunSignature(options.signingKey, { timestamp, token, signature }, now())) {
      options.log.warn({ ip: req.ip }, 'mailgun webhook with a bad signature refused');
      res.status(401).json({ error: { code: 'bad_signature', message: 'Signature does not match' } });
      return;
    }
    const mime = fields['body-mime'];
    if (!mime) {
      res.status(400).json({ error: { code: 'no_mime', message: 'Forward to a URL ending in "mime"' } });
      return;
    }
    try {
      await options.receive(Buffer.from(mime, 'utf8'));
      res.status(200).json({ ok: true });
    } catch (error) {
      options.log.error({ err: error }, 'inbound e-mail not stored');
      res.status(500).json({ error: { code: 'not_stored', message: 'Not stored; please retry' } });
    }
  };
}
