import type { AgentView } from '../../../src/realtime/socket-events';

/** Thrown for a refused request; `message` is the server's own explanation. */
export class ConsoleApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`/console/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (!response.ok) {
    throw new ConsoleApiError(
      json.error?.code ?? 'http_error',
      json.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return json;
}

/** Signs in; the session cookie is set by the server (httpOnly, never visible here). */
export async function signIn(username: string, password: string): Promise<AgentView> {
  return ((await call('POST', '/login', { username, password })) as { agent: AgentView }).agent;
}

/** The signed-in agent, or undefined when the session is missing or expired. */
export async function currentAgent(): Promise<AgentView | undefined> {
  try {
    return ((await call('GET', '/me')) as { agent: AgentView }).agent;
  } catch {
    return undefined;
  }
}

/** Ends the session on the server and clears the cookie. */
export async function signOut(): Promise<void> {
  await call('POST', '/logout');
}
