import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge';
import {
  attachPageQuestions,
  parsePageQuestions,
  PageQuestionsError,
  readPageQuestions,
} from '../../src/knowledge/page-questions';
import { ingestDocs } from '../../src/knowledge/ingest-docs';
import { waitFor } from '../support/wait-for';

const BASE = 'https://docs.example.com';

/** Two pages whose words are the docs' own; customers name the same things otherwise. */
function tempSite(): { root: string; dir: string; questions: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'page-questions-'));
  const dir = path.join(root, 'docs');
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, 'routing.md'),
    [
      '# Routing',
      '',
      'Routing chooses the upstream termination partner for each destination prefix.',
      '',
      '## Least Cost Routing',
      '',
      'With least cost routing the partner with the lowest rate for the prefix is tried first, then the next.',
      '',
      '## Failover',
      '',
      'When the first partner rejects the attempt, the next partner in the list is attempted after the reject code.',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'recordings.md'),
    '# Recordings\n\nRecordings of conversations are retained for ninety days and can be exported as WAV files from the portal.\n',
  );
  const questions = path.join(root, 'questions');
  fs.mkdirSync(questions);
  return { root, dir, questions, cacheDir: path.join(root, 'cache') };
}

function lines(...entries: object[]): string {
  return `${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`;
}

describe('parsing page-questions files', () => {
  it('reads one question a line, with or without a section, and skips blank lines', () => {
    const text = `${lines({ page: 'a.md', question: 'how do I do a' })}\n${lines({ page: 'a.md', section: 'Part', question: ' and the part? ' })}`;
    expect(parsePageQuestions(text, 'q.jsonl')).toEqual([
      { page: 'a.md', question: 'how do I do a' },
      { page: 'a.md', section: 'Part', question: 'and the part?' },
    ]);
  });

  it.each([
    ['not JSON', '{"page": "a.md",', /q\.jsonl:2: not JSON/],
    ['a missing question', '{"page": "a.md"}', /q\.jsonl:2: question/],
    ['an empty question', '{"page": "a.md", "question": "  "}', /q\.jsonl:2: question/],
    ['an unknown key', '{"page": "a.md", "question": "x", "answer": "y"}', /q\.jsonl:2: /],
    [
      'an overlong question',
      JSON.stringify({ page: 'a.md', question: 'x'.repeat(501) }),
      /q\.jsonl:2: question/,
    ],
  ])('names the file and line of %s', (_name, bad, message) => {
    const text = `${lines({ page: 'a.md', question: 'fine' })}${bad}\n`;
    expect(() => parsePageQuestions(text, 'q.jsonl')).toThrow(PageQuestionsError);
    expect(() => parsePageQuestions(text, 'q.jsonl')).toThrow(message);
  });
});

describe('attaching questions to sections', () => {
  it('puts a question on the section it names, else on the page, and counts what it could not place', () => {
    const site = tempSite();
    const { sections } = ingestDocs(site.dir, BASE);
    fs.writeFileSync(
      path.join(site.questions, 'ours.jsonl'),
      lines(
        {
          page: 'routing.md',
          section: 'failover',
          question: 'what happens when my first provider refuses the call',
        },
        { page: 'routing.md', question: 'how are calls sent out' },
        { page: 'routing.md', section: 'No such heading', question: 'lost heading' },
        { page: 'recordings.md', question: 'how long do you keep audio of calls' },
        { page: 'gone.md', question: 'a page that was deleted' },
      ),
    );
    const report = attachPageQuestions(sections, readPageQuestions(site.questions));
    expect(report).toEqual({
      applied: [
        { file: path.join(site.questions, 'ours.jsonl'), questions: 4, unknownPages: 1, unknownSections: 1 },
      ],
      ignored: [],
    });
    const questionsOf = (heading: string) =>
      sections.find((section) => section.headingPath.at(-1) === heading)?.questions;
    expect(questionsOf('Failover')).toEqual(['what happens when my first provider refuses the call']);
    expect(questionsOf('Routing')).toEqual(['how are calls sent out', 'lost heading']);
    expect(questionsOf('Least Cost Routing')).toBeUndefined();
    expect(questionsOf('Recordings')).toEqual(['how long do you keep audio of calls']);
  });

  it('leaves out a file written for other docs, whose pages are mostly not here', () => {
    const site = tempSite();
    const { sections } = ingestDocs(site.dir, BASE);
    const file = path.join(site.questions, 'other-product.jsonl');
    fs.writeFileSync(
      file,
      lines(
        { page: 'routing.md', question: 'a page of the same name in another product' },
        { page: 'billing.md', question: 'x' },
        { page: 'teams.md', question: 'y' },
      ),
    );
    expect(attachPageQuestions(sections, readPageQuestions(file))).toEqual({
      applied: [],
      ignored: [{ file, pagesFound: 1, pages: 3 }],
    });
    expect(sections.some((section) => section.questions)).toBe(false);
  });
});

