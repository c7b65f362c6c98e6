/** Where a page sits in the site navigation of `mkdocs.yml`. */
export interface NavEntry {
  /** The title the nav gives the page. */
  title: string;
  /** The nav sections above the page, outermost first (e.g. `Management`, `Customer`). */
  sections: string[];
}

const LEAF = /^(\s*)-\s+(?:(.*?)\s*:\s+)?['"]?([^\s'"]+\.md)['"]?\s*$/;
const SECTION = /^(\s*)-\s+(.*?)\s*:\s*$/;

/**
 * Reads the `nav:` tree of an `mkdocs.yml`. A line-based reader on purpose: the file carries
 * `!!python/name` tags that generic YAML parsers reject, and the nav only needs indentation.
 */
export function parseMkdocsNav(yamlText: string): Map<string, NavEntry> {
  const entries = new Map<string, NavEntry>();
  const lines = yamlText.split(/\r?\n/);
  const start = lines.findIndex((line) => /^nav:\s*$/.test(line));
  if (start < 0) return entries;
  const stack: { indent: number; title: string }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // next top-level key ends the nav
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const leaf = LEAF.exec(line);
    const section = leaf ? null : SECTION.exec(line);
    const indent = (leaf ?? section)?.[1]?.length;
    if (indent === undefined) continue;
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    if (leaf) {
      const path = (leaf[3] ?? '').replace(/^\.?\//, '');
      const title = leaf[2] ?? '';
      if (!entries.has(path)) entries.set(path, { title, sections: stack.map((s) => s.title) });
    } else if (section) {
      stack.push({ indent, title: section[2] ?? '' });
    }
  }
  return entries;
}
