import { translator, type Translate } from '../../src/i18n/translate';
import { setTimeout as sleep } from 'node:timers/promises';
import { TelegramError, type Telegram } from 'telegraf';
import type { Channel, ChannelCapabilities, SendResult } from '../../src/channels/channel';
import { ChannelError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { ConversationRef } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import { renderForTelegram, TELEGRAM_MAX_TEXT } from './telegram-render';

/** How a 429 is retried: a few attempts, and never a wait longer than this. */
export interface TelegramRetryPolicy {
  maxAttempts: number;
  maxWaitSeconds: number;
}

/** Options of the Telegram channel. */
export interface TelegramChannelOptions {
  telegram: Telegram;
  log: Logger;
  /** Called once when Telegram says the customer blocked the bot (403), to stop further sends. */
  onBlocked: (conversationId: string, reason: string) => Promise<unknown>;
  retry?: TelegramRetryPolicy;
  /** The texts of the conversation's language, for the lines the channel adds ("Did this help?"). */
  textsOf?: (conversationId: string) => Promise<Translate>;
}

/** Why a chat is unreachable, as the agent reads it. */
export const BLOCKED_REASON =
  'The customer blocked the bot on Telegram; nothing more can be sent until they write again.';

/**
 * Delivers bot and agent messages to a Telegram chat. Text goes out in HTML mode with everything
 * escaped; a 429 waits `retry_after` (bounded) and tries again; a 403 marks the customer
 * unreachable instead of retrying.
 */
export class TelegramChannel implements Channel {
  readonly name = 'telegram' as const;
  readonly capabilities: ChannelCapabilities = {
    typing: true,
    quickReplies: true,
    attachments: false,
    maxMessageLength: TELEGRAM_MAX_TEXT,
  };
  private readonly retry: TelegramRetryPolicy;

  constructor(private readonly options: TelegramChannelOptions) {
    this.retry = options.retry ?? { maxAttempts: 3, maxWaitSeconds: 30 };
  }

  async send(ref: ConversationRef, message: TranscriptMessage): Promise<SendResult> {
    let firstId: number | undefined;
    const t = (await this.options.textsOf?.(message.conversationId)) ?? translator('en');
    for (const piece of renderForTelegram(message, t)) {
      const sent = await this.call(message.conversationId, () =>
        this.options.telegram.sendMessage(ref.conversationKey, piece.html, {
          parse_mode: 'HTML',
          ...(piece.keyboard && { reply_markup: piece.keyboard }),
        }),
      );
      firstId ??= sent.message_id;
    }
    return {
      status: 'sent',
      ...(firstId !== undefined && { providerId: `${ref.conversationKey}:${firstId}` }),
    };
  }

  async sendTyping(ref: ConversationRef, on: boolean): Promise<void> {
    if (on) await this.options.telegram.sendChatAction(ref.conversationKey, 'typing');
  }

  private async call<T>(conversationId: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await request();
      } catch (error) {
        if (!(error instanceof TelegramError)) {
          // Network errors can carry the request URL, which holds the bot token: keep only the kind.
          throw new ChannelError('Could not reach Telegram', (error as { code?: string }).code, true);
        }
        const retryAfter = error.parameters?.retry_after ?? 1;
        if (
          error.code === 429 &&
          attempt < this.retry.maxAttempts &&
          retryAfter <= this.retry.maxWaitSeconds
        ) {
          this.options.log.warn({ conversationId, retryAfter, attempt }, 'telegram rate limit; retrying');
          await sleep(retryAfter * 1000);
          continue;
        }
        if (error.code === 403) {
          await this.options.onBlocked(conversationId, BLOCKED_REASON);
          throw new ChannelError(`Telegram refused: ${error.description}`, 403, false);
        }
        throw new ChannelError(
          `Telegram refused: ${error.description}`,
          error.code,
          error.code === 429 || error.code >= 500,
        );
      }
    }
  }
}
