import type { ConversationSummary } from '../../src/realtime/socket-events';
import {
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { textOf, webCustomer, type WebCustomer } from '../flows/support/chat-driver';
import { problemKnowledge } from '../flows/support/problem-knowledge';

const YEAR = new Date().getUTCFullYear() + 1;
/** A Wednesday noon next year, inside support hours. */
const NOON = Date.UTC(YEAR, 5, 1, 12, 0);

describe('resolving a conversation and its ticket', () => {
  let server: TestApp;
  let agent: ConsoleSocket;
  beforeEach(async () => {
    server = await startTestApp({ overrides: { knowledge: problemKnowledge(), clock: () => NOON } });
    agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
  });
  afterEach(async () => {
    agent.close();
    await server.cleanup();
  });

  /** Files a report and has the agent claim it; gives the conversation and ticket ids. */
  async function claimedReport(customer: WebCustomer): Promise<{ id: string; ticketId: string }> {
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const first = textOf(await customer.say('calls to Spain have one-way audio'));
    if (/Did one of them solve/.test(first)) await customer.say('Not solved');
    await customer.sayAll(['Platform', 'P2', 'a84b4c76e66710@10.0.0.1', 'today', 'nothing yet', 'no audio']);
    const filed = textOf(await customer.say('no idea'));
    const ticketId = /ticket (T-\w{5})/.exec(filed)?.[1];
    if (!ticketId) throw new Error(`no ticket filed: ${filed}`);
    const { id } = await requested;
    await request(agent, 'claim', { conversationId: id });
    return { id, ticketId };
  }

  it('leaves the ticket open unless the agent asks to resolve it too', async () => {
    const customer = await webCustomer(server.url);
    const { id, ticketId } = await claimedReport(customer);
    const answer = await request<unknown>(agent, 'resolve', { conversationId: id });
    expect(answer).toEqual({ ok: true, ticketsResolved: false });
    expect((await server.app.store.getConversation(id))?.mode).toBe('resolved');
    expect((await server.app.store.getTicket(ticketId))?.status).toBe('open');
    customer.close();
  });

  it('resolves the ticket when the agent asks for it', async () => {
    const customer = await webCustomer(server.url);
    const { id, ticketId } = await claimedReport(customer);
    const answer = await request<unknown>(agent, 'resolve', { conversationId: id, resolveTickets: true });
    expect(answer).toEqual({ ok: true, ticketsResolved: true });
    expect((await server.app.store.getTicket(ticketId))?.status).toBe('resolved');
    customer.close();
  });
});
