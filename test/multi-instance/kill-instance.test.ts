import type { WireMessage } from '../../src/realtime/socket-events';
import {
  connectAgent,
  connectCustomer,
  nextEvent,
  request,
  signIn,
  type ChatSocket,
  type TestApp,
} from '../support/start-app';
import { deleteKeys, uniquePrefix } from '../store/redis-test-prefix';
import { eventually, startChildInstance, startInstance, type ChildInstance } from './instances';

type Ack<T = object> = { ok: true } & T;

/** What one widget holds: every message by seq, and how often each seq arrived. */
function widget(socket: ChatSocket, held: Map<number, WireMessage>): void {
  socket.on('history', ({ messages }) => messages.forEach((m) => held.set(m.seq, m)));
  socket.on('message', (m) => held.set(m.seq, m));
}

describe('an instance killed mid-conversation', () => {
  let prefix: string;
  let a: ChildInstance;
  let b: TestApp;
  beforeEach(async () => {
    prefix = uniquePrefix('kill');
    a = await startChildInstance(prefix);
    b = await startInstance(prefix);
  });
  afterEach(async () => {
    await a.kill();
    await b.cleanup();
    await deleteKeys(prefix);
  });

  it('loses and doubles nothing: the widget resumes on B from its last seq', async () => {
    const held = new Map<number, WireMessage>();
    const onA = connectCustomer(a.url);
    widget(onA, held);
    const { token } = await nextEvent<{ token: string }>(onA, 'session');
    const agent = connectAgent(b.url, await signIn(b.url));
    await nextEvent(agent, 'hello');

    await request(onA, 'message', { text: 'hello there', clientId: 'c1' });
    const requested = nextEvent<{ id: string }>(agent, 'handoffRequested');
    await request(onA, 'message', { text: 'Human', clientId: 'c2' });
    const { id } = await requested;
    await request<Ack>(agent, 'claim', { conversationId: id });
    const reply = nextEvent<WireMessage>(onA, 'message', (m) => m.text === 'Agent before the crash');
    await request(agent, 'reply', { conversationId: id, text: 'Agent before the crash', clientId: 'r1' });
    await reply;
    await request(onA, 'message', { text: 'customer before the crash', clientId: 'c3' });

    // A message on its way when the instance dies: the widget never gets its acknowledgement.
    onA.emit('message', { text: 'customer during the crash', clientId: 'c4' }, () => undefined);
    await a.kill('SIGKILL');
    onA.close();

    // Meanwhile the agent (on B) keeps writing.
    await request(agent, 'reply', {
      conversationId: id,
      text: 'Agent while the widget was away',
      clientId: 'r2',
    });

    const lastSeq = Math.max(...held.keys());
    const onB = connectCustomer(b.url, { token, lastSeq });
    const history = nextEvent<{ messages: WireMessage[] }>(onB, 'history');
    widget(onB, held);
    expect((await nextEvent<{ mode: string }>(onB, 'session')).mode).toBe('assigned');
    expect((await history).messages.every((m) => m.seq > lastSeq)).toBe(true);
    // The widget re-sends what was never acknowledged, with the same client id, until it is taken
    // (if A died holding the message's claim, B answers "in_progress" until the claim lapses).
    await eventually(async () => {
      const ack = await request<{ ok: boolean }>(onB, 'message', {
        text: 'customer during the crash',
        clientId: 'c4',
      });
      if (!ack.ok) await new Promise((resolve) => setTimeout(resolve, 500));
      return ack.ok;
    }, 25_000);

    const live = nextEvent<WireMessage>(onB, 'message', (m) => m.text === 'Agent after the crash');
    await request(agent, 'reply', { conversationId: id, text: 'Agent after the crash', clientId: 'r3' });
    await live;
    const heard = nextEvent<{ message: WireMessage }>(
      agent,
      'message',
      (p) => p.message.text === 'customer after',
    );
    await request(onB, 'message', { text: 'customer after', clientId: 'c5' });
    await heard;

    const transcript = await b.app.store.getMessages(id);
    const count = (text: string) => transcript.filter((m) => m.text === text).length;
    for (const text of [
      'hello there',
      'Human',
      'Agent before the crash',
      'customer before the crash',
      'customer during the crash',
      'Agent while the widget was away',
      'Agent after the crash',
      'customer after',
    ]) {
      expect([text, count(text)]).toEqual([text, 1]);
    }
    // Gap-free, and the widget holds exactly the stored transcript (up to the last live message).
    expect(transcript.map((m) => m.seq)).toEqual(transcript.map((_, i) => i + 1));
    const widgetSeqs = [...held.keys()].sort((x, y) => x - y);
    expect(widgetSeqs).toEqual(transcript.map((m) => m.seq).filter((seq) => seq <= widgetSeqs.at(-1)!));
    for (const seq of widgetSeqs) expect(held.get(seq)?.text).toBe(transcript[seq - 1]?.text);
    onB.close();
    agent.close();
  });
});
