import type { Request, RequestHandler } from 'express';
import twilio from 'twilio';
import type { Logger } from '../../src/logger';

/** How the URL Twilio signed is worked out. */
export interface SignedUrlOptions {
  /** The public address of this server (`PUBLIC_URL`); when set, it alone decides the URL. */
  publicUrl?: string;
  /** Honour `X-Forwarded-Proto` and `X-Forwarded-Host` from a reverse proxy (`TRUST_PROXY`). */
  trustProxy: boolean;
}

/** The URL Twilio called, which is what it signed: PUBLIC_URL + path, else what the request says. */
export function signedUrl(req: Request, options: SignedUrlOptions): string {
  if (options.publicUrl) return `${options.publicUrl.replace(/\/+$/, '')}${req.originalUrl}`;
  const forwarded = (name: string) =>
    options.trustProxy ? req.get(name)?.split(',')[0]?.trim() || undefined : undefined;
  const direct = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const proto = forwarded('x-forwarded-proto') ?? direct;
  const host = forwarded('x-forwarded-host') ?? req.get('host') ?? 'localhost';
  return `${proto}://${host}${req.originalUrl}`;
}

/**
 * Refuses (403, nothing stored) any request whose `X-Twilio-Signature` does not match the URL
 * Twilio called and the posted parameters, and logs why, so an operator can fix a wrong PUBLIC_URL
 * instead of losing messages silently. Needs the urlencoded body parsed before it.
 */
export function verifyTwilioSignature(
  authToken: string,
  options: SignedUrlOptions & { log: Logger },
): RequestHandler {
  return (req, res, next) => {
    const signature = req.get('x-twilio-signature');
    const url = signedUrl(req, options);
    const params = (req.body ?? {}) as Record<string, unknown>;
    if (!signature || !twilio.validateRequest(authToken, signature, url, params)) {
      options.log.warn(
        {
          cause: signature ? 'X-Twilio-Signature does not match' : 'X-Twilio-Signature missing',
          url,
          hint: 'the webhook URL in the Twilio console must be PUBLIC_URL + this path',
        },
        'twilio webhook refused',
      );
      res.status(403).type('text/plain').send('Invalid signature');
      return;
    }
    next();
  };
}
