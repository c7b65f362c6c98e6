import type { CannedResponse } from '../../../src/model/canned-response';
import type { Ticket } from '../../../src/model/ticket';
import type { AgentView } from '../../../src/realtime/socket-events';
import type { AnswerReview } from '../answer-routes';
import type { ConversationListItem } from '../conversation-routes';
import type { DeliveryRecord } from '../../../src/webhooks/webhook-dispatcher';

/** Thrown for a refused request; `message` is the server's own explanation. */
export class ConsoleApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
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

/** A NOC-on-Demand or enhanced-support enquiry as the leads flow records it (every field optional). */
export interface Lead {
  kind?: string;
  conversationId?: string;
  customer?: string;
  firstMessage?: string;
  enquiry?: string;
  contact?: string;
  email?: string;
  phone?: string;
  at?: number;
}

/** Tickets matching a text (id, title or description) and a status, most recently updated first. */
export async function listTickets(query: { text?: string; status?: Ticket['status'] }): Promise<Ticket[]> {
  const params = new URLSearchParams();
  if (query.text) params.set('text', query.text);
  if (query.status) params.set('status', query.status);
  return ((await call('GET', `/tickets?${params.toString()}`)) as { tickets: Ticket[] }).tickets;
}

/** One ticket, fresh from the store. */
export async function getTicket(id: string): Promise<Ticket> {
  return ((await call('GET', `/tickets/${encodeURIComponent(id)}`)) as { ticket: Ticket }).ticket;
}

/** Enhanced-support leads, newest first. */
export async function listLeads(): Promise<Lead[]> {
  return ((await call('GET', '/leads')) as { leads: Lead[] }).leads;
}

/** The outgoing webhooks' delivery log (admins only): every attempt, newest first. */
export interface WebhookDeliveries {
  configured: boolean;
  pending: number;
  deliveries: DeliveryRecord[];
}

/** Fetches the webhook delivery log. */
export async function listWebhookDeliveries(): Promise<WebhookDeliveries> {
  return (await call('GET', '/webhooks/deliveries')) as WebhookDeliveries;
}

/** The docs answers, with their feedback; `failedOnly` keeps those that did not help. */
export async function listAnswers(failedOnly: boolean): Promise<AnswerReview[]> {
  return ((await call('GET', failedOnly ? '/answers?failed=1' : '/answers')) as { answers: AnswerReview[] })
    .answers;
}

/** Ends a conversation for good (abusive customer); the customer is told. */
export async function endConversation(conversationId: string, reason?: string): Promise<void> {
  await call('POST', `/conversations/${encodeURIComponent(conversationId)}/end`, reason ? { reason } : {});
}

/** The Conversations list's filters, as the form holds them ('' = any). */
export interface ConversationFilters {
  text: string;
  status: string;
  channel: string;
  agent: string;
  /** UTC days, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

/** Conversations matching the filters, most recently active first. */
export async function searchConversations(filters: ConversationFilters): Promise<ConversationListItem[]> {
  const params = new URLSearchParams();
  const names = ['text', 'status', 'channel', 'agent', 'from', 'to'] as const;
  for (const name of names) if (filters[name]) params.set(name, filters[name]);
  return (
    (await call('GET', `/conversations?${params.toString()}`)) as { conversations: ConversationListItem[] }
  ).conversations;
}

/** Every agent, for the agent filter. */
export async function listAgents(): Promise<Pick<AgentView, 'id' | 'displayName' | 'username'>[]> {
  return ((await call('GET', '/agents')) as { agents: Pick<AgentView, 'id' | 'displayName' | 'username'>[] })
    .agents;
}

/** The team's canned responses, by shortcut. */
export async function listCanned(): Promise<CannedResponse[]> {
  return ((await call('GET', '/canned')) as { responses: CannedResponse[] }).responses;
}

/** Creates a canned response, or replaces the one with this `id`. */
export async function saveCanned(input: {
  id?: string;
  shortcut: string;
  text: string;
}): Promise<CannedResponse> {
  return ((await call('POST', '/canned', input)) as { response: CannedResponse }).response;
}

/** Deletes a canned response. */
export async function deleteCanned(id: string): Promise<void> {
  await call('DELETE', `/canned/${encodeURIComponent(id)}`);
}
