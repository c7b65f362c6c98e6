import { textsFor } from '../../src/i18n/translate';
import type { Telegram } from 'telegraf';
import type { CallbackQuery, Message, Update, User } from 'telegraf/types';
import type { Engine } from '../../src/engine/engine';
import { ValidationError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { ConversationRef, CustomerProfile } from '../../src/model/conversation';
import type { Attachment } from '../../src/model/message';
import type { ConversationStore, TranscriptStore } from '../../src/store/ports';
import { saveUpload } from '../uploads/file-store';
import { parseButtonData } from './telegram-render';
import { cleanFileName } from '../../src/text/file-name';

/** Largest file kept from a chat (the Bot API itself serves at most 20 MB through getFile). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the Telegram inbound side reads from the store. */
export type TelegramInboundStore = Pick<ConversationStore, 'findConversation' | 'getConversation'> &
  Pick<TranscriptStore, 'getMessages'>;

/** Options of the Telegram inbound side. */
export interface TelegramInboundOptions {
  telegram: Telegram;
  engine: Engine;
  /** Finds the chat's conversation and the answer a feedback button is about. */
  store: TelegramInboundStore;
  log: Logger;
  dataDir: string;
}

/**
 * Turns Telegram updates into engine calls: one `handle(update)` for polling and webhook alike.
 * Messages in private chats become inbound messages keyed by chat id (`tg:<update_id>` dedups a
 * redelivered update); photos and documents are downloaded and kept; button presses become quick
 * replies or answer feedback. Group chats get a polite pointer to a private chat and nothing is stored.
 */
export class TelegramInbound {
  private botUsername: string | undefined;

  constructor(private readonly options: TelegramInboundOptions) {}

  /**
   * Handles one update; throws only when it could not be stored (so a webhook retry is worth it).
   * `onStored` runs as soon as the customer's message is stored, before the bot works on it.
   */
  async handle(update: Update, onStored?: () => void): Promise<void> {
    if ('message' in update) await this.onMessage(update.update_id, update.message, onStored);
    else if ('callback_query' in update)
      await this.onCallback(update.update_id, update.callback_query, onStored);
  }

  private async onMessage(updateId: number, message: Message, onStored?: () => void): Promise<void> {
    const { telegram, engine } = this.options;
    if (message.chat.type !== 'private') {
      await this.refuseGroup(message.chat.id, message.from?.language_code);
      return;
    }
    const from = message.from;
    const text = commandAsText(textOf(message));
    const attachments = await this.keepFiles(message);
    if (!text && attachments.length === 0) {
      await telegram.sendMessage(
        message.chat.id,
        'I can read text messages, photos and documents. Please type your question, or "Human" to reach a person.',
      );
      return;
    }
    const ref = refOf(message.chat.id, from);
    await this.clearBlockedFlag(ref);
    try {
      await engine.handleInbound(
        {
          ref,
          text,
          externalId: `tg:${updateId}`,
          ...(from && { profile: profileOf(from) }),
          ...(attachments.length > 0 && { attachments }),
          receivedAt: message.date * 1000,
          raw: message,
        },
        { ...(onStored && { onStored }) },
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const t = textsFor({ profile: { locale: message.from?.language_code } });
      // The reason in the customer's language: the error's own message is for logs and developers.
      const reason = error.code === 'too_long' ? 'TooLong' : error.code === 'empty' ? 'Empty' : 'Invalid';
      await telegram.sendMessage(message.chat.id, t(`channel.telegramRefused${reason}`));
    }
  }

  private async onCallback(updateId: number, query: CallbackQuery, onStored?: () => void): Promise<void> {
    const { telegram, engine } = this.options;
    const chatId = query.message?.chat.id ?? query.from.id;
    const data = 'data' in query ? parseButtonData(query.data) : undefined;
    const conversation = await this.options.store.findConversation('telegram', String(chatId));
    let notice: string | undefined;
    if (data && conversation) {
      if (data.kind === 'feedback') {
        await engine.analytics.recordFeedback(conversation.id, data.seq, data.helpful);
        notice = textsFor(conversation)('channel.telegramThanks');
      } else {
        const [message] = await this.options.store.getMessages(conversation.id, data.seq - 1, 1);
        const reply = message?.seq === data.seq ? message.quickReplies?.[data.index] : undefined;
        if (reply) {
          await engine.handleInbound(
            {
              ref: refOf(chatId, query.from),
              text: reply.value,
              externalId: `tg:${updateId}`,
              profile: profileOf(query.from),
              raw: query,
            },
            { ...(onStored && { onStored }) },
          );
        }
      }
    }
    // Always answer, or the customer's button keeps spinning.
    await telegram.answerCbQuery(query.id, notice).catch(() => undefined);
  }

  /** A customer who blocked the bot and writes again has unblocked it. */
  private async clearBlockedFlag(ref: ConversationRef): Promise<void> {
    const existing = await this.options.store.findConversation('telegram', ref.conversationKey);
    if (existing?.unreachable) await this.options.engine.delivery.markUnreachable(existing.id, undefined);
  }

  private async refuseGroup(chatId: number, locale: string | undefined): Promise<void> {
    this.botUsername ??= (await this.options.telegram.getMe().catch(() => undefined))?.username;
    const link = this.botUsername ? ` https://t.me/${this.botUsername}` : '';
    await this.options.telegram.sendMessage(
      chatId,
      textsFor({ profile: { locale } })('channel.telegramGroup', { link }),
    );
  }

  private async keepFiles(message: Message): Promise<Attachment[]> {
    const file =
      'photo' in message
        ? // Sizes come smallest first: keep the largest one the Bot API will serve.
          message.photo
            .filter((size) => (size.file_size ?? 0) <= MAX_FILE_BYTES)
            .map((size) => ({ fileId: size.file_id, name: undefined, size: size.file_size }))
            .at(-1)
        : 'document' in message
          ? {
              fileId: message.document.file_id,
              name: cleanFileName(message.document.file_name) || undefined,
              size: message.document.file_size,
            }
          : undefined;
    if (!file || (file.size ?? 0) > MAX_FILE_BYTES) return [];
    try {
      const link = await this.options.telegram.getFileLink(file.fileId);
      const response = await fetch(link, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`file download answered ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.byteLength > MAX_FILE_BYTES) throw new Error('file too large');
      const kept = await saveUpload(this.options.dataDir, bytes, {
        ownerKey: `telegram:${message.chat.id}`,
        ...(file.name !== undefined && { name: file.name }),
      });
      if (!kept)
        this.options.log.info({ chatId: message.chat.id }, 'telegram file of an unsupported type not kept');
      return kept ? [kept] : [];
    } catch (error) {
      // The link holds the bot token: log only what went wrong, never the URL.
      this.options.log.warn({ reason: (error as Error).message }, 'telegram file download failed');
      return [];
    }
  }
}

function refOf(chatId: number, from: User | undefined): ConversationRef {
  return { channel: 'telegram', conversationKey: String(chatId), customerId: String(from?.id ?? chatId) };
}

function profileOf(from: User): CustomerProfile {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return {
    ...(displayName && { displayName }),
    ...(from.username && { handle: from.username }),
    ...(from.language_code && { locale: from.language_code }),
  };
}

function textOf(message: Message): string {
  if ('text' in message && message.text) return message.text;
  if ('caption' in message && typeof message.caption === 'string') return message.caption;
  return '';
}

/** `/start payload` and `/help@SomeBot` become `/start` and `/help`, which the flows know. */
function commandAsText(text: string): string {
  const command = /^\/([a-z_]+)(@\w+)?(\s|$)/i.exec(text.trim());
  return command ? `/${command[1]!.toLowerCase()}` : text.trim();
}
