import { io as connect, type Socket } from 'socket.io-client';
import type {
  Ack,
  ConsoleClientEvents,
  ConsoleServerEvents,
  ConversationSummary,
} from '../../src/realtime/socket-events';

type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>;

/** A signed-in agent's console connection, as the console UI opens it. */
export class AgentConsole {
  /** Who is waiting for a `handoffRequested` about which customer label. */
  private readonly expected = new Map<string, (summary: ConversationSummary) => void>();

  private constructor(private readonly socket: ConsoleSocket) {
    socket.on('handoffRequested', (summary) => {
      const resolve = this.expected.get(summary.customer);
      if (!resolve) return;
      this.expected.delete(summary.customer);
      resolve(summary);
    });
  }

  /** Signs in over HTTP, connects the console socket with the session cookie and waits for `hello`. */
  static async signIn(url: string, username: string, password: string): Promise<AgentConsole> {
    const response = await fetch(`${url}/console/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!response.ok || !cookie) throw new Error(`agent sign-in failed: HTTP ${response.status}`);
    const socket: ConsoleSocket = connect(`${url}/console`, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('console sent no hello')), 20_000);
      socket.once('hello', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    return new AgentConsole(socket);
  }

  /** Resolves with the queue row when a handoff for this customer label reaches the console. */
  handoffFor(customer: string, timeoutMs: number): Promise<ConversationSummary | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.expected.delete(customer);
        resolve(undefined);
      }, timeoutMs);
      this.expected.set(customer, (summary) => {
        clearTimeout(timer);
        resolve(summary);
      });
    });
  }

  claim(conversationId: string): Promise<Ack> {
    return this.socket
      .timeout(20_000)
      .emitWithAck('claim', { conversationId, severity: 'P4', category: 'operational' });
  }

  reply(conversationId: string, text: string, clientId: string): Promise<Ack> {
    return this.socket.timeout(20_000).emitWithAck('reply', { conversationId, text, clientId });
  }

  resolve(conversationId: string): Promise<Ack> {
    return this.socket.timeout(20_000).emitWithAck('resolve', { conversationId });
  }

  close(): void {
    this.socket.close();
  }
}
