/** Matches http(s) URLs in plain text; trailing punctuation is trimmed afterwards. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"›»]+$/;

/**
 * Turns plain text into text nodes and `<a>` elements for its http(s) links. Never parses HTML:
 * every character of `text` ends up in a text node or an `href`, so markup shows as literal text.
 */
export function linkify(text: string, doc: Document = document): Node[] {
  const nodes: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) nodes.push(doc.createTextNode(text.slice(last, start)));
    const link = doc.createElement('a');
    link.href = href;
    link.textContent = raw;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    nodes.push(link);
    last = start + raw.length;
  }
  if (last < text.length) nodes.push(doc.createTextNode(text.slice(last)));
  return nodes;
}

/** The URL when it parses as http or https, otherwise undefined (no javascript:, data:, ...). */
export function safeHref(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