describe('the index with page questions', () => {
  it('finds a page by the words of its questions, and rebuilds the cached index when they change', async () => {
    const site = tempSite();
    const options = { dir: site.dir, baseUrl: BASE, cacheDir: site.cacheDir, pageQuestions: site.questions };
    // "audio" and "keep" are nowhere in the docs: without questions the search finds nothing.
    const without = await loadKnowledgeBase(options);
    expect(without.search('keep audio')).toEqual([]);
    expect(without.stats().pageQuestions).toBe(0);

    fs.writeFileSync(
      path.join(site.questions, 'ours.jsonl'),
      lines({ page: 'recordings.md', question: 'how long do you keep audio of calls' }),
    );
    const withQuestions = await loadKnowledgeBase(options);
    expect(withQuestions.stats().fromCache).toBe(false);
    const hits = withQuestions.search('do you keep the audio');
    expect(hits[0]?.url).toBe(`${BASE}/recordings/`);

    expect(withQuestions.stats().pageQuestions).toBe(1);
    const again = await loadKnowledgeBase(options);
    expect(again.stats()).toMatchObject({ fromCache: true, pageQuestions: 1 });
    expect(again.search('do you keep the audio')[0]?.url).toBe(`${BASE}/recordings/`);
  });

  it('sends a question to the section its question names', async () => {
    const site = tempSite();
    fs.writeFileSync(
      path.join(site.questions, 'ours.jsonl'),
      lines({
        page: 'routing.md',
        section: 'Failover',
        question: 'my main supplier refuses calls, does another one get tried',
      }),
    );
    const kb = await loadKnowledgeBase({ dir: site.dir, baseUrl: BASE, pageQuestions: site.questions });
    expect(kb.search('supplier refuses')[0]?.url).toBe(`${BASE}/routing/#failover`);
  });

  it('reloads by itself when a questions file changes while watching, and keeps serving through a bad edit', async () => {
    const site = tempSite();
    const reloadFailures: string[] = [];
    const kb = await loadKnowledgeBase({
      dir: site.dir,
      baseUrl: BASE,
      pageQuestions: site.questions,
      watch: true,
      log: (level, msg) => {
        if (level === 'warn') reloadFailures.push(msg);
      },
    });
    try {
      expect(kb.search('keep audio')).toEqual([]);
      const reloaded = new Promise((resolve) => kb.onReload(resolve));
      fs.writeFileSync(
        path.join(site.questions, 'ours.jsonl'),
        lines({ page: 'recordings.md', question: 'how long do you keep audio of calls' }),
      );
      await reloaded;
      expect(kb.stats().pageQuestions).toBe(1);
      expect(kb.search('keep audio')[0]?.url).toBe(`${BASE}/recordings/`);

      fs.writeFileSync(path.join(site.questions, 'ours.jsonl'), '{"page": "recordings.md"}\n');
      await waitFor(() => reloadFailures.length > 0);
      expect(reloadFailures).toEqual(['knowledge base reload failed']);
      expect(kb.search('keep audio')[0]?.url).toBe(`${BASE}/recordings/`);
    } finally {
      kb.close();
    }
  });

  it('refuses a malformed file with its name and line', async () => {
    const site = tempSite();
    fs.writeFileSync(path.join(site.questions, 'broken.jsonl'), '{"page": "routing.md"}\n');
    await expect(
      loadKnowledgeBase({ dir: site.dir, baseUrl: BASE, pageQuestions: site.questions }),
    ).rejects.toThrow(/broken\.jsonl:1: question/);
  });
});
