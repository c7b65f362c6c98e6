/**
 * Word families the stemmer leaves apart, found in the docs' own vocabulary. Porter stems
 * "registered" to `regist` but "registration" to `registr`, "verify" to `verifi` but
 * "verification" to `verif`, "dialling" to `diall` but "dial" to `dial`: a customer who writes one
 * form misses the docs that use the other. Two stems are one family when one is the other plus a
 * short ending, or when they share a long beginning; short stems need a one-letter ending, so
 * that `port` and `portal` stay apart.
 */

/** Shortest stem that gets a family at all. */
const MIN_STEM = 4;
/** A shared beginning at least this long makes a family even when both stems go on differently. */
const LONG_PREFIX = 7;
/** The longest ending one stem may add to the other. */
const MAX_ENDING = 3;
/** Below this length a stem may only gain one letter ("dial" and "diall"). */
const SHORT_STEM = 5;

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** True when two distinct index terms are forms of one word family. */
export function sameFamily(a: string, b: string): boolean {
  if (a === b || /[0-9]/.test(a) || /[0-9]/.test(b)) return false;
  const shared = sharedPrefix(a, b);
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shared < MIN_STEM) return false;
  // "transcrib" and "transcript": a long shared beginning, one or two letters each after it.
  if (shared >= LONG_PREFIX && shared >= shorter - 1 && shared >= longer - MAX_ENDING) return true;
  if (shared !== shorter) return false;
  return longer - shorter <= 1 || (shorter >= SHORT_STEM && longer - shorter <= MAX_ENDING);
}

/** For each term of the vocabulary, the other terms of its family (terms without one are left out). */
export function termFamilies(vocabulary: Iterable<string>): Map<string, string[]> {
  // Family members share their first MIN_STEM letters, so only terms within a bucket are compared.
  const buckets = new Map<string, string[]>();
  for (const term of vocabulary) {
    if (term.length < MIN_STEM) continue;
    const key = term.slice(0, MIN_STEM);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(term);
    else buckets.set(key, [term]);
  }
  const families = new Map<string, string[]>();
  for (const bucket of buckets.values()) {
    for (const a of bucket) {
      for (const b of bucket) {
        if (!sameFamily(a, b)) continue;
        const family = families.get(a);
        if (family) family.push(b);
        else families.set(a, [b]);
      }
    }
  }
  return families;
}
