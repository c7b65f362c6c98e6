import { textsFor, translator } from '../../src/i18n/translate';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Express } from 'express';
import { Telegraf } from 'telegraf';
import { acquireLocalLease, type AcquireLease } from '../../src/cluster/lease';
import type { Config } from '../../src/config';
import type { Engine } from '../../src/engine/engine';
import type { Logger } from '../../src/logger';
import { TelegramChannel, type TelegramRetryPolicy } from './telegram-channel';
import { TelegramInbound, type TelegramInboundStore } from './telegram-inbound';
import { LogCap } from '../http/log-cap';
import { telegramWebhook } from './telegram-webhook';

/** Where Telegram posts updates in webhook mode. */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

/** A running Telegram bot. */
export interface TelegramAttachment {
  mode: 'polling' | 'webhook';
  /** Stops polling (webhook mode keeps the webhook registered, so a restart loses nothing). */
  close(): Promise<void>;
}

/** What the Telegram adapter is built from. */
export interface AttachTelegramOptions {
  config: Config;
  engine: Engine;
  store: TelegramInboundStore;
  app: Express;
  log: Logger;
  retry?: TelegramRetryPolicy;
  /** Takes the polling lease (Redis with several instances); the local lease by default. */
  acquireLease?: AcquireLease;
  /** How long a dead poller's lease lasts before another instance takes over. */
  leaseTtlMs?: number;
}

/** The lease that lets exactly one instance long-poll Telegram. */
export const TELEGRAM_POLLING_LEASE = 'telegram-polling';

/**
 * Starts the Telegram channel when `TELEGRAM_BOT_TOKEN` is set: registers the channel with the
 * engine and receives updates by long polling, or by webhook when `TELEGRAM_WEBHOOK_URL` is set.
 */
export async function attachTelegram(
  options: AttachTelegramOptions,
): Promise<TelegramAttachment | undefined> {
  const { config, engine, app, log } = options;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  const bot = new Telegraf(token, {
    telegram: { webhookReply: false, ...(config.TELEGRAM_API_ROOT && { apiRoot: config.TELEGRAM_API_ROOT }) },
  });
  engine.registerChannel(
    new TelegramChannel({
      telegram: bot.telegram,
      log,
      onBlocked: (conversationId, reason) => engine.delivery.markUnreachable(conversationId, reason),
      textsOf: async (conversationId) => {
        const conversation = await options.store.getConversation(conversationId);
        return conversation ? textsFor(conversation) : translator('en');
      },
      ...(options.retry && { retry: options.retry }),
    }),
  );
  const inbound = new TelegramInbound({
    telegram: bot.telegram,
    engine,
    store: options.store,
    log,
    dataDir: config.DATA_DIR,
  });

  if (config.TELEGRAM_WEBHOOK_URL) {
    const secret = config.TELEGRAM_WEBHOOK_SECRET ?? randomBytes(32).toString('base64url');
    app.post(
      TELEGRAM_WEBHOOK_PATH,
      ...telegramWebhook({
        secret,
        log,
        handle: (update, onStored) => inbound.handle(update, onStored),
        warnings: new LogCap(config.WEBHOOK_WARNINGS_PER_MINUTE),
      }),
    );
    const url = new URL(config.TELEGRAM_WEBHOOK_URL);
    if (url.pathname === '/') url.pathname = TELEGRAM_WEBHOOK_PATH;
    else if (url.pathname !== TELEGRAM_WEBHOOK_PATH) {
      log.warn(
        { path: url.pathname },
        `TELEGRAM_WEBHOOK_URL must reach ${TELEGRAM_WEBHOOK_PATH} on this server`,
      );
    }
    try {
      await bot.telegram.setWebhook(url.href, {
        secret_token: secret,
        allowed_updates: ['message', 'callback_query'],
      });
      log.info({ url: url.href }, 'telegram webhook registered');
    } catch (error) {
      log.error(
        { reason: (error as Error).message },
        'telegram setWebhook failed; check the bot token and URL',
      );
    }
    return { mode: 'webhook', close: async () => undefined };
  }

  // In polling mode Telegram moves past an update once it was fetched, so a failure to store it
  // (the store briefly down) is retried here a few times before it is logged as lost.
  bot.use((ctx) => withRetries(() => inbound.handle(ctx.update), POLLING_RETRY_DELAYS_MS));
  bot.catch((error, ctx) => {
    log.error({ err: error, updateId: ctx.update.update_id }, 'telegram update failed');
  });
  let polling: { running: Promise<void>; settled: boolean } | undefined;
  const startPolling = () => {
    const state = { running: Promise.resolve(), settled: false };
    state.running = bot
      .launch({ allowedUpdates: ['message', 'callback_query'] })
      .catch((error: unknown) => {
        log.error({ reason: (error as Error).message }, 'telegram polling stopped; check the bot token');
      })
      .finally(() => {
        state.settled = true;
      });
    polling = state;
    log.info('telegram long polling started');
  };
  const stopPolling = async () => {
    const state = polling;
    polling = undefined;
    if (!state) return;
    // Polling begins only after getMe and deleteWebhook answer; stop it as soon as it exists.
    while (!state.settled) {
      try {
        bot.stop('shutdown');
        break;
      } catch {
        await sleep(50);
      }
    }
    await state.running;
  };
  // Telegram allows one poller per bot: with several instances, the lease holder polls and another
  // instance takes over when it dies. Without Redis the local lease makes this instance the holder.
  const lease = (options.acquireLease ?? acquireLocalLease)(
    TELEGRAM_POLLING_LEASE,
    options.leaseTtlMs ?? 30_000,
    { onAcquired: startPolling, onLost: stopPolling },
  );
  return { mode: 'polling', close: () => lease.release() };
}

/** Pauses between attempts to handle a polled update that failed (about 7 s in all). */
const POLLING_RETRY_DELAYS_MS = [250, 1000, 2000, 4000];

/** Runs `work`, trying again after each delay while it fails; the last failure is thrown. */
async function withRetries(work: () => Promise<void>, delays: readonly number[]): Promise<void> {
  for (const delay of delays) {
    try {
      return await work();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return work();
}
