import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  connectCustomer,
  nextEvent,
  request,
  startTestApp,
  type ChatSocket,
  type TestApp,
} from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';
import { tinyPng } from '../e2e/tiny-png';
import { sweepUploads } from '../../adapters/web/upload-records';

type Result = { ok: boolean; seq?: number; error?: { code: string } };

/** A customer with a server-issued session, or the connect error's code. */
async function openChat(url: string, auth: Record<string, unknown> = {}) {
  const socket = connectCustomer(url, auth);
  const outcome = await Promise.race([
    nextEvent<{ token: string }>(socket, 'session').then((session) => ({ session })),
    nextEvent<Error & { data?: { code?: string } }>(socket, 'connect_error').then((error) => ({
      refused: error.data?.code ?? error.message,
    })),
  ]);
  return { socket, ...outcome } as { socket: ChatSocket; session?: { token: string }; refused?: string };
}

const PNG = tinyPng();

describe('limits per person and per address', () => {
  let server: TestApp;
  const sockets: ChatSocket[] = [];
  async function start(env: Record<string, string>) {
    server = await startTestApp({ env, overrides: { knowledge: smallKnowledge() } });
  }
  async function customer(auth: Record<string, unknown> = {}) {
    const chat = await openChat(server.url, auth);
    sockets.push(chat.socket);
    return chat;
  }
  const upload = (token: string, body: Buffer = PNG) =>
    fetch(`${server.url}/api/chat/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-chat-token': token },
      body: new Uint8Array(body),
    });
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await server.cleanup();
  });

  it('caps new chat sessions per address, and never honours a token it did not issue', async () => {
    await start({ RATE_NEW_CHATS_PER_ADDRESS: '3' });
    const first = await customer();
    const minted = randomBytes(32).toString('base64url');
    const second = await customer({ token: minted });
    expect(second.session?.token).toBeDefined();
    expect(second.session?.token).not.toBe(minted);
    await customer();
    expect((await customer()).refused).toBe('rate_limited');
    // A returning customer keeps their chat whatever the address has used.
    const back = await customer({ token: first.session!.token });
    expect(back.session?.token).toBe(first.session!.token);
  });

  it('caps messages per session and per address over many sessions', async () => {
    await start({ RATE_MESSAGES_PER_SESSION: '3', RATE_MESSAGES_PER_ADDRESS: '5' });
    const a = await customer();
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await request<Result>(a.socket, 'message', { text: `question ${i}`, clientId: `a${i}` });
      codes.push(answer.ok ? 'ok' : answer.error!.code);
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', 'rate_limited']);
    const b = await customer();
    const more: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await request<Result>(b.socket, 'message', { text: `other ${i}`, clientId: `b${i}` });
      more.push(answer.ok ? 'ok' : answer.error!.code);
    }
    // Every attempt counts against the address, refused ones too: 4 from the first session, 1 here.
    expect(more).toEqual(['ok', 'rate_limited', 'rate_limited']);
  });

  it('caps feedback and typing per session', async () => {
    await start({ RATE_FEEDBACK_PER_SESSION: '2', RATE_TYPING_PER_SESSION: '3' });
    const chat = await customer();
    const answer = await request<Result>(chat.socket, 'message', { text: 'hello', clientId: 'f1' });
    expect(answer.ok).toBe(true);
    const feedback: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const result = await request<Result>(chat.socket, 'feedback', { seq: answer.seq, helpful: true });
      feedback.push(result.ok ? 'ok' : result.error!.code);
    }
    expect(feedback.slice(2)).toEqual(['rate_limited', 'rate_limited']);

    let typing = 0;
    server.app.engine.events.on('typing', ({ author }) => {
      if (author === 'customer') typing += 1;
    });
    for (let i = 0; i < 20; i += 1) chat.socket.emit('typing', i % 2 === 0);
    // A message after the flood: once it is answered, every typing event before it was handled.
    await request<Result>(chat.socket, 'message', { text: 'still here', clientId: 'f2' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(typing).toBe(3);
  });

  it('takes uploads only from issued sessions, capped in count and bytes per session and address', async () => {
    await start({ RATE_UPLOADS_PER_SESSION: '2', RATE_UPLOAD_MB_PER_ADDRESS: '1' });
    expect((await upload(randomBytes(32).toString('base64url'))).status).toBe(401);
    const one = await customer();
    const token = one.session!.token;
    expect((await upload(token)).status).toBe(201);
    expect((await upload(token)).status).toBe(201);
    expect((await upload(token)).status).toBe(429);
    // Bytes per address: a 0.9 MB text file from another session fits once, not twice.
    const other = (await customer()).session!.token;
    const big = Buffer.alloc(900 * 1024, 'a');
    const send = (body: Buffer) =>
      fetch(`${server.url}/api/chat/uploads`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-chat-token': other },
        body: new Uint8Array(body),
      });
    expect((await send(big)).status).toBe(201);
    expect((await send(big)).status).toBe(429);
  });

  it('deletes uploads never attached after a day, and every upload after UPLOAD_RETENTION_DAYS', async () => {
    await start({ UPLOAD_RETENTION_DAYS: '7' });
    const chat = await customer();
    const token = chat.session!.token;
    const urls: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { attachment } = (await (await upload(token)).json()) as { attachment: { url: string } };
      urls.push(attachment.url);
    }
    const sent = await request<Result>(chat.socket, 'message', {
      text: 'see the screenshots',
      clientId: 'u1',
      attachments: [{ url: urls[0] }, { url: urls[1] }],
    });
    expect(sent.ok).toBe(true);
    const folder = path.join(server.dataDir, 'uploads');
    const age = (url: string, days: number) => {
      const file = path.join(folder, `${url.split('/').pop()}.json`);
      const record = JSON.parse(fs.readFileSync(file, 'utf8')) as { createdAt: number };
      record.createdAt -= days * 24 * 3600 * 1000;
      fs.writeFileSync(file, JSON.stringify(record));
    };
    age(urls[0]!, 2); // attached, 2 days old: kept
    age(urls[1]!, 8); // attached, past retention: deleted
    age(urls[2]!, 2); // never attached, 2 days old: deleted
    await sweepUploads(server.dataDir, { retentionDays: 7 });
    const left = fs.readdirSync(folder).filter((name) => !name.endsWith('.json'));
    expect(left).toEqual([urls[0]!.split('/').pop()]);
  });

  it('refuses attaching an upload of another session', async () => {
    await start({});
    const owner = await customer();
    const { attachment } = (await (await upload(owner.session!.token)).json()) as {
      attachment: { url: string };
    };
    const thief = await customer();
    const sent = await request<Result>(thief.socket, 'message', {
      text: 'look',
      clientId: 't1',
      attachments: [{ url: attachment.url }],
    });
    expect(sent.error?.code).toBe('invalid_input');
  });
});
