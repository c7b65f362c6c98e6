import Sentiment from 'sentiment';
import type { Score } from '../model/satisfaction';
import { isSatisfied } from '../model/satisfaction';
import type { IntentName } from '../understanding/intents';
import { looksLikeQuestion } from '../understanding/question-form';
import type { Understanding } from '../understanding/understanding';

/** What a customer's answer to "how did we do?" says. */
export type RatingReading =
  | {
      kind: 'rating';
      score?: Score;
      satisfied: boolean;
      /** The answer held more than the rating. */ comment?: string;
    }
  /** "No thanks", "skip": they will not rate, and should not be asked again. */
  | { kind: 'declined' }
  /** Not an answer: a question or a new problem, for the rest of the bot. */
  | { kind: 'other' };

/** Intents that can answer "how did we do?": feelings about the help, not a new request. */
const ANSWER_INTENTS: ReadonlySet<IntentName> = new Set<IntentName>([
  'thanks',
  'solved',
  'not_solved',
  'complaint',
  'affirm',
  'goodbye',
]);
const DECLINE_INTENTS: ReadonlySet<IntentName> = new Set<IntentName>(['deny', 'cancel']);
/** How sure the understanding step must be before its intent overrides a rating reading. */
const SURE = 0.5;

const NUMBER_WORDS: Record<string, Score> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
const SCORE = String.raw`([1-5]|one|two|three|four|five)`;
// A rating is a format, like a Call-ID: a lone score, "4/5", "4 out of 5", "5 stars", "rate it a 4".
const LONE_SCORE = new RegExp(String.raw`^\s*${SCORE}\s*(?:[.!)]|stars?)?\s*$`, 'i');
const SCORE_OF_FIVE = new RegExp(String.raw`\b${SCORE}\s*(?:/\s*5|out of\s*(?:5|five)|stars?)\b`, 'i');
const RATED_AS = new RegExp(
  String.raw`\b(?:rate|rated|rating|score|give|giving|gave)\b(?:[\s:=]+(?:it|you|this|the|support|team|chat|conversation|of|as|at|a|an|solid|maybe|probably)){0,4}[\s:=]+${SCORE}\b(?!\s*(?:calls?|trunks?|days?|hours?|minutes?|times?|%))`,
  'i',
);
const LEADING_SCORE = new RegExp(String.raw`^\s*${SCORE}\s*(?:[-–—,:.!)]|\s)\s*(?=\S)`, 'i');
const STARS = /^\s*(⭐{1,5}|★{1,5})\s*$/u;

const sentiment = new Sentiment();

/**
 * Reads a customer's answer to the satisfaction question. A score is read as a format (a digit,
 * "4/5", "five stars", "I'd give it a 4"); without one, how they felt is read from their words
 * (AFINN sentiment, negation included: "not helpful") and from the understanding step's intents
 * (thanks, solved, not solved, complaint). A message the understanding step is sure means
 * something else (a question, a new problem, a request for a person) is `other` unless it is a
 * lone score, so it reaches the bot as usual.
 */
export function readRating(text: string, understanding: Understanding): RatingReading {
  const lone = LONE_SCORE.exec(text) ?? STARS.exec(text);
  if (lone) {
    const score = toScore(lone[1]!);
    return { kind: 'rating', score, satisfied: isSatisfied(score) };
  }
  const intent = understanding.confidence >= SURE ? understanding.intent : undefined;
  const somethingElse = intent !== undefined && !ANSWER_INTENTS.has(intent) && !DECLINE_INTENTS.has(intent);
  const explicit = SCORE_OF_FIVE.exec(text) ?? RATED_AS.exec(text);
  if (explicit) {
    const score = toScore(explicit[1]!);
    return { kind: 'rating', score, satisfied: isSatisfied(score), ...commentOf(text) };
  }
  if (somethingElse || looksLikeQuestion(text)) return { kind: 'other' };
  const leading = LEADING_SCORE.exec(text);
  if (leading) {
    const score = toScore(leading[1]!);
    return { kind: 'rating', score, satisfied: isSatisfied(score), ...commentOf(text) };
  }
  const feeling = feelingOf(text, understanding);
  // "No thanks" declines; "no, not helpful" is a rating.
  if (intent !== undefined && DECLINE_INTENTS.has(intent) && feeling !== false) return { kind: 'declined' };
  if (feeling === undefined) return { kind: 'other' };
  return { kind: 'rating', satisfied: feeling, ...commentOf(text) };
}

/**
 * Whether a message after the rating is a comment for the team: anything but a question, a new
 * request the understanding step is sure of, or "no thanks" (`declined`).
 */
export function readComment(text: string, understanding: Understanding): 'comment' | 'declined' | 'other' {
  const intent = understanding.confidence >= SURE ? understanding.intent : undefined;
  if (intent !== undefined && DECLINE_INTENTS.has(intent) && words(text) <= 4) return 'declined';
  if (intent !== undefined && !ANSWER_INTENTS.has(intent) && !DECLINE_INTENTS.has(intent)) return 'other';
  if (looksLikeQuestion(text)) return 'other';
  return 'comment';
}

/** Positive or negative from the words, then from the intent; undefined when neither tells. */
function feelingOf(text: string, understanding: Understanding): boolean | undefined {
  const { score } = sentiment.analyze(text);
  if (score > 0) return true;
  if (score < 0) return false;
  if (understanding.confidence < SURE) return undefined;
  if (understanding.intent === 'thanks' || understanding.intent === 'solved') return true;
  if (understanding.intent === 'not_solved' || understanding.intent === 'complaint') return false;
  return undefined;
}

/** The whole answer as a comment when it says more than the rating (three words or more). */
function commentOf(text: string): { comment?: string } {
  const clean = text.trim().slice(0, 1000);
  return words(clean) >= 3 ? { comment: clean } : {};
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function toScore(token: string): Score {
  if (/^[⭐★]+$/u.test(token)) return [...token].length as Score;
  return NUMBER_WORDS[token.toLowerCase()] ?? (Number(token) as Score);
}
