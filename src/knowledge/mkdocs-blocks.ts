/**
 * MkDocs Material block syntax that CommonMark does not know, rewritten before parsing:
 * admonitions (`!!! note "Title"`, `??? tip`) and content tabs (`=== "Tab"`) become a bold label
 * paragraph, and their indented bodies are dedented so they parse as ordinary markdown instead of
 * as indented code. The "Document Metadata" details block (page bookkeeping) is dropped.
 */

const ADMONITION = /^(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"(.*?)"|\s+([^"]+?))?\s*$/;
const TAB = /^===\+?\s+"(.*?)"\s*$/;

/** Leading spaces of a line, a tab counting as four. */
function indentOf(line: string): number {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  return lead.replace(/\t/g, '    ').length;
}

/** Removes `count` columns of leading indentation (or all there is). */
function dedent(line: string, count: number): string {
  const expanded = line.replace(/^[ \t]+/, (lead) => lead.replace(/\t/g, '    '));
  const lead = Math.min(count, indentOf(expanded));
  return expanded.slice(lead);
}

/** A capitalised admonition type: `warning` -> `Warning`. */
const label = (type: string): string => `${type.charAt(0).toUpperCase()}${type.slice(1)}`;

/** Rewrites admonitions, tabs and the metadata block of one page body (lines without front matter). */
export function rewriteMkdocsBlocks(lines: readonly string[]): string[] {
  const out: string[] = [];
  /**
   * Open blocks, innermost last: the marker's indentation (deeper lines belong to the block) and
   * the indentation of the body's first line, which every body line loses.
   */
  const open: { marker: number; body?: number }[] = [];
  let inMetadata = false;
  for (const line of lines) {
    if (inMetadata) {
      if (/<\/details>/i.test(line)) inMetadata = false;
      continue;
    }
    if (/<details>/i.test(line) && /Document Metadata/i.test(line)) {
      inMetadata = !/<\/details>/i.test(line);
      continue;
    }
    const blank = line.trim() === '';
    while (!blank && open.length > 0 && indentOf(line) <= (open.at(-1)?.marker ?? 0)) open.pop();
    const inner = open.at(-1);
    if (inner && !blank && inner.body === undefined) inner.body = indentOf(line);
    const text = inner ? dedent(line, inner.body ?? 0) : line;
    const admonition = ADMONITION.exec(text.trim());
    const tab = TAB.exec(text.trim());
    if (admonition || tab) {
      const title = admonition
        ? (admonition[2] ?? admonition[3] ?? label(admonition[1] ?? 'Note'))
        : (tab?.[1] ?? '');
      const lead = ' '.repeat(indentOf(text));
      out.push('', title.trim() === '' ? '' : `${lead}**${title.trim().replace(/:$/, '')}:**`, '');
      open.push({ marker: indentOf(line) });
      continue;
    }
    out.push(text);
  }
  return out;
}
