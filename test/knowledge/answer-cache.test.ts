import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { loadKnowledgeBase } from '../../src/knowledge';

const KB_DIR = path.join(__dirname, '..', '..', 'kb');
const BASE = 'https://support.example.com';

describe('answer cache', () => {
  it('answers a repeated question from memory with the same answer, which callers cannot spoil', async () => {
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE });
    const first = await kb.answer('phone support hours');
    first.hits.length = 0;
    first.passage = 'changed by a caller';
    const again = await kb.answer('phone support hours');
    expect(again.kind).toBe('answer');
    expect(again.hits[0]?.url).toBe(`${BASE}/contact/#phone-support`);
    expect(again.passage).not.toBe('changed by a caller');
    await kb.answer('telegram support bot');
    expect(kb.stats().answerCache).toEqual({ hits: 1, misses: 2, size: 2 });
  });

  it('shares one retrieval between identical questions asked at the same time', async () => {
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE });
    const answers = await Promise.all(Array.from({ length: 5 }, () => kb.answer('phone support hours')));
    expect(new Set(answers.map((a) => a.hits[0]?.url)).size).toBe(1);
    expect(kb.stats().answerCache).toMatchObject({ hits: 4, misses: 1 });
  });

  it('forgets the least recently asked question first, and keeps nothing when its size is 0', async () => {
    const small = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, answerCacheSize: 2 });
    for (const q of ['phone support hours', 'telegram support bot', 'phone support hours', 'email support']) {
      await small.answer(q);
    }
    await small.answer('phone support hours'); // still kept: asked recently
    await small.answer('telegram support bot'); // pushed out by "email support"
    expect(small.stats().answerCache).toEqual({ hits: 2, misses: 4, size: 2 });

    const off = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, answerCacheSize: 0 });
    await off.answer('phone support hours');
    await off.answer('phone support hours');
    expect(off.stats().answerCache).toEqual({ hits: 0, misses: 2, size: 0 });
  });

  it('does not keep the fallback given while the chat model failed', async () => {
    const chatModel = new FakeListChatModel({ responses: ['Call us between 09:00 and 23:00 UTC [1].'] });
    const invoke = jest.spyOn(chatModel, 'invoke').mockRejectedValueOnce(new Error('model is down'));
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, chatModel });
    const fallback = await kb.answer('phone support hours');
    expect(fallback.kind).toBe('answer');
    expect(fallback.generated).toBeUndefined();
    const recovered = await kb.answer('phone support hours');
    expect(recovered.generated).toBe('Call us between 09:00 and 23:00 UTC [1].');
    expect(invoke).toHaveBeenCalledTimes(2);
    expect(await kb.answer('phone support hours')).toEqual(recovered);
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('starts empty after the docs change, so no answer outlives the page it quoted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-kb-cache-'));
    try {
      const page = (hours: string) =>
        `# Support hours\n\nThe support desk answers the phone ${hours}. ${'Outside these hours, write to the desk and a person replies when it opens again. '.repeat(4)}\n`;
      fs.writeFileSync(path.join(dir, 'hours.md'), page('from 09:00 to 17:00 UTC on weekdays'));
      const kb = await loadKnowledgeBase({ dir, baseUrl: BASE });
      expect((await kb.answer('support desk phone hours')).hits[0]?.text).toContain('09:00 to 17:00');
      fs.writeFileSync(path.join(dir, 'hours.md'), page('from 07:00 to 22:00 UTC every day'));
      await kb.reload();
      expect((await kb.answer('support desk phone hours')).hits[0]?.text).toContain('07:00 to 22:00');
      expect(kb.stats().answerCache).toMatchObject({ hits: 0, misses: 1 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
