import type { List, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { cleanText, inlineText } from './markdown-text';
import { rewriteMkdocsBlocks } from './mkdocs-blocks';
import { htmlLinkTargets, linkTargetsOf } from './page-links';
import { TocSlugger } from './toc-slug';

/** One heading section of a page, as plain text. */
export interface ParsedSection {
  /** Headings from the page's H1 down to this section (the H1 alone for the page's preamble). */
  headingPath: string[];
  /** MkDocs `toc` id of the section's heading; absent for the preamble under the H1. */
  anchor?: string;
  /**
   * Lines of plain text separated by `\n`: paragraphs, list items as `- item` or `1. step`,
   * table rows as `Header: cell; Header: cell`.
   */
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
  /** Where the page's links point, as written; the "Document Metadata" block's included. */
  links: string[];
}

const UNFINISHED = /coming soon|work in progress|in progress and will be updated/i;

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

/** Table rows as `Header: cell; Header: cell`, so each row reads on its own. */
function tableLines(table: Table): string[] {
  const [head, ...rows] = table.children.map((row) => row.children.map((cell) => inlineText(cell)));
  return rows.map((cells) =>
    cells
      .map((cell, i) => (cell === '' ? '' : head?.[i] ? `${head[i]}: ${cell}` : cell))
      .filter((cell) => cell !== '')
      .join('; '),
  );
}

/** List items as lines: `1. step` for ordered lists, `- item` otherwise; nested lists follow. */
function listLines(list: List): string[] {
  const lines: string[] = [];
  list.children.forEach((item, i) => {
    const marker = list.ordered ? `${(list.start ?? 1) + i}. ` : '- ';
    const own: string[] = [];
    const nested: string[] = [];
    for (const child of item.children) {
      if (child.type === 'list') nested.push(...listLines(child));
      else own.push(...blockLines(child));
    }
    const text = own.join(' ').trim();
    if (text !== '') lines.push(`${marker}${text.replace(/^[-+*] |^\d+\. /, '')}`);
    lines.push(...nested);
  });
  return lines;
}

/** The text lines of one block node (headings are handled by the caller). */
function blockLines(node: RootContent): string[] {
  switch (node.type) {
    case 'paragraph': {
      // A line opening with the "+" (add) button icon reads as list residue: the word after says it.
      const text = inlineText(node).replace(/^\+\s+/, '');
      return text === '' ? [] : [text];
    }
    case 'list':
      return listLines(node);
    case 'table':
      return tableLines(node);
    case 'code':
      return node.lang?.toLowerCase() === 'mermaid'
        ? []
        : node.value
            .split('\n')
            .map((line) => cleanText(line))
            .filter((line) => line !== '');
    case 'blockquote':
      return node.children.flatMap(blockLines);
    case 'heading':
      return [inlineText(node)];
    default:
      return [];
  }
}

/** The link targets of the "Document Metadata" details block ("Related topics"), which the text drops. */
function metadataLinksOf(body: readonly string[]): string[] {
  const start = body.findIndex((line) => /<details>/i.test(line) && /Document Metadata/i.test(line));
  if (start < 0) return [];
  const links: string[] = [];
  for (const line of body.slice(start)) {
    links.push(...htmlLinkTargets(line));
    if (/<\/details>/i.test(line)) break;
  }
  return links;
}

/**
 * Parses one MkDocs Material page with mdast (CommonMark plus GFM tables): drops the "Document
 * Metadata" block, HTML, images and mermaid diagrams, keeps admonition, tab, list, table and code
 * text, and cuts the page at its headings.
 */
export function parsePage(markdown: string): ParsedPage {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const front = readFrontMatter(lines);
  const body = lines.slice(front.bodyStart);
  const externalIncludes = body.filter((line) => /external_markdown\s*\(/.test(line)).length;
  const tree: Root = fromMarkdown(rewriteMkdocsBlocks(body).join('\n'), {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const slugger = new TocSlugger();
  const sections: ParsedSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let h1: string | undefined;
  let current: { headingPath: string[]; anchor?: string; lines: string[] } = { headingPath: [], lines: [] };
  let wordCount = 0;
  let markedUnfinished = false;
  const links = metadataLinksOf(body);
  const closeSection = (): void => {
    const text = current.lines.join('\n').trim();
    if (text !== '') {
      sections.push({
        headingPath: current.headingPath,
        ...(current.anchor ? { anchor: current.anchor } : {}),
        text,
      });
    }
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      closeSection();
      const text = inlineText(node);
      const anchor = slugger.next(text);
      if (node.depth === 1 && h1 === undefined) {
        h1 = text;
        stack.length = 0;
        stack.push({ level: 1, text });
        current = { headingPath: [text], lines: [] };
        continue;
      }
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= node.depth) stack.pop();
      stack.push({ level: node.depth, text });
      current = { headingPath: stack.map((s) => s.text), anchor, lines: [] };
      continue;
    }
    links.push(...linkTargetsOf(node));
    for (const line of blockLines(node)) {
      if (UNFINISHED.test(line)) markedUnfinished = true;
      wordCount += line.split(/\s+/).length;
      current.lines.push(line);
    }
  }
  closeSection();
  return {
    ...(front.title ? { frontMatterTitle: front.title } : {}),
    ...(h1 ? { h1 } : {}),
    sections,
    wordCount,
    externalIncludes,
    markedUnfinished,
    links,
  };
}
