import { done, pass, type Flow } from '../src/engine/flow';
import { translator, textsFor, type Translate } from '../src/i18n/translate';
import type { KnowledgeAnswer } from '../src/knowledge/knowledge-base';
import type { MessageContent } from '../src/model/message';
import { confidenceOf } from '../src/understanding/understanding';
import { newAnswerId, sayRecordedAnswer } from './answer-record';
import { pagesWorthOffering, sectionTitle } from './docs-pages';

/** How much of the best section an answer quotes (the passage is already a few sentences or steps). */
const PASSAGE_CHARS = 900;

/**
 * The fallback of every conversation: answer from the documentation, citing the page, or say
 * honestly that the docs do not seem to cover the question and offer a human.
 */
export const answerFromDocs: Flow = {
  id: 'answer-from-docs',
  matches: () => true,
  async run(context) {
    if (!context.knowledge) return pass;
    const answer = await context.knowledge.answer(context.text);
    const t = textsFor(context.conversation);
    if (answer.kind === 'decline') {
      await context.say(declineMessage(answer, t));
      return done;
    }
    const content = answerMessage(answer, newAnswerId(), t);
    // A problem put as a question got a docs answer first; offer to report it if that did not help.
    // The value stays English: it is the message the understanding step reads.
    if (
      confidenceOf(context.understanding, 'report.problem') >= 0.15 ||
      context.understanding.inParts?.includes('report.problem')
    ) {
      content.quickReplies = [
        { label: t('answer.reportThis'), value: `Report this problem: ${context.text.slice(0, 500)}` },
      ];
    }
    await sayRecordedAnswer(context, content, {
      page: answer.hits[0]?.pagePath,
      confidence: answer.confidence,
    });
    return done;
  },
};

/**
 * Below this confidence the right page comes first only about half the time (the calibration
 * printed by `npm run eval`), so the answer says it may not be the one instead of asserting it.
 */
const SURE_CONFIDENCE = 0.65;

/** Other pages an answer names after the one it quotes. */
const RELATED_PAGES = 2;

/** The texts' language when a caller names none. */
const ENGLISH = translator('en');

/** An answer: the passage, where it comes from, and the link; hedged when the match is weak. */
export function answerMessage(
  answer: KnowledgeAnswer,
  answerId: string,
  t: Translate = ENGLISH,
): MessageContent & { answerId: string } {
  const best = answer.hits[0];
  if (!best) throw new Error('an answer needs at least one hit');
  const title = sectionTitle(best);
  const passage = (answer.generated ?? answer.passage ?? best.text).trim();
  const quoted = clip(passage, PASSAGE_CHARS);
  const hedged = answer.confidence < SURE_CONFIDENCE;
  const body = hedged ? t('answer.hedge', { passage: quoted }) : quoted;
  // The right page comes first about two times in three and among the first three about four in
  // five (`npm run eval`), so the next pages are named too, as help centres list related articles.
  // Named by page title only: a list of pages reads better without each one's heading path.
  const related = pagesWorthOffering(answer.hits, [best.url], RELATED_PAGES).map((hit) => ({
    title: hit.pageTitle,
    url: hit.url,
  }));
  const relatedBlock = related.length
    ? `\n\n${t('answer.related')}\n${related.map((page) => `- ${page.title}: ${page.url}`).join('\n')}`
    : '';
  return {
    text: `${body}\n\n${t('answer.fromDocs', { title })}\n${best.url}${relatedBlock}`,
    summary: hedged ? t('answer.maybe', { line: oneLine(quoted, 190) }) : oneLine(quoted, 200),
    citations: [{ title, url: best.url }, ...related],
    answerId,
  };
}

/** An honest "the docs do not answer this", with a way forward. */
export function declineMessage(answer: KnowledgeAnswer, t: Translate = ENGLISH): MessageContent {
  const maybe = answer.hits[0];
  const text = t('answer.decline');
  if (maybe && answer.confidence > 0.15) {
    return {
      text: t('answer.closest', { decline: text, title: maybe.pageTitle, url: maybe.url }),
      summary: t('answer.closestSummary', { decline: text, url: maybe.url }),
    };
  }
  return { text, summary: text };
}

/** Cuts text to `max` characters at a line end when there is one, else at a word. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const lineEnd = head.lastIndexOf('\n');
  return lineEnd > max / 2 ? head.slice(0, lineEnd) : `${head.replace(/\s+\S*$/, '')}…`;
}

/** The first sentence of an answer as one line: list markers and bold markers dropped. */
function oneLine(text: string, max: number): string {
  const flat = text
    .split('\n')
    .map((line) => line.replace(/^[-•]\s+/, ''))
    .join(' ')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A step number ("1.") does not end the sentence.
  const sentence = flat.match(/^.+?(?<!\b\d{1,2})[.!?](\s|$)/)?.[0]?.trim() ?? flat;
  const line = sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
  return line;
}
