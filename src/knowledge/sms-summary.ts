import type { KnowledgeAnswer, KnowledgeHit } from './knowledge-base';
import { sentences } from './passage';

/** Two concatenated GSM-7 SMS segments hold 2 x 153 characters. */
export const TWO_SMS_SEGMENTS = 306;

/** Characters outside GSM-7 that have a close GSM-7 stand-in. */
const GSM_STAND_INS: Record<string, string> = {
  '→': '>',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '✓': 'OK',
  '\u00a0': ' ',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '|': '/',
  '\\': '/',
  '~': '-',
  '^': '',
  '€': 'EUR',
};
/** The GSM-7 basic character set (no escape characters, each counts as one). */
const GSM_BASIC = /[A-Za-z0-9 @£$¥èéùìòÇØøÅåÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà_\n]/;

/** Rewrites text so every character is in the GSM-7 basic set (one SMS character each). */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) {
    const standIn = GSM_STAND_INS[char];
    if (standIn !== undefined) out += standIn;
    else if (GSM_BASIC.test(char)) out += char;
  }
  return out;
}

const isAnswer = (value: KnowledgeHit | KnowledgeAnswer): value is KnowledgeAnswer => 'kind' in value;

/**
 * One line plus the link, GSM-7 only and at most `maxChars` long (default: two SMS segments), for
 * SMS and other tight channels. A decline gives the "not in the docs" line without a link.
 */
export function summarize(source: KnowledgeHit | KnowledgeAnswer, maxChars = TWO_SMS_SEGMENTS): string {
  const hit = isAnswer(source) ? source.hits[0] : source;
  if (isAnswer(source) && (source.kind === 'decline' || !hit))
    return toGsm7("The docs don't seem to cover this. Reply HUMAN to reach our team.").slice(0, maxChars);
  if (!hit) return '';
  const body =
    (isAnswer(source) ? (source.generated ?? source.passage) : undefined) ??
    sentences(hit.text)[0] ??
    hit.pageTitle;
  const line = toGsm7(body).replace(/\s+/g, ' ').trim();
  const link = toGsm7(hit.url);
  const budget = maxChars - link.length - 1;
  if (budget < 20) return link.slice(0, maxChars);
  const fitted = line.length <= budget ? line : `${line.slice(0, budget - 3).replace(/\s+\S*$/, '')}...`;
  return `${fitted} ${link}`;
}
