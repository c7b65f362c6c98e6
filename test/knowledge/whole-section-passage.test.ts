import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';
import { languageModelsFrom } from '../../app/language-models';
import { fakeModelServer } from '../support/fake-model-api';

const BASE = 'https://docs.example.com';

/**
 * A fax page whose "Sending" section is long enough to be indexed in two slices: the receipt
 * sentence sits in the second slice, while the team's question about receipts lands on the first.
 */
function faxSite(): { dir: string; questions: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'whole-section-'));
  const dir = path.join(root, 'docs');
  fs.mkdirSync(dir);
  const filler = (topic: string) =>
    Array.from(
      { length: 12 },
      (_, i) =>
        `Paragraph ${i + 1} about ${topic} explains cover pages, page sizes, resolution and the retry schedule for busy lines in plain detail.`,
    ).join('\n\n');
  fs.writeFileSync(
    path.join(dir, 'fax.md'),
    [
      '# Fax',
      '',
      'Fax sends documents to fax machines over the phone network.',
      '',
      '## Sending',
      '',
      filler('sending'),
      '',
      filler('queues'),
      '',
      'A delivery receipt is emailed to the sender within five minutes of the last page, with the pages sent and the remote station identifier.',
      '',
    ].join('\n'),
  );
  const questions = path.join(root, 'questions.jsonl');
  fs.writeFileSync(
    questions,
    `${JSON.stringify({ page: 'fax.md', section: 'Sending', question: 'how do I get proof that my fax went through' })}\n`,
  );
  return { dir, questions };
}

describe('the passage of a section indexed in slices', () => {
  it('is chosen from the whole section, not only the slice that scored best', async () => {
    const { dir, questions } = faxSite();
    const kb = new DocsKnowledgeBase({ dir, baseUrl: BASE, pageQuestions: questions, answerCacheSize: 0 });
    await kb.load();
    const slices = kb.index.sections.filter((section) => section.headingPath.at(-1) === 'Sending');
    expect(slices.length).toBeGreaterThanOrEqual(2);
    const [first, last] = [slices[0], slices.at(-1)];
    expect(first?.text).not.toContain('delivery receipt');
    expect(last?.text).toContain('delivery receipt');
    expect(first?.questions).toHaveLength(1);
    for (const slice of slices)
      expect(kb.index.wholeSectionText(slice)).toBe(slices.map((s) => s.text).join('\n'));
    const intro = kb.index.sections.find((section) => section.headingPath.length === 1);
    expect(intro && kb.index.wholeSectionText(intro)).toBe(intro?.text);

    const answer = await kb.answer('proof my fax went through, is there a delivery receipt');
    expect(answer.hits[0]?.url).toBe(`${BASE}/fax/#sending`);
    expect(answer.passage).toContain('A delivery receipt is emailed to the sender');
  });

  it('is given whole to a chat model (LLM_BASE_URL), each section of the prompt with all its slices', async () => {
    const { dir, questions } = faxSite();
    const api = await fakeModelServer(() => ({
      choices: [{ message: { content: 'A receipt is e-mailed within five minutes [1].' } }],
    }));
    try {
      const kb = new DocsKnowledgeBase({
        dir,
        baseUrl: BASE,
        pageQuestions: questions,
        answerCacheSize: 0,
        ...languageModelsFrom(loadConfig({ LLM_BASE_URL: api.url, LLM_MODEL: 'tiny' })),
      });
      await kb.load();
      const answer = await kb.answer('proof my fax went through, is there a delivery receipt');
      expect(answer.generated).toContain('[1]');
      const prompt = JSON.stringify(api.requests[0]?.body.messages);
      expect(prompt).toContain('Paragraph 1 about sending');
      expect(prompt).toContain('A delivery receipt is emailed to the sender');
    } finally {
      api.close();
    }
  });
});
