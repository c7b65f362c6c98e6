/**
 * Turns one line of MkDocs Material markdown into the plain text a customer reads: no markup,
 * no images, icon codes as readable symbols.
 */

const ICONS: Record<string, string> = {
  'material-menu-right': '→',
  'material-arrow-right': '→',
  'material-chevron-right': '→',
  'material-plus': '+',
  'fontawesome-plus': '+',
  'material-check': '✓',
  'fontawesome-check': '✓',
};

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  quot: '"',
  '#39': "'",
  apos: "'",
};

/** Strips inline markdown and HTML from a line, keeping its words. */
export function inlineText(line: string): string {
  return line
    .replace(/<!--.*?-->/g, '')
    .replace(/<img\b[^>]*>/gi, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/<\/?br\s*\/?>/gi, ' ')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\[\^[^\]]+\]:?/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/:((?:material|fontawesome|octicons|simple)-[a-z0-9-]+):/g, (_m, code: string) => {
      const symbol = ICONS[code];
      return symbol === undefined ? '' : ` ${symbol} `;
    })
    .replace(/\{\{.*?\}\}|\{%.*?%\}/g, '')
    .replace(/\{:?\s*[.#][^}]*\}/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/&(amp|lt|gt|nbsp|quot|#39|apos);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
