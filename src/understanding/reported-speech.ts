/**
 * Words in quotes of three or more words ("should the greeting say 'all our operators are busy'") are
 * somebody else's speech, reported: they are not what the customer asks for. Single quoted words
 * stay ("I typed 'Human'"), they are names or commands. An apostrophe inside a word ("don't") is
 * never a quote: a quote opens after a space, a colon or a bracket and closes before one.
 */
const QUOTED = /(^|[\s:(])(?:'([^'\n]+?)'|‘([^’\n]+?)’|"([^"\n]+?)"|“([^”\n]+?)”)(?=$|[\s.,;:!?)])/gu;
const MIN_QUOTED_WORDS = 3;

/** The message with every reported speech replaced by "a message", as the customer's own words read. */
export function withoutReportedSpeech(text: string): string {
  return text.replace(QUOTED, (whole, before: string, ...quotes: (string | undefined)[]) => {
    const quoted = quotes.slice(0, 4).find((q) => q !== undefined) ?? '';
    return quoted.trim().split(/\s+/).length >= MIN_QUOTED_WORDS ? `${before}a message` : whole;
  });
}
