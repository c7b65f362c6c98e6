import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../app/create-app';
import { loadConfig } from '../../src/config';
import { loadKnowledgeBase, type LoadedKnowledgeBase } from '../../src/knowledge';
import { createLogger } from '../../src/logger';
import { ADMIN_PASSWORD, connectCustomer, nextEvent, request } from '../support/start-app';

/**
 * Words that are also names on every JavaScript object. Any lookup keyed by customer text in a
 * plain object (shorthand, synonyms, intents, commands) answers them from the prototype; the whole
 * path, understanding, flows and the real docs index, must treat them as words.
 */
const PROTOTYPE_WORDS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty valueOf',
  'how do I set the constructor of my prototype',
  'isPrototypeOf propertyIsEnumerable __defineGetter__',
];

describe('customer text that names object prototype members', () => {
  let app: App;
  let url: string;
  let dataDir: string;
  let knowledge: LoadedKnowledgeBase;
  const errors: string[] = [];
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-prototype-words-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KB_DIR: path.join(__dirname, '..', '..', 'kb'),
      ADMIN_PASSWORD,
      LOG_LEVEL: 'error',
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        errors.push(chunk.toString());
        done();
      },
    });
    // The real docs index over the project's kb/: the shorthand and term lookups are in its query path.
    knowledge = await loadKnowledgeBase({
      dir: config.KB_DIR,
      baseUrl: config.KB_BASE_URL,
      answerCacheSize: 0,
    });
    app = await createApp(config, createLogger('error', sink), { knowledge });
    url = await app.listen();
  });
  afterAll(async () => {
    await app.close();
    knowledge.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(PROTOTYPE_WORDS)('answers %j like any other words, with no error', async (text) => {
    const customer = connectCustomer(url);
    try {
      await nextEvent(customer, 'session');
      const reply = nextEvent<{ author: string; text: string }>(
        customer,
        'message',
        (m) => m.author === 'bot',
      );
      const sent = await request<{ ok: boolean }>(customer, 'message', { text, clientId: 'p1' });
      expect(sent.ok).toBe(true);
      expect((await reply).text).not.toMatch(/something went wrong/i);
      expect(errors).toEqual([]);
    } finally {
      customer.close();
    }
  });
});
