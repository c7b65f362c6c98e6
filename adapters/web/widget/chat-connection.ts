import { io, type Socket } from 'socket.io-client';
import type { ConversationMode } from '../../../src/model/conversation';
import type { Attachment } from '../../../src/model/message';
import type {
  Ack,
  ChatClientEvents,
  ChatHandshake,
  ChatServerEvents,
  WireMessage,
} from '../../../src/realtime/socket-events';
import type { SessionStorage } from './session-storage';
import type { WidgetIdentity } from './widget-settings';

type ChatSocket = Socket<ChatServerEvents, ChatClientEvents>;

/** A message the customer sent that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  text: string;
  attachments: Attachment[];
  /** Set when the server refused it for good (too long, rate limited); it is not sent again. */
  error?: string;
}

/** What the connection reports to the view. */
export interface ChatListener {
  session(info: { greeting: string; mode: ConversationMode; identified: boolean }): void;
  /** The conversation changed (a customer signed in): forget what was shown. */
  reset(): void;
  /** Messages not seen before, oldest first. */
  messages(messages: WireMessage[]): void;
  messageUpdated(message: WireMessage): void;
  typing(payload: { author: 'agent' | 'bot'; name?: string; on: boolean }): void;
  mode(payload: { mode: ConversationMode; agentName?: string }): void;
  pending(items: PendingMessage[]): void;
  status(status: 'connecting' | 'online' | 'offline'): void;
  problem(message: string): void;
}

const ACK_TIMEOUT_MS = 15_000;

/**
 * The widget's link to its server: keeps the session token, resumes after a dropped connection
 * from the highest sequence number it holds (so nothing is missed and nothing shown twice), and
 * re-sends unacknowledged messages after a reconnect (the server drops duplicates by client id).
 */
export class ChatConnection {
  private readonly socket: ChatSocket;
  private readonly seen = new Set<number>();
  private highestSeq = 0;
  private readonly outbox: (PendingMessage & { inFlight: boolean; echoed: boolean })[] = [];
  private ready = false;
  /** The signed-in customer the site named with `Handoff.identify`, sent with every handshake. */
  private identity: WidgetIdentity | undefined;

  constructor(
    server: string,
    private readonly storage: SessionStorage,
    private readonly listener: ChatListener,
    private readonly profile: () => NonNullable<ChatHandshake['profile']>,
  ) {
    this.socket = io(`${server}/chat`, {
      autoConnect: false,
      // A function, so every reconnection sends the current token and the last sequence held.
      auth: (send) => send(this.handshake()),
    });
    this.listen();
  }

  /** The session token, once the server has given one (used to authorise uploads). */
  get token(): string | undefined {
    return this.storage.token;
  }

  /** Opens the connection (idempotent). */
  connect(): void {
    if (this.socket.connected || this.socket.active) return;
    this.listener.status('connecting');
    this.socket.connect();
  }

  /** Whether a previous visit left a session to continue. */
  get hasSession(): boolean {
    return this.storage.token !== undefined;
  }

  /** Queues a message and sends it as soon as the connection allows. */
  send(text: string, attachments: Attachment[] = []): void {
    this.outbox.push({ clientId: newClientId(), text, attachments, inFlight: false, echoed: false });
    this.reportPending();
    this.connect();
    this.flush();
  }

  /** Drops a message the server refused, once the customer has seen why. */
  dismiss(clientId: string): void {
    const index = this.outbox.findIndex((item) => item.clientId === clientId);
    if (index >= 0) this.outbox.splice(index, 1);
    this.reportPending();
  }

  /**
   * Names the signed-in customer. Their conversation is another one (the same on every device),
   * so an open connection starts over: the view is cleared and the handshake sent again.
   */
  identify(identity: WidgetIdentity): void {
    this.identity = identity;
    if (!this.socket.active) return;
    this.seen.clear();
    this.highestSeq = 0;
    this.ready = false;
    this.listener.reset();
    this.socket.disconnect();
    this.listener.status('connecting');
    this.socket.connect();
  }

  /** Tells the agent whether the customer is typing. */
  typing(on: boolean): void {
    if (this.socket.connected) this.socket.emit('typing', on);
  }

  /** Records "Did this help?" on a bot answer; resolves with the server's error message, if any. */
  async feedback(seq: number, helpful: boolean): Promise<string | undefined> {
    try {
      const result: Ack = (await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('feedback', { seq, helpful })) as Ack;
      return result.ok ? undefined : result.error.message;
    } catch {
      return 'No answer from the server; please try again.';
    }
  }

  private handshake(): ChatHandshake {
    const token = this.storage.token;
    return {
      ...(token && { token }),
      lastSeq: this.highestSeq,
      profile: this.profile(),
      ...(this.identity && { identity: this.identity }),
    };
  }

  private listen(): void {
    const socket = this.socket;
    socket.on('connect', () => this.listener.status('online'));
    socket.on('disconnect', () => {
      this.ready = false;
      for (const item of this.outbox) item.inFlight = false;
      this.listener.status('offline');
    });
    socket.on('connect_error', () => this.listener.status('offline'));
    socket.on('session', ({ token, greeting, mode, identified }) => {
      this.storage.token = token;
      this.listener.session({ greeting, mode, identified: identified === true });
    });
    socket.on('history', ({ messages, mode, agentName }) => {
      this.accept(messages);
      this.listener.mode({ mode, ...(agentName !== undefined && { agentName }) });
      this.ready = true;
      this.flush();
    });
    socket.on('message', (message) => this.accept([message]));
    socket.on('messageUpdated', (message) => {
      if (this.seen.has(message.seq)) this.listener.messageUpdated(message);
    });
    socket.on('typing', (payload) => this.listener.typing(payload));
    socket.on('mode', (payload) => this.listener.mode(payload));
    socket.on('problem', ({ message }) => this.listener.problem(message));
  }

  private accept(messages: WireMessage[]): void {
    const fresh = messages.filter((m) => !this.seen.has(m.seq)).sort((a, b) => a.seq - b.seq);
    if (fresh.length === 0) return;
    for (const message of fresh) {
      this.seen.add(message.seq);
      this.highestSeq = Math.max(this.highestSeq, message.seq);
      if (message.author === 'customer') this.markEchoed(message.text);
    }
    this.listener.messages(fresh);
    this.reportPending();
  }

  /** The server's copy of a message arrived before its acknowledgement: stop showing it as pending. */
  private markEchoed(text: string): void {
    const item = this.outbox.find((m) => m.inFlight && !m.echoed && m.text === text);
    if (item) item.echoed = true;
  }

  private flush(): void {
    if (!this.socket.connected || !this.ready) return;
    for (const item of this.outbox) {
      if (item.inFlight || item.error) continue;
      item.inFlight = true;
      const payload = {
        text: item.text,
        clientId: item.clientId,
        ...(item.attachments.length > 0 && { attachments: item.attachments }),
      };
      this.socket.timeout(ACK_TIMEOUT_MS).emit('message', payload, (timeout, result) => {
        item.inFlight = false;
        // No answer: keep it; it is sent again after the next reconnect.
        if (timeout || !result) return;
        if (result.ok) this.dismiss(item.clientId);
        else {
          item.error = result.error.message;
          this.reportPending();
        }
      });
    }
  }

  private reportPending(): void {
    this.listener.pending(
      this.outbox
        .filter((item) => !item.echoed)
        .map(({ clientId, text, attachments, error }) => ({
          clientId,
          text,
          attachments,
          ...(error !== undefined && { error }),
        })),
    );
  }
}

/** 16 random bytes as hex: unique per message, and the server's dedup key. */
function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
