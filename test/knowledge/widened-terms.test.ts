import path from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge';

const KB_DIR = path.join(__dirname, '..', '..', 'kb');
const BASE = 'https://support.example.com';

describe('widened forms of unknown words, remembered across questions', () => {
  it('gives every question the answer and the search hits a fresh knowledge base gives it', async () => {
    // Typos and truncations, several sharing a misspelt word, asked with the answer cache off so
    // that each one is retrieved and only the remembered widenings are shared.
    const questions = [
      'phone suport hours',
      'telegam support bot',
      'suport by emial',
      'when is phone suport open',
      'telegam bot for suport',
      'emial support adress',
    ];
    const shared = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, answerCacheSize: 0 });
    for (const question of questions) {
      const fresh = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, answerCacheSize: 0 });
      expect(await shared.answer(question)).toEqual(await fresh.answer(question));
      expect(shared.search(question)).toEqual(fresh.search(question));
    }
  });
});
