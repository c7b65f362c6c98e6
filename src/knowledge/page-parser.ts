import { inlineText } from './markdown-text';
import { TocSlugger } from './toc-slug';

/** One heading section of a page, as plain text. */
export interface ParsedSection {
  /** Headings from the page's H1 down to this section (the H1 alone for the page's preamble). */
  headingPath: string[];
  /** MkDocs `toc` id of the section's heading; absent for the preamble under the H1. */
  anchor?: string;
  /** Paragraphs of plain text separated by `\n`. */
  text: string;
}

/** A docs page reduced to what the search index and the answers need. */
export interface ParsedPage {
  /** `title:` from the front matter, without the `| Site` suffix. */
  frontMatterTitle?: string;
  /** Text of the first `# ` heading. */
  h1?: string;
  sections: ParsedSection[];
  /** Words of body text (headings excluded): decides stub pages. */
  wordCount: number;
  /** How many `external_markdown` includes the page pulls in at build time. */
  externalIncludes: number;
  /** The page says it is unfinished ("coming soon", "work in progress"). */
  markedUnfinished: boolean;
}

const FENCE = /^\s*(`{3,}|~{3,})\s*\{?\s*\.?([\w-]*)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ADMONITION = /^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"(.*?)")?\s*$/;
const TAB = /^\s*===\+?\s+"(.*?)"\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const LIST_MARKER = /^\s*(?:[-+*]|\d+[.)])\s+/;
const UNFINISHED = /coming soon|work in progress|in progress and will be updated/i;

/** Splits a markdown table row into its cells. */
function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => inlineText(cell));
}

/** Reads the `title:` of a YAML front matter block, returning it and the line after the block. */
function readFrontMatter(lines: string[]): { title?: string; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { bodyStart: 0 };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return { bodyStart: 0 };
  const titleLine = lines.slice(1, end).find((line) => /^title\s*:/.test(line));
  const raw = titleLine?.replace(/^title\s*:\s*/, '').replace(/^["']|["']$/g, '');
  const title = raw?.split(' | ')[0]?.trim();
  return { ...(title ? { title } : {}), bodyStart: end + 1 };
}

/**
 * Parses one MkDocs Material page: drops the "Document Metadata" details block, HTML images and
 * mermaid diagrams, keeps admonition, tab and table text, and cuts the page at its headings.
 */
export function parsePage(markdown: string): ParsedPage {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const front = readFrontMatter(lines);
  const slugger = new TocSlugger();
  const sections: ParsedSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let h1: string | undefined;
  let current: { headingPath: string[]; anchor?: string; paragraphs: string[]; open: string[] } = {
    headingPath: [],
    paragraphs: [],
    open: [],
  };
  let wordCount = 0;
  let externalIncludes = 0;
  let markedUnfinished = false;
  let fence: { marker: string; skip: boolean } | null = null;
  let inMetadata = false;
  let tableHeader: string[] | null = null;

  const closeParagraph = (): void => {
    if (current.open.length > 0) current.paragraphs.push(current.open.join(' '));
    current.open = [];
  };
  const closeSection = (): void => {
    closeParagraph();
    const text = current.paragraphs.join('\n').trim();
    if (text !== '') {
      sections.push({
        headingPath: current.headingPath,
        ...(current.anchor ? { anchor: current.anchor } : {}),
        text,
      });
    }
  };
  const addText = (text: string, ownParagraph = false): void => {
    if (text === '') return;
    if (UNFINISHED.test(text)) markedUnfinished = true;
    wordCount += text.split(/\s+/).length;
    if (ownParagraph) {
      closeParagraph();
      current.paragraphs.push(text);
    } else current.open.push(text);
  };

  for (const line of lines.slice(front.bodyStart)) {
    if (inMetadata) {
      if (/<\/details>/i.test(line)) inMetadata = false;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (line.trim().startsWith(fence.marker) && /^(`{3,}|~{3,})$/.test(line.trim())) fence = null;
      else if (!fence.skip) addText(line.trim(), true);
      continue;
    }
    if (fenceMatch) {
      closeParagraph();
      fence = { marker: fenceMatch[1] ?? '```', skip: fenceMatch[2]?.toLowerCase() === 'mermaid' };
      continue;
    }
    if (/<details>/i.test(line) && /Document Metadata/i.test(line)) {
      if (!/<\/details>/i.test(line)) inMetadata = true;
      continue;
    }
    if (/external_markdown\s*\(/.test(line)) externalIncludes += 1;

    const heading = HEADING.exec(line);
    if (heading && !/^\s/.test(line)) {
      closeSection();
      tableHeader = null;
      const level = heading[1]?.length ?? 1;
      const text = inlineText(heading[2] ?? '');
      const anchor = slugger.next(text);
      if (level === 1 && h1 === undefined) {
        h1 = text;
        stack.length = 0;
        stack.push({ level, text });
        current = { headingPath: [text], paragraphs: [], open: [] };
        continue;
      }
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
      stack.push({ level, text });
      current = { headingPath: stack.map((s) => s.text), anchor, paragraphs: [], open: [] };
      continue;
    }

    if (line.trim() === '') {
      closeParagraph();
      tableHeader = null;
      continue;
    }
    const admonition = ADMONITION.exec(line);
    if (admonition) {
      closeParagraph();
      if (admonition[2]) addText(`${inlineText(admonition[2])}:`, true);
      continue;
    }
    const tab = TAB.exec(line);
    if (tab) {
      addText(`${inlineText(tab[1] ?? '')}:`, true);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      if (TABLE_RULE.test(line)) continue;
      const cells = tableCells(line);
      if (!tableHeader) {
        tableHeader = cells;
        continue;
      }
      const header = tableHeader;
      const row = cells
        .map((cell, i) => (cell === '' ? '' : header[i] ? `${header[i]}: ${cell}` : cell))
        .filter((cell) => cell !== '')
        .join('; ');
      addText(row, true);
      continue;
    }
    if (LIST_MARKER.test(line)) {
      addText(inlineText(line.replace(LIST_MARKER, '')), true);
      continue;
    }
    addText(inlineText(line.replace(/^\s*>\s?/, '')));
  }
  closeSection();

  return {
    ...(front.title ? { frontMatterTitle: front.title } : {}),
    ...(h1 ? { h1 } : {}),
    sections,
    wordCount,
    externalIncludes,
    markedUnfinished,
  };
}
