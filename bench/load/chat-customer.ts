import { io as connect, type Socket } from 'socket.io-client';
import type { ConversationMode } from '../../src/model/conversation';
import type { Ack, ChatClientEvents, ChatServerEvents, WireMessage } from '../../src/realtime/socket-events';
import { replyKind, type ReplyKind } from './reply-kind';

type ChatSocket = Socket<ChatServerEvents, ChatClientEvents>;

/** What one question came to: the first reply, with what kind of reply it was. */
export type AskOutcome =
  { answered: true; latencyMs: number; kind: ReplyKind } | { answered: false; reason: string };

/**
 * One web-chat customer as the widget is one: a socket.io-client on `/chat` over websocket. It
 * asks one question at a time and times send -> bot answer.
 */
export class ChatCustomer {
  /** The one pending wait for a reply; returns true when `message` is the one it waited for. */
  private waiting: ((message: WireMessage) => boolean) | undefined;
  private sent = 0;
  private mode: ConversationMode;

  private constructor(
    readonly socket: ChatSocket,
    session: { conversationId?: string; mode: ConversationMode },
  ) {
    this.mode = session.mode;
    socket.on('message', (message) => {
      if (this.waiting?.(message)) this.waiting = undefined;
    });
    socket.on('mode', ({ mode }) => {
      this.mode = mode;
    });
  }

  /** True once a flow or the customer handed the conversation to a person: the bot answers no more. */
  get withHuman(): boolean {
    return this.mode === 'queued' || this.mode === 'assigned';
  }

  /** Connects and waits for the `session` event (the widget is usable from then on). */
  static async connect(
    url: string,
    options: { displayName?: string; timeoutMs?: number; localAddress?: string } = {},
  ): Promise<ChatCustomer> {
    const socket: ChatSocket = connect(`${url}/chat`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: options.timeoutMs ?? 20_000,
      auth: options.displayName ? { profile: { displayName: options.displayName } } : {},
      // A loopback alias as the source address: a customer of its own, apart from other load.
      ...(options.localAddress && { localAddress: options.localAddress }),
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error('no session within the connect timeout'));
      }, options.timeoutMs ?? 20_000);
      socket.once('session', (session) => {
        clearTimeout(timer);
        resolve(new ChatCustomer(socket, session));
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        socket.close();
        reject(error);
      });
    });
  }

  /** Sends `text` and resolves when the reply (bot or agent) arrives, or gives up after `timeoutMs`. */
  async ask(text: string, timeoutMs: number): Promise<AskOutcome> {
    this.sent += 1;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const reply = new Promise<AskOutcome>((resolve) => {
      timer = setTimeout(() => {
        this.waiting = undefined;
        resolve({ answered: false, reason: 'timeout' });
      }, timeoutMs);
      this.waiting = (message) => {
        if (message.author !== 'bot' && message.author !== 'agent') return false;
        resolve({ answered: true, latencyMs: performance.now() - started, kind: replyKind(message) });
        return true;
      };
    });
    const acked = this.socket
      .timeout(timeoutMs)
      .emitWithAck('message', { text, clientId: `b${this.sent}` }) as Promise<Ack<{ seq: number }>>;
    const [outcome, ack] = await Promise.all([reply, acked.catch(() => undefined)]);
    clearTimeout(timer);
    if (ack && !ack.ok) return { answered: false, reason: ack.error.code };
    return outcome;
  }

  /** Resolves with the milliseconds until the next agent message with this text, or undefined on timeout. */
  nextAgentMessage(text: string, timeoutMs: number): Promise<number | undefined> {
    const started = performance.now();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiting = (message) => {
        if (message.author !== 'agent' || message.text !== text) return false;
        clearTimeout(timer);
        resolve(performance.now() - started);
        return true;
      };
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** Connects `count` customers, `parallel` at a time; stops at `deadline` (epoch ms) and says how many failed. */
export async function connectMany(
  url: string,
  count: number,
  options: { parallel?: number; deadline?: number } = {},
): Promise<{ customers: ChatCustomer[]; failed: number; errors: string[] }> {
  const parallel = options.parallel ?? 200;
  const customers: ChatCustomer[] = [];
  const errors: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count && (options.deadline === undefined || Date.now() < options.deadline)) {
      next += 1;
      try {
        customers.push(await ChatCustomer.connect(url));
      } catch (error) {
        if (errors.length < 3) errors.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return { customers, failed: count - customers.length, errors };
}
