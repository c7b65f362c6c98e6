/**
 * A cheap test that chrono-node can find nothing in a text, so that about half the messages skip
 * its 18 parsers (a good share of the understanding step's time). Each part below is something one
 * group of chrono's English parsers cannot match without, read from their patterns (chrono-node
 * 2.x, `chrono.casual`), and looser than the pattern, so a text it rejects is one every parser
 * rejects: what is found stays exactly as before, only less often looked for.
 * test/understanding/may-name-a-time.test.ts checks it against chrono over the training corpus.
 */

/** chrono's time units (its `TIME_UNIT_DICTIONARY`), longest first as in its patterns. */
const UNIT =
  '(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)';
/** chrono's counts other than digits (its `NUMBER_PATTERN`, without the word boundaries). */
const COUNT =
  '(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten|half(?:\\s{0,2}an?)?|an?(?:\\s{0,2}few)?|few|several|the|couple(?:\\s{0,2}of)?)';

/**
 * Every English parser but three (which need figures) starts its pattern with chrono's left word
 * boundary, `(\W|^)`; where a word can only follow that boundary, or one of a few words the
 * pattern allows before it, the test below asks for the same.
 */
const SIMPLE = new RegExp(
  [
    // Dates and times in figures: ISO, slashes, "14:05", years, "3rd", and durations in figures.
    '\\d',
    // Month names and their abbreviations, after the boundary, "in", "of" or an ordinal word ("first").
    '(?:\\W|^|in|of|st|nd|rd|th)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
    // Weekdays and their abbreviations, "weekend", "weekday", after the boundary, "on", "this", "next"...
    '(?:\\W|^|on|this|last|past|next)(?:sun|mon|tue|wed|thu|fri|sat|week)',
    // Casual dates and times, and "end of month".
    '(?:\\W|^)(?:now|today|tonight|tomorrow|overmorrow|tmr|yesterday|last\\s*night)',
    '(?:\\W|^|this)(?:morning|afternoon|evening|night|midnight|midday|noon)',
    '\\smonth',
    // "this week", "next month", "last m".
    `(?:this|last|past|next)\\s*${UNIT}(?=\\W|$)`,
    // A duration in words followed by a word that places it: "two days ago", "half an hour later".
    `${COUNT}\\s{0,3}${UNIT}\\s{0,5}(?:ago|before|earlier|later|after|from now|henceforth|forward|out)`,
  ].join('|'),
  'i',
);

/**
 * A duration in words after "within", "in" or "for" ("within a few minutes"), or after "this",
 * "next", "+"... ("next two weeks"): its first count and unit follow one of those words, and its
 * last unit ends a word. Both must hold.
 */
const DURATION_START = new RegExp(
  [
    `(?:within|in|for)\\s*(?:(?:about|around|roughly|approximately|just)\\s*(?:~\\s*)?)?(?:(?:about|around)\\s{0,3})?${COUNT}\\s{0,3}${UNIT}`,
    `(?:this|last|past|next|after|\\+|-)\\s*(?:(?:about|around)\\s{0,3})?${COUNT}\\s{0,3}${UNIT}`,
  ].join('|'),
  'i',
);
const DURATION_END = new RegExp(`${COUNT}\\s{0,3}${UNIT}(?=\\W|$)`, 'i');

/** False when chrono-node's English parsers are sure to find no date or time in `text`. */
export function mayNameATime(text: string): boolean {
  return SIMPLE.test(text) || (DURATION_START.test(text) && DURATION_END.test(text));
}
