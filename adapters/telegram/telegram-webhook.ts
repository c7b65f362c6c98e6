import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../src/logger';
import { telegramUpdate } from '../http/edge-schemas';
import type { LogCap } from '../http/log-cap';

/** The header Telegram sends with the `secret_token` given to setWebhook. */
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The handlers for `POST /webhooks/telegram`: the secret token is checked before the body is even
 * parsed (missing: 401, wrong: 403, nothing stored), then the update is answered 200 once stored.
 * A failure to store answers 500 so Telegram delivers the update again; the engine dedups it.
 */
export function telegramWebhook(options: {
  secret: string;
  log: Logger;
  handle: (update: Update, onStored: () => void) => Promise<void>;
  /** Caps the warning lines per source per minute (WEBHOOK_WARNINGS_PER_MINUTE). */
  warnings: LogCap;
}): RequestHandler[] {
  const { secret, log } = options;
  const checkSecret: RequestHandler = (req, res, next) => {
    const given = req.get(SECRET_HEADER);
    if (given === undefined || !sameSecret(given, secret)) {
      if (options.warnings.allow(`telegram:${req.ip ?? ''}`))
        log.warn(
          { cause: given === undefined ? 'missing secret token header' : 'wrong secret token', ip: req.ip },
          'telegram webhook refused',
        );
      res.status(given === undefined ? 401 : 403).end();
      return;
    }
    next();
  };
  const handleUpdate: RequestHandler = (req, res) => {
    const body = req.body as { update_id?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || typeof body.update_id !== 'number') {
      res.status(400).end();
      return;
    }
    // Signed by Telegram but not a shape we can read: answered 200 so it is not sent again forever.
    const parsed = telegramUpdate.safeParse(body);
    if (!parsed.success) {
      if (options.warnings.allow(`telegram:${req.ip ?? ''}`)) {
        log.warn(
          { updateId: body.update_id, problem: parsed.error.issues[0]?.path.join('.') },
          'telegram update of an unexpected shape skipped',
        );
      }
      res.status(200).end();
      return;
    }
    const update = parsed.data as unknown as Update;
    // Answered as soon as the message is stored (or the update is done, for updates that store
    // nothing), so Telegram never waits for the bot's work; 500 only when nothing was stored.
    let answered = false;
    const answer = (status: 200 | 500): void => {
      if (answered) return;
      answered = true;
      res.status(status).end();
    };
    options
      .handle(update, () => answer(200))
      .then(
        () => answer(200),
        (error: unknown) => {
          log.error({ err: error, updateId: update.update_id }, 'telegram update failed');
          answer(500);
        },
      );
  };
  return [checkSecret, express.json({ limit: '1mb' }), handleUpdate];
}
