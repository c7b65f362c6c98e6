import type { DocSection } from './docs-section';

/** Acronyms the docs define, lowercase: `cli` -> [`calling line identification`]. */
export type Glossary = Map<string, string[]>;

const SPELLED_OUT = /((?:[A-Z][A-Za-z]+[ -]){1,6}[A-Z][A-Za-z]+)\s+\(([A-Z][A-Za-z0-9]{1,7})\)/g;
const TERM_ROW = /^Term: ([^;]+); Definition: ([^;]+)/;

/** True when the capitals of `acronym` are the initials of the last words of `words`. */
function initialsMatch(acronym: string, words: string[]): string[] | null {
  const letters = acronym.replace(/[^A-Z]/g, '').toLowerCase();
  if (letters.length < 2 || letters.length > words.length) return null;
  const tail = words.slice(words.length - letters.length);
  return tail.every((word, i) => word[0]?.toLowerCase() === letters[i]) ? tail : null;
}

function add(glossary: Glossary, acronym: string, expansion: string): void {
  const key = acronym.toLowerCase();
  const list = glossary.get(key) ?? [];
  const value = expansion.toLowerCase().split(/[,:(]/)[0]?.trim() ?? '';
  if (value === '' || value.split(' ').length > 6) return;
  if (!list.includes(value) && list.length < 3) list.push(value);
  glossary.set(key, list);
}

/**
 * Learns the acronyms the docs spell out, from "Session Initiation Protocol (SIP)" in running
 * text and from glossary tables with Term / Definition columns.
 */
export function extractGlossary(sections: readonly DocSection[]): Glossary {
  const glossary: Glossary = new Map();
  for (const section of sections) {
    for (const paragraph of section.text.split('\n')) {
      const row = TERM_ROW.exec(paragraph);
      if (row) {
        const definition = (row[2] ?? '').replace(/[*_]/g, '').trim();
        for (const term of (row[1] ?? '').split(/[\\/]/)) {
          const acronym = term.trim();
          if (/^[A-Z][A-Z0-9]{1,7}$/.test(acronym) && definition !== 'n/a')
            add(glossary, acronym, definition.split(/\s*[\\/]\s*/)[0] ?? '');
        }
      }
      for (const match of paragraph.matchAll(SPELLED_OUT)) {
        const words = (match[1] ?? '').split(/[ -]/);
        const tail = initialsMatch(match[2] ?? '', words);
        if (tail) add(glossary, match[2] ?? '', tail.join(' '));
      }
    }
  }
  dropEverydayWords(glossary, sections);
  return glossary;
}

/** Drops "acronyms" the docs mostly use as ordinary lowercase words ("paid", "pin"). */
function dropEverydayWords(glossary: Glossary, sections: readonly DocSection[]): void {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  for (const section of sections) {
    for (const word of section.text.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []) {
      const key = word.toLowerCase();
      if (!glossary.has(key)) continue;
      const counts = word === key ? lower : upper;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const key of [...glossary.keys()]) {
    if ((lower.get(key) ?? 0) > (upper.get(key) ?? 0)) glossary.delete(key);
  }
}
