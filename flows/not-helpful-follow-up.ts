import type { Logger } from 'pino';
import type { EngineEventMap, EngineEvents } from '../src/events/engine-events';
import { textsFor, translator, type Translate } from '../src/i18n/translate';
import type { KnowledgeBase, KnowledgeHit } from '../src/knowledge/knowledge-base';
import type { Conversation } from '../src/model/conversation';
import type { MessageContent, TranscriptMessage } from '../src/model/message';
import type { Store } from '../src/store/store';
import { pagesWorthOffering, sectionTitle } from './docs-pages';

/** How long an answer marked "no" is remembered as followed up (one follow-up per answer). */
const FOLLOWED_UP_MS = 30 * 24 * 3600 * 1000;
/** How far back the transcript is read for the question an answer replied to. */
const QUESTION_LOOKBACK = 10;
/** Pages searched for the next best one. */
const PAGES_SEARCHED = 5;

/** The quick reply that asks for a person ("Human" is the keyword every channel understands). */
function talkToAPerson(t: Translate) {
  return { label: t('menu.person'), value: 'Human' };
}

/** What the follow-up needs: where it hears feedback, reads the transcript, and speaks. */
export interface NotHelpfulFollowUpOptions {
  events: EngineEvents;
  store: Store;
  knowledge: KnowledgeBase;
  say: (conversation: Conversation, content: MessageContent) => Promise<unknown>;
  log?: Logger;
}

/**
 * When a customer answers "Did this help?" with no, the bot offers the next best docs page for
 * the same question (not the page it quoted, and only one that scores near the best) and
 * a person, once per answer, on whatever channel the answer went out. Nothing is said once a
 * person has the conversation.
 */
export function followNotHelpful(options: NotHelpfulFollowUpOptions): void {
  options.events.on('messageUpdated', (update: EngineEventMap['messageUpdated'][0]) => {
    const { conversation, message } = update;
    if (message.author !== 'bot' || message.feedback !== 'not-helpful' || !message.answerId) return;
    followUp(options, conversation, message).catch((error: unknown) => {
      options.log?.warn({ err: error, conversationId: conversation.id }, 'not-helpful follow-up failed');
    });
  });
}

async function followUp(
  { store, knowledge, say }: NotHelpfulFollowUpOptions,
  conversation: Conversation,
  answer: TranscriptMessage,
): Promise<void> {
  // Delivery updates announce the same message again: only the first "no" is followed up.
  if (!(await store.remember(`not-helpful:${conversation.id}:${answer.seq}`, FOLLOWED_UP_MS))) return;
  const current = (await store.getConversation(conversation.id)) ?? conversation;
  if (current.mode !== 'bot') return;
  const earlier = await store.getMessages(
    conversation.id,
    Math.max(0, answer.seq - QUESTION_LOOKBACK),
    QUESTION_LOOKBACK,
  );
  const question = earlier.filter((m) => m.author === 'customer' && m.seq < answer.seq).at(-1)?.text;
  // The page the answer quoted is left out; the first related page it listed, if any, is the one
  // offered now (a person would point at it again). A page far below the best is a guess: then
  // only a person is offered.
  const quoted = (answer.citations ?? []).slice(0, 1).map((citation) => citation.url);
  const hits = question ? knowledge.search(question, PAGES_SEARCHED) : [];
  const [next] = pagesWorthOffering(hits, quoted, 1);
  await say(current, notHelpfulMessage(next, textsFor(current)));
}

/** The follow-up: the next best page when there is one, and a person either way. */
export function notHelpfulMessage(
  next: KnowledgeHit | undefined,
  t: Translate = translator('en'),
): MessageContent {
  const person = talkToAPerson(t);
  if (!next) {
    const text = t('answer.notHelpful', { button: person.label });
    return { text, summary: text, quickReplies: [person] };
  }
  const title = sectionTitle(next);
  // The "From the docs" block closes the text, as in an answer, so channels render it as a link.
  return {
    text: `${t('answer.notHelpfulNext', { button: person.label })}\n\n${t('answer.fromDocs', { title })}\n${next.url}`,
    summary: t('answer.notHelpfulNextSummary', { url: next.url }),
    citations: [{ title, url: next.url }],
    quickReplies: [person],
  };
}
