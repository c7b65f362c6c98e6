import type { Namespace, Socket } from 'socket.io';
import { hashToken, type AgentDirectory } from '../../src/agents/agent-directory';
import type { Logger } from '../../src/logger';

/** Longest single timer Node keeps (about 24.8 days); longer expiries are left to the sweep. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The room of every socket opened with one session token (by its hash, never the token). */
export const sessionRoom = (tokenHash: string): string => `session:${tokenHash}`;
/** The room of every socket of one agent. */
export const agentRoom = (agentId: string): string => `agent:${agentId}`;

/** What each console socket carries for revocation. */
interface RevocableData {
  agent: { id: string };
  token: string;
  expiresAt: number;
}

/**
 * Ends console connections whose session ended, so a signed-out, expired, reset or removed agent
 * stops receiving customer data at once rather than at their next action:
 * - sign-out, password reset and removal made in this process close the session's or the agent's
 *   rooms, which the socket.io adapter carries to every instance when Redis is shared;
 * - each socket has a timer for its session's expiry;
 * - every `recheckMs`, this instance's sockets are checked against the store, for changes made
 *   elsewhere (the `npm run agents` command line).
 */
export function revokeEndedSessions(options: {
  namespace: Namespace;
  directory: AgentDirectory;
  log: Logger;
  recheckMs?: number;
}): { track(socket: Socket): Promise<void> } {
  const { namespace, directory, log, recheckMs = 30_000 } = options;
  const disconnect = (room: string): void => {
    namespace.in(room).disconnectSockets(true);
  };
  directory.onRevoked((revocation) => {
    disconnect('tokenHash' in revocation ? sessionRoom(revocation.tokenHash) : agentRoom(revocation.agentId));
  });

  const recheck = setInterval(() => {
    for (const socket of namespace.sockets.values()) {
      const data = socket.data as Partial<RevocableData>;
      directory.authenticate(data.token).catch(() => socket.disconnect(true));
    }
  }, recheckMs);
  recheck.unref();
  namespace.server.httpServer?.once('close', () => clearInterval(recheck));

  return {
    async track(socket) {
      const data = socket.data as RevocableData;
      await socket.join([agentRoom(data.agent.id), sessionRoom(hashToken(data.token))]);
      const left = data.expiresAt - Date.now();
      if (left > MAX_TIMER_MS) return;
      const timer = setTimeout(
        () => {
          log.info({ agentId: data.agent.id }, 'console session expired; disconnecting');
          socket.disconnect(true);
        },
        Math.max(0, left),
      );
      timer.unref();
      socket.on('disconnect', () => clearTimeout(timer));
    },
  };
}
