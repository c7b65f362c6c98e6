import type { Namespace } from 'socket.io';
import type { AgentPresence } from '../../src/handoff/handoff-service';
import type { AgentView } from '../../src/realtime/socket-events';

/** Signed-in sockets whose agent is not away: they hear of new handoffs and count as available. */
export const AVAILABLE_ROOM = 'available';

type PresenceNamespace = Namespace<
  Record<string, never>,
  Record<string, never>,
  Record<string, never>,
  { agent?: AgentView }
>;

/**
 * How many agents are available right now, on every instance (socket.io's Redis adapter answers
 * for the others): the distinct agents with a socket in the console's available room. It needs
 * only the console namespace, so the engine is given it when it is built, before the console
 * gateway that fills the room is attached.
 */
export function consolePresence(namespace: Namespace): AgentPresence {
  const consoleSockets = namespace as PresenceNamespace;
  return async () => {
    const sockets = await consoleSockets.in(AVAILABLE_ROOM).fetchSockets();
    return new Set(sockets.map((s) => s.data.agent?.id)).size;
  };
}
