import type { WireMessage } from '../../src/realtime/socket-events';
import type { AnswerReview } from '../../adapters/console/answer-routes';
import { smallKnowledge } from '../support/small-knowledge';
import {
  connectCustomer,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';

describe('what the docs fail, as the team sees it', () => {
  let server: TestApp;
  beforeEach(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  async function ask(customer: ReturnType<typeof connectCustomer>, text: string, clientId: string) {
    const answer = nextEvent<WireMessage>(
      customer,
      'message',
      (m) => m.author === 'bot' && m.answerId !== undefined,
    );
    await request(customer, 'message', { text, clientId });
    return answer;
  }

  it('records "Did this help?" and a "Human" after an answer, and lists the failures for agents only', async () => {
    const happy = connectCustomer(server.url);
    await nextEvent(happy, 'session');
    const good = await ask(happy, 'where do I find a call id?', 'q1');
    expect(await request(happy, 'feedback', { seq: good.seq, helpful: true })).toEqual({ ok: true });

    const unhappy = connectCustomer(server.url);
    await nextEvent(unhappy, 'session');
    const bad = await ask(unhappy, 'how do I copy the call id of a call', 'q2');
    await request(unhappy, 'feedback', { seq: bad.seq, helpful: false });
    await request(unhappy, 'message', { text: 'Human', clientId: 'q3' });

    expect((await fetch(`${server.url}/console/api/answers`)).status).toBe(401);
    const cookie = await signIn(server.url);
    const all = (await (
      await fetch(`${server.url}/console/api/answers`, { headers: { cookie } })
    ).json()) as {
      answers: AnswerReview[];
    };
    expect(all.answers.map((a) => [a.question, a.helpful, a.askedForHuman])).toEqual([
      ['how do I copy the call id of a call', false, true],
      ['where do I find a call id?', true, false],
    ]);
    const failed = (await (
      await fetch(`${server.url}/console/api/answers?failed=1`, { headers: { cookie } })
    ).json()) as {
      answers: AnswerReview[];
    };
    expect(failed.answers.map((a) => a.question)).toEqual(['how do I copy the call id of a call']);
    expect(failed.answers[0]!.page).toBe('guides/callid.md');
    happy.close();
    unhappy.close();
  });
});
