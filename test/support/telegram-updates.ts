import type { Update } from 'telegraf/types';

let nextUpdateId = 7_000_000;

/** A Telegram-shaped update for a text message from a private chat, as Telegram would POST it. */
export function textUpdate(
  chatId: number,
  text: string,
  options: { updateId?: number; username?: string; firstName?: string; chatType?: 'private' | 'group' } = {},
): Update.MessageUpdate {
  const updateId = options.updateId ?? (nextUpdateId += 1);
  const from = {
    id: chatId,
    is_bot: false,
    first_name: options.firstName ?? 'Ada',
    username: options.username ?? 'ada_l',
    language_code: 'en',
  };
  const chat =
    options.chatType === 'group'
      ? { id: chatId, type: 'group' as const, title: 'Ops team' }
      : { id: chatId, type: 'private' as const, first_name: from.first_name, username: from.username };
  const entities = text.startsWith('/')
    ? [
        {
          type: 'bot_command' as const,
          offset: 0,
          length: text.includes(' ') ? text.indexOf(' ') : text.length,
        },
      ]
    : undefined;
  const update: Update.MessageUpdate = {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      from,
      chat,
      text,
      ...(entities && { entities }),
    },
  };
  return update;
}

/** The smallest valid PNG (1x1 pixel), a stand-in for a customer's screenshot. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
