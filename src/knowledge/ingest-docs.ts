import fs from 'node:fs';
import path from 'node:path';
import type { DocSection, SkippedPage } from './docs-section';
import { linkTarget } from './link-target';
import { parseMkdocsNav, type NavEntry } from './mkdocs-nav';
import { parsePage, type ParsedPage } from './page-parser';
import { pageUrl } from './page-url';

/** What a docs folder yields for the index. */
export interface IngestResult {
  /** Pages that made it into the index. */
  pages: number;
  sections: DocSection[];
  skipped: SkippedPage[];
}

/** Called after each page with how many of the total are done. */
export type IngestProgress = (done: number, total: number, pagePath: string) => void;

/** Fewer words than this and a page is a stub (a title and a "see elsewhere" line). */
const STUB_WORDS = 15;
/** A page that says "coming soon" and has fewer words than this has nothing to answer with yet. */
const UNFINISHED_WORDS = 60;
/** Sections longer than this are sliced at paragraph boundaries so scores and passages stay focused. */
const SLICE_WORDS = 220;

/** Every `.md` file under `dir`, relative, `/`-separated, sorted. */
export function listMarkdownFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** Why a page should stay out of the index, or undefined to keep it. */
function skipReason(pagePath: string, page: ParsedPage, files: Set<string>): string | undefined {
  const dir = path.posix.dirname(pagePath);
  if (
    path.posix.basename(pagePath) === 'README.md' &&
    files.has(dir === '.' ? 'index.md' : `${dir}/index.md`)
  )
    return 'not published: index.md in the same folder takes its URL';
  if (page.externalIncludes > 0 && page.wordCount < STUB_WORDS * 2)
    return 'only an external include, fetched by MkDocs at build time and absent here';
  if (page.wordCount === 0) return page.h1 || page.sections.length > 0 ? 'headings only, no text' : 'empty';
  if (page.markedUnfinished && page.wordCount < UNFINISHED_WORDS)
    return 'stub marked as unfinished ("coming soon")';
  if (page.wordCount < STUB_WORDS) return `stub (${page.wordCount} words)`;
  return undefined;
}

/** Turns `guides/tshoot-media.md` into `Tshoot media`, the title of last resort. */
function fileTitle(pagePath: string): string {
  const base = path.posix.basename(pagePath, '.md').replace(/[-_]+/g, ' ');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/** Cuts long text into slices of about `SLICE_WORDS` words at paragraph boundaries. */
function slices(text: string): string[] {
  const out: string[] = [];
  let buffer: string[] = [];
  let words = 0;
  for (const paragraph of text.split('\n')) {
    const count = paragraph.split(/\s+/).length;
    if (words > 0 && words + count > SLICE_WORDS) {
      out.push(buffer.join('\n'));
      buffer = [];
      words = 0;
    }
    buffer.push(paragraph);
    words += count;
  }
  if (buffer.length > 0) out.push(buffer.join('\n'));
  return out;
}

/** Sets each section's `linkedPages`: the indexed pages its page links to, each counted once. */
function countLinkedPages(
  sections: DocSection[],
  linksByPage: ReadonlyMap<string, readonly string[]>,
  baseUrl: string,
): void {
  const indexed = new Set(sections.map((section) => section.pagePath));
  const counts = new Map<string, number>();
  for (const [pagePath, links] of linksByPage) {
    const targets = new Set(links.map((href) => linkTarget(pagePath, href, baseUrl, indexed)));
    targets.delete(undefined);
    counts.set(pagePath, targets.size);
  }
  for (const section of sections) {
    const count = counts.get(section.pagePath) ?? 0;
    if (count > 0) section.linkedPages = count;
  }
}

/** Reads the nav of `mkdocs.yml` in `dir` or its parent (MkDocs keeps docs/ beside it). */
function readNav(dir: string): Map<string, NavEntry> {
  for (const candidate of [path.join(dir, 'mkdocs.yml'), path.join(dir, '..', 'mkdocs.yml')]) {
    if (fs.existsSync(candidate)) return parseMkdocsNav(fs.readFileSync(candidate, 'utf8'));
  }
  return new Map();
}

/**
 * Reads a docs folder (MkDocs Material shaped, or plain markdown) into heading sections with their
 * titles and URLs, and says which pages were skipped and why.
 */
export function ingestDocs(dir: string, baseUrl: string, onProgress?: IngestProgress): IngestResult {
  const files = listMarkdownFiles(dir);
  const fileSet = new Set(files);
  const nav = readNav(dir);
  const sections: DocSection[] = [];
  const skipped: SkippedPage[] = [];
  const linksByPage = new Map<string, string[]>();
  let pages = 0;
  files.forEach((pagePath, i) => {
    const page = parsePage(fs.readFileSync(path.join(dir, pagePath), 'utf8'));
    const reason = skipReason(pagePath, page, fileSet);
    onProgress?.(i + 1, files.length, pagePath);
    if (reason) {
      skipped.push({ pagePath, reason });
      return;
    }
    pages += 1;
    const navEntry = nav.get(pagePath);
    const pageTitle = navEntry?.title || page.frontMatterTitle || page.h1 || fileTitle(pagePath);
    const aliases = [page.h1, page.frontMatterTitle, ...(navEntry?.sections ?? [])].filter(
      (alias): alias is string => alias !== undefined && alias !== '' && alias !== pageTitle,
    );
    linksByPage.set(pagePath, page.links);
    for (const section of page.sections) {
      const headingPath = [pageTitle, ...section.headingPath.slice(page.h1 === undefined ? 0 : 1)];
      const url = pageUrl(baseUrl, pagePath, section.anchor);
      for (const text of slices(section.text)) {
        sections.push({ id: sections.length, pagePath, pageTitle, headingPath, url, text, aliases });
      }
    }
  });
  countLinkedPages(sections, linksByPage, baseUrl);
  return { pages, sections, skipped };
}
