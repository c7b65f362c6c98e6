/** What a pasted list of Call-IDs held. */
export interface CallIdParse {
  plausible: string[];
  /** Tokens that look like an attempt at a Call-ID but cannot be one. */
  rejected: string[];
}

// RFC 3261: Call-ID = word [ "@" word ], word = alphanumerics and -.!%*_+`'~()<>:\"/[]?{}
const WORD = /^[A-Za-z0-9.!%*_+`'~()<>:"/[\]?{}-]+$/;
const DATE_OR_TIME = /^\d{1,4}[-/.:]\d{1,2}([-/.:]\d{1,4})?$/;

/** Whether a token can be a SIP Call-ID as our Logging section shows them. */
export function isPlausibleCallId(token: string): boolean {
  if (token.length < 8 || token.length > 255) return false;
  if (/^https?:/i.test(token) || DATE_OR_TIME.test(token)) return false;
  const [left, right, ...more] = token.split('@');
  if (more.length > 0 || !left || !WORD.test(left) || (right !== undefined && !WORD.test(right)))
    return false;
  const alphanumerics = left.replace(/[^A-Za-z0-9]/g, '');
  // Generated ids mix digits into a long random string; a word like "yesterday" is not one.
  if (/^\d+$/.test(left)) return left.length >= 12;
  return alphanumerics.length >= 6 && /\d/.test(left);
}

/** Picks the Call-IDs out of what the customer pasted: one per line, or separated by spaces or commas. */
export function parseCallIds(text: string): CallIdParse {
  const tokens = text
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^[<("'[]+|[>)"'.\]:]+$/g, ''))
    .filter(Boolean);
  const plausible: string[] = [];
  const rejected: string[] = [];
  for (const token of tokens) {
    if (isPlausibleCallId(token)) {
      if (!plausible.includes(token)) plausible.push(token);
    } else if (/\d/.test(token) && token.length >= 4) {
      rejected.push(token);
    }
  }
  return { plausible, rejected };
}

/** Whether the customer says they have no Call-ID to give. */
export function hasNoCallId(text: string): boolean {
  return /^(skip|none|no|n\/a|na|-|i don'?t (have|know)( one| any| it)?|don'?t have( one| any)?|not (sure|available)|no call[- ]?ids?|no idea)[.!]*$/i.test(
    text.trim(),
  );
}
