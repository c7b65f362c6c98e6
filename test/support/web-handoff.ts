import type { ConversationSummary } from '../../src/realtime/socket-events';
import {
  connectAgent,
  connectCustomer,
  nextEvent,
  request,
  signIn,
  type ChatSocket,
  type ConsoleSocket,
} from './start-app';

/** A web customer who typed "Human", and the signed-in agent who was told. */
export interface WaitingWebCustomer {
  customer: ChatSocket;
  agent: ConsoleSocket;
  /** The widget's session token (for reconnecting as the same customer). */
  token: string;
  /** The queued conversation's id. */
  id: string;
}

/** Connects a web customer and an agent, and has the customer ask for a human. */
export async function webCustomerWaiting(url: string): Promise<WaitingWebCustomer> {
  const customer = connectCustomer(url);
  const { token } = await nextEvent<{ token: string }>(customer, 'session');
  const agent = connectAgent(url, await signIn(url));
  await nextEvent(agent, 'hello');
  const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
  await request(customer, 'message', { text: 'Human', clientId: 'ask-for-a-human' });
  const { id } = await requested;
  return { customer, agent, token, id };
}

/** The same, with the agent having claimed the conversation. */
export async function webCustomerWithAgent(url: string): Promise<WaitingWebCustomer> {
  const waiting = await webCustomerWaiting(url);
  const claimed = await request<{ ok: boolean }>(waiting.agent, 'claim', { conversationId: waiting.id });
  if (!claimed.ok) throw new Error(`claim failed: ${JSON.stringify(claimed)}`);
  return waiting;
}
