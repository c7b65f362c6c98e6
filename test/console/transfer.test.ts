import type { ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import { webCustomer } from '../flows/support/chat-driver';
import { connectAgent, nextEvent, request, signIn, startTestApp, type TestApp } from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';

describe('transferring a conversation to another agent', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    await server.app.directory.add({ username: 'cleo', password: 'cleo-password-1', displayName: 'Cleo' });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('hands the chat over: the other agent is told with the conversation and the customer hears who joined', async () => {
    const [adminCookie, cleoCookie] = [
      await signIn(server.url),
      await signIn(server.url, 'cleo', 'cleo-password-1'),
    ];
    const admin = connectAgent(server.url, adminCookie);
    const cleo = connectAgent(server.url, cleoCookie);
    await Promise.all([nextEvent(admin, 'hello'), nextEvent(cleo, 'hello')]);
    const cleoId = (await server.app.store.getAgentByUsername('cleo'))!.id;

    const requested = nextEvent<ConversationSummary>(admin, 'handoffRequested');
    const customer = await webCustomer(server.url);
    await customer.say('Human');
    const { id } = await requested;
    await request(admin, 'claim', { conversationId: id });

    const adminId = (await server.app.store.getAgentByUsername('admin'))!.id;
    expect(await request(cleo, 'transfer', { conversationId: id, agentId: adminId })).toMatchObject({
      ok: false,
      error: { code: 'not_assigned' },
    });
    const told = nextEvent<{ conversation: ConversationSummary; from: string }>(cleo, 'transferred');
    const joined = nextEvent<WireMessage>(customer.socket, 'message', (m) =>
      /Cleo from the support team/.test(m.text),
    );
    expect(await request(admin, 'transfer', { conversationId: id, agentId: cleoId })).toEqual({
      ok: true,
      to: 'Cleo',
    });
    const { conversation, from } = await told;
    expect({ id: conversation.id, agent: conversation.assignedAgentName, from }).toEqual({
      id,
      agent: 'Cleo',
      from: 'Admin',
    });
    await joined;

    expect(
      await request(admin, 'reply', { conversationId: id, text: 'still me?', clientId: 'x1' }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      await request(cleo, 'reply', { conversationId: id, text: 'Cleo here.', clientId: 'x2' }),
    ).toMatchObject({
      ok: true,
    });
    for (const socket of [admin, cleo, customer]) socket.close();
  });
});
