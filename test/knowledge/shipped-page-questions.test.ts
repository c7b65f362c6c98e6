import fs from 'node:fs';
import path from 'node:path';
import { ingestDocs, listMarkdownFiles } from '../../src/knowledge/ingest-docs';
import { attachPageQuestions, readPageQuestions } from '../../src/knowledge/page-questions';

const ROOT = path.join(__dirname, '..', '..');
const SHIPPED = path.join(ROOT, 'kb-questions');
const CONNEXCS = path.join(ROOT, '..', 'shared', 'kb', 'connexcs-docs');
/** Six words in a row shared with the docs would be the docs' wording, not the team's. */
const COPIED_RUN = 6;

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function runs(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + COPIED_RUN <= tokens.length; i += 1)
    out.push(tokens.slice(i, i + COPIED_RUN).join(' '));
  return out;
}

describe('the page questions the project ships', () => {
  const files = readPageQuestions(SHIPPED);

  it('parse, and each names a page once per question (no duplicates)', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { questions } of files) {
      const seen = new Set<string>();
      for (const { page, question } of questions) {
        const key = `${page}\u0000${question.toLowerCase()}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  (fs.existsSync(CONNEXCS) ? describe : describe.skip)(
    'against the ConnexCS docs they were written for',
    () => {
      it('all land on a page of the docs, and on the section they name', () => {
        const { sections } = ingestDocs(CONNEXCS, 'https://docs.connexcs.com');
        const report = attachPageQuestions(sections, files);
        expect(report.ignored).toEqual([]);
        const total = files.reduce((sum, file) => sum + file.questions.length, 0);
        const attached = report.applied.reduce((sum, file) => sum + file.questions, 0);
        const unknownSections = report.applied.reduce((sum, file) => sum + file.unknownSections, 0);
        // Pages the ingestion skips (stubs, "coming soon") can carry no question.
        expect(attached).toBe(total);
        expect(unknownSections).toBe(0);
      });

      it(`are the team's own words: none shares ${COPIED_RUN} words in a row with any docs page`, () => {
        const docsRuns = new Set<string>();
        for (const file of listMarkdownFiles(CONNEXCS))
          for (const run of runs(words(fs.readFileSync(path.join(CONNEXCS, file), 'utf8'))))
            docsRuns.add(run);
        const copied = files
          .flatMap((file) => file.questions)
          .filter(({ question }) => runs(words(question)).some((run) => docsRuns.has(run)))
          .map(({ question }) => question);
        expect(copied).toEqual([]);
      });
    },
  );
});
