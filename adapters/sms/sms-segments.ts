/** The GSM 03.38 basic character set: each counts as one of the 160 (or 153) units of a segment. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The GSM 03.38 extension table: each is sent as an escape plus the character, so it counts two. */
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** How one SMS text is encoded and how many segments it costs. */
export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/**
 * Counts the segments an SMS costs: GSM-7 holds 160 units in one segment and 153 per segment once
 * concatenated (extension characters count two); any other character makes the whole message UCS-2,
 * 70 units alone and 67 per segment.
 */
export function countSegments(text: string): SegmentCount {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENDED.has(char)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

/** Typographic characters that would force UCS-2 (halving what fits) and their plain stand-ins. */
const PLAIN_STAND_INS: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '•': '-',
  '›': '>',
  '‹': '<',
  '→': '->',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200b': '',
};

/** Replaces typographic punctuation with plain characters so ordinary text stays GSM-7. */
export function plainPunctuation(text: string): string {
  let out = '';
  for (const char of text) out += PLAIN_STAND_INS[char] ?? char;
  return out;
}

/**
 * Splits text into SMS parts of at most `maxSegments` segments each, on word boundaries, numbered
 * "(1/3) " when there are several so the customer can read them in order if they arrive out of order.
 */
export function splitForSms(text: string, maxSegments: number): string[] {
  const clean = text.replace(/[ \t]+/g, ' ').trim();
  if (countSegments(clean).segments <= maxSegments) return [clean];
  // The counter's width depends on how many parts there are; repeat until the count is stable.
  let parts: string[] = [];
  for (let guess = 2; ; guess = parts.length) {
    parts = packWords(clean, maxSegments, `(${guess}/${guess}) `);
    if (parts.length <= guess) break;
  }
  return parts.map((part, i) => `(${i + 1}/${parts.length}) ${part}`);
}

function packWords(text: string, maxSegments: number, prefix: string): string[] {
  const fits = (candidate: string) => countSegments(prefix + candidate).segments <= maxSegments;
  const parts: string[] = [];
  let current = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (fits(current + word)) {
      current += word;
      continue;
    }
    if (current.trim()) parts.push(current.trim());
    // A single word longer than a part (a long URL) is cut by characters.
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
