import type { Attachment } from '../../../src/model/message';
import type { WireMessage } from '../../../src/realtime/socket-events';
import { connectCustomer, nextEvent, request, type ChatSocket } from '../../support/start-app';

/** A customer in the web widget who sends a message and reads the bot's replies to it. */
export interface WebCustomer {
  socket: ChatSocket;
  /** The session token the server issued (uploads need it). */
  token: string;
  /** Sends one message and resolves with every bot message it caused, in order. */
  say(text: string, attachments?: Attachment[]): Promise<WireMessage[]>;
  /** Sends the messages one after another; resolves with the replies to the last one. */
  sayAll(texts: string[]): Promise<WireMessage[]>;
  close(): void;
}

let counter = 0;

/** Opens a widget connection (optionally with the browser's time zone) and waits for its session. */
export async function webCustomer(url: string, profile: { timeZone?: string } = {}): Promise<WebCustomer> {
  const socket = connectCustomer(url, { profile });
  const { token } = await nextEvent<{ token: string }>(socket, 'session');
  const say = async (text: string, attachments?: Attachment[]): Promise<WireMessage[]> => {
    const replies: WireMessage[] = [];
    const listener = (message: WireMessage) => {
      if (message.author === 'bot') replies.push(message);
    };
    socket.on('message', listener);
    try {
      counter += 1;
      const ack = await request<{ ok: boolean; error?: { message: string } }>(socket, 'message', {
        text,
        clientId: `t${counter}`,
        ...(attachments && { attachments }),
      });
      if (!ack.ok) throw new Error(`message refused: ${ack.error?.message}`);
      // Bot messages are emitted before the acknowledgement on the same socket; one tick more is safe.
      await new Promise((resolve) => setImmediate(resolve));
      return replies;
    } finally {
      socket.off('message', listener);
    }
  };
  return {
    socket,
    token,
    say,
    async sayAll(texts) {
      let last: WireMessage[] = [];
      for (const text of texts) last = await say(text);
      return last;
    },
    close: () => socket.close(),
  };
}

/** All reply texts joined, for assertions on what the customer read. */
export function textOf(replies: WireMessage[]): string {
  return replies.map((r) => r.text).join('\n---\n');
}
