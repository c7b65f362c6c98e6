import { conversationKeyOf } from '../../../adapters/web/web-session';
import type { ChannelName } from '../../../src/model/conversation';
import type { WireMessage } from '../../../src/realtime/socket-events';
import type { FakeTwilio } from '../../support/fake-twilio';
import { connectCustomer, nextEvent, request, type ChatSocket } from '../../support/start-app';
import type { TelegramEmulator } from '../../support/telegram-emulator';
import { inboundSms, postSigned } from '../../support/twilio-webhooks';
import { waitFor } from '../../support/wait-for';

/**
 * One customer on one channel, driven through that channel's real adapter: the web widget over
 * socket.io, a Telegram chat in the Bot API emulator, or a phone number posting signed Twilio
 * webhooks. `send` resolves with the bot's text once a reply matching `expect` has arrived.
 */
export interface ChannelCustomer {
  channel: ChannelName;
  /** The channel's conversation key (web session key, chat id, phone number), to look it up in the store. */
  key(): Promise<string>;
  send(text: string, expect: RegExp): Promise<string>;
  /** Presses a quick-reply button by its label (Telegram), or types its value elsewhere. */
  press(label: string, value: string, expect: RegExp): Promise<string>;
  close(): void;
}

let next = 0;

/** A web widget customer (with the browser's time zone when given). */
export async function webChannelCustomer(url: string, timeZone?: string): Promise<ChannelCustomer> {
  const socket: ChatSocket = connectCustomer(url, timeZone ? { profile: { timeZone } } : {});
  const session = await nextEvent<{ token: string }>(socket, 'session');
  const seen: WireMessage[] = [];
  socket.on('message', (m) => {
    if (m.author === 'bot') seen.push(m);
  });
  const send = async (text: string, expect: RegExp) => {
    const from = seen.length;
    next += 1;
    await request(socket, 'message', { text, clientId: `w${next}` });
    const replies = await waitFor(() => {
      const texts = seen.slice(from).map((m) => m.text);
      return texts.some((t) => expect.test(t)) ? texts : undefined;
    });
    return replies.join('\n');
  };
  return {
    channel: 'web',
    key: async () => conversationKeyOf(session.token),
    send,
    press: (_label, value, expect) => send(value, expect),
    close: () => socket.close(),
  };
}

/** A Telegram customer in the emulator. */
export function telegramChannelCustomer(emulator: TelegramEmulator): ChannelCustomer {
  next += 1;
  const id = 7000 + next;
  const client = emulator.client({ userId: id, chatId: id, firstName: `Customer${id}` });
  const collect = async (expect: RegExp, act: () => Promise<unknown>) => {
    const from = emulator.sentTo(id).length;
    const waiting = emulator.nextSent(id, (t) => expect.test(t));
    await act();
    await waiting;
    return emulator
      .sentTo(id)
      .slice(from)
      .map((m) => m.text)
      .join('\n');
  };
  return {
    channel: 'telegram',
    key: async () => String(id),
    send: (text, expect) => collect(expect, () => client.sendMessage(client.makeMessage(text))),
    press: (label, _value, expect) => {
      const withButton = [...emulator.sentTo(id)]
        .reverse()
        .map((m) => m.reply_markup?.inline_keyboard.flat() ?? [])
        .find((buttons) => buttons.some((b) => b.text === label));
      const button = withButton?.find((b) => b.text === label);
      if (!button || !('callback_data' in button)) throw new Error(`no button "${label}" in the chat`);
      return collect(expect, () => client.sendCallback(client.makeCallbackQuery(button.callback_data)));
    },
    close: () => undefined,
  };
}

/** An SMS customer: signed Twilio webhooks in, the fake Twilio REST API out. */
export function smsChannelCustomer(appUrl: string, twilio: FakeTwilio, phone?: string): ChannelCustomer {
  next += 1;
  const number = phone ?? `+4477009${String(next).padStart(5, '0')}`;
  const send = async (text: string, expect: RegExp) => {
    const from = twilio.sentTo(number).length;
    const response = await postSigned(appUrl, '/webhooks/twilio/sms', inboundSms(number, text));
    if (response.status !== 200) throw new Error(`webhook refused: ${response.status}`);
    // Long replies arrive as several numbered parts; match against all of them together.
    return waitFor(() => {
      const joined = twilio
        .sentTo(number)
        .slice(from)
        .map((m) => m.body)
        .join('\n');
      return expect.test(joined.replace(/\s+/g, ' ')) ? joined : undefined;
    }, 8000);
  };
  return {
    channel: 'sms',
    key: async () => number,
    send,
    press: (_label, value, expect) => send(value, expect),
    close: () => undefined,
  };
}
