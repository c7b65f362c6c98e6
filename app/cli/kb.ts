import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';

const USAGE = `Build the docs index the bot answers from.

  npm run kb -- ingest <dir> [--base-url <url>] [--cache <dir>] [--verbose]

<dir> is a docs folder (MkDocs shaped or plain markdown). The index is saved in --cache
(default DATA_DIR/kb-index, the folder the server reads), so the server starts without rebuilding.
Prints pages, sections and the pages skipped with the reason.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A one-line progress bar on a terminal; nothing when output goes to a file or a pipe. */
function progressBar(stream: NodeJS.WriteStream): (done: number, total: number) => void {
  if (!stream.isTTY) return () => undefined;
  const width = 30;
  return (done, total) => {
    const filled = Math.round((done / Math.max(total, 1)) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} pages`);
    if (done === total) stream.write('\n');
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, dir, ...rest] = argv;
  if (command !== 'ingest' || !dir) {
    process.stderr.write(`${USAGE}\n`);
    return command === '--help' || command === 'help' ? 0 : 2;
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    process.stderr.write(`Not a folder: ${dir}\n`);
    return 2;
  }
  const config = loadConfig();
  const cacheDir = option(rest, '--cache') ?? path.join(config.DATA_DIR, 'kb-index');
  // A fresh cache folder per run would hide an unchanged index; clear ours so ingest always rebuilds.
  fs.rmSync(path.join(cacheDir, 'docs-index.json'), { force: true });
  const knowledge = new DocsKnowledgeBase({
    dir,
    baseUrl: option(rest, '--base-url') ?? config.KB_BASE_URL,
    cacheDir,
    pageQuestions: config.KB_QUESTIONS,
    onProgress: progressBar(process.stderr),
  });
  await knowledge.load();
  const stats = knowledge.stats();
  process.stdout.write(
    `pages: ${stats.pages}\nsections: ${stats.sections}\nskipped: ${stats.skipped.length}\n` +
      `page questions: ${stats.pageQuestions} (from ${config.KB_QUESTIONS})\n` +
      `build: ${stats.buildMs} ms\nindex saved in: ${cacheDir}\n`,
  );
  for (const page of stats.skipped) process.stdout.write(`  skipped ${page.pagePath}: ${page.reason}\n`);
  if (rest.includes('--verbose')) {
    for (const section of knowledge.index.sections) process.stdout.write(`  ${section.url}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
