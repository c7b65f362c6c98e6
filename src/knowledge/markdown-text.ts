import type { Nodes } from 'mdast';

/**
 * Plain text of markdown inline content as a customer reads it: no markup, no images, no HTML,
 * MkDocs icon codes as readable symbols, template macros and attribute lists removed.
 */

const ICONS: ReadonlyMap<string, string> = new Map([
  ['material-menu-right', '→'],
  ['material-arrow-right', '→'],
  ['material-chevron-right', '→'],
  ['material-plus', '+'],
  ['fontawesome-plus', '+'],
  ['material-check', '✓'],
  ['fontawesome-check', '✓'],
]);

/** Concatenated text of an mdast node, HTML and images left out, line breaks as spaces. */
function rawText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return /^<br\b/i.test(node.value) ? ' ' : '';
    case 'break':
      return ' ';
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => rawText(child as Nodes)).join('') : '';
  }
}

/** Cleans text that came out of the parser: icons, macros, attribute lists, spacing. */
export function cleanText(text: string): string {
  return (
    text
      .replace(/:((?:material|fontawesome|octicons|simple)-[a-z0-9-]+):/g, (_m, code: string) => {
        const symbol = ICONS.get(code);
        return symbol === undefined ? '' : ` ${symbol} `;
      })
      .replace(/\{\{.*?\}\}|\{%.*?%\}/g, '')
      .replace(/\{:?\s*[.#][^}]*\}/g, '')
      .replace(/\[\^[^\]]+\]:?/g, '')
      // HTML the parser kept as text (a tag split over lines) and stray emphasis markers.
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      .replace(/\*\*|__/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      // "+ :Add new" (a button icon used as a label) reads "+ Add new".
      .replace(/([+→✓])\s*:\s*/g, '$1 ')
  );
}

/** The readable text of an inline (or any) mdast node. */
export function inlineText(node: Nodes): string {
  return cleanText(rawText(node));
}
