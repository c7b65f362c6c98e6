import { Parser } from 'htmlparser2';
import type { Nodes } from 'mdast';

/** The `href` of every `<a>` in a piece of raw HTML ("Related topics: <a href=…>…</a>"). */
export function htmlLinkTargets(html: string): string[] {
  const hrefs: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'a' && attributes.href) hrefs.push(attributes.href);
    },
  });
  parser.write(html);
  parser.end();
  return hrefs;
}

/** The target of every link in a block of a page, markdown or HTML, as written. */
export function linkTargetsOf(node: Nodes): string[] {
  if (node.type === 'link') return [node.url, ...node.children.flatMap((child) => linkTargetsOf(child))];
  if (node.type === 'html') return htmlLinkTargets(node.value);
  if (!('children' in node)) return [];
  return node.children.flatMap((child) => linkTargetsOf(child as Nodes));
}
