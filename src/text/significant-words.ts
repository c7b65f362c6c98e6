/** Words too common to tell two short problem descriptions apart. */
const STOP_WORDS = new Set(
  (
    'the a an and or of to in on for with is are was were be my our your we i it this that not no from ' +
    'at by have has all some any again still back since there they them when what'
  ).split(' '),
);

/**
 * The words of a short text that carry its meaning, lower case and crudely stemmed ("failing" and
 * "failed" both give "fail"), for comparing a customer's description with an incident or a ticket.
 */
export function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/(ing|ed|es|s)$/, '')),
  );
}
