import { ProviderFake } from './provider-fake';

/**
 * A Telegram Bot API that accepts every call at once: `sendMessage` counts as a delivered
 * message to its `chat_id`; `setWebhook`, `getMe`, `sendChatAction` and the rest just succeed.
 */
export function startFakeTelegram(): Promise<ProviderFake> {
  let messageId = 0;
  return ProviderFake.start((path, body) => {
    const method = path.split('/').pop() ?? '';
    if (method === 'getMe') {
      return {
        status: 200,
        json: { ok: true, result: { id: 1, is_bot: true, first_name: 'Bench', username: 'bench_bot' } },
      };
    }
    if (method === 'sendMessage') {
      const params = parseBody(body);
      const chatId =
        typeof params.chat_id === 'number' || typeof params.chat_id === 'string'
          ? String(params.chat_id)
          : '';
      messageId += 1;
      return {
        status: 200,
        json: {
          ok: true,
          result: {
            message_id: messageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: Number(chatId), type: 'private' },
            text: params.text,
          },
        },
        recipient: chatId,
      };
    }
    return { status: 200, json: { ok: true, result: true } };
  });
}

function parseBody(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}
