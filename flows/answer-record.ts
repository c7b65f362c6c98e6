import { randomBytes } from 'node:crypto';
import type { FlowContext } from '../src/engine/flow';
import { textsFor } from '../src/i18n/translate';
import type { MessageContent } from '../src/model/message';

/** A fresh id for an answer that carries "Did this help?". */
export function newAnswerId(): string {
  return `ans_${randomBytes(6).toString('base64url')}`;
}

/**
 * Sends an answer that carries "Did this help?" (its `answerId`) and records it with its question,
 * page and confidence, so the team sees in Docs gaps which answers did not help. `quotesDocs`
 * says the text is quoted from the docs (a policy answer is in the customer's language already).
 */
export async function sayRecordedAnswer(
  context: FlowContext,
  content: MessageContent & { answerId: string },
  record: { page: string | undefined; confidence: number },
  { quotesDocs = true }: { quotesDocs?: boolean } = {},
): Promise<void> {
  // The docs are in English: a customer who speaks another language is told so, in their
  // language, instead of getting a machine translation.
  const note = quotesDocs ? textsFor(context.conversation)('docs.inEnglish') : '';
  const message = await context.say(note ? { ...content, text: `${note}\n\n${content.text}` } : content);
  await context.store.appendRecord('answers', {
    answerId: content.answerId,
    conversationId: context.conversation.id,
    seq: message.seq,
    question: context.text.slice(0, 500),
    page: record.page,
    confidence: record.confidence,
    at: context.now(),
  });
}
