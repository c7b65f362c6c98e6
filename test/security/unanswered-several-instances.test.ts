import { nextEvent, request, connectCustomer, startTestApp, type TestApp } from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';
import { waitFor } from '../support/wait-for';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';

/**
 * Issue 14, finding 9, with several instances: a message the dead run stored but never answered is
 * answered once at the next start, even when two instances over one Redis start at the same time.
 */
describe('unanswered messages after a crash, two instances starting at once', () => {
  const servers: TestApp[] = [];
  let prefix: string;
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.cleanup()));
    await deleteKeys(prefix);
  });

  it('answers the stored message exactly once', async () => {
    prefix = uniquePrefix('unanswered');
    const start = () =>
      startTestApp({
        env: { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix },
        overrides: { knowledge: smallKnowledge() },
      });
    const first = await start();
    const customer = connectCustomer(first.url);
    await nextEvent(customer, 'session');
    await request(customer, 'message', { text: 'hello', clientId: 'h1' });
    customer.close();
    const [conversation] = await first.app.store.listConversations({ limit: 1 });
    // What a crash between storing and answering leaves: the customer's message, and no answer.
    const { message } = await first.app.store.appendMessage(conversation!.id, {
      author: 'customer',
      text: 'where do I find a call id?',
      createdAt: Date.now() - 5_000,
    });
    await first.cleanup();

    servers.push(...(await Promise.all([start(), start()])));
    const store = servers[0]!.app.store;
    const answers = async () =>
      (await store.getMessages(conversation!.id, message.seq)).filter((m) => m.author === 'bot');
    await waitFor(async () => ((await answers()).length > 0 ? true : undefined));
    // Time for a second answer to arrive if the other instance were to give one too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await answers()).map((m) => m.text)).toEqual([expect.stringMatching(/Logging section/)]);
  });
});
