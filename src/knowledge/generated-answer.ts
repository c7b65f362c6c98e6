import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { KnowledgeHit } from './knowledge-base';

/** What the model must reply when the sections do not answer the question. */
export const ABSTAIN_TOKEN = 'NOT_IN_DOCS';

const SYSTEM_PROMPT = [
  'You answer customer-support questions using ONLY the numbered documentation sections given.',
  'Answer in at most three short sentences, plain text, and cite the sections you used like [1].',
  `If the sections do not answer the question, reply exactly ${ABSTAIN_TOKEN} and nothing else.`,
].join(' ');

/** The model's answer, or `abstained` when it declined or gave no citation. */
export type GeneratedAnswer = { kind: 'answer'; text: string } | { kind: 'abstained' };

/**
 * Asks a chat model to write the answer from the retrieved sections, with citations. An answer
 * without a citation to a given section counts as an abstention: it cannot be traced to the docs.
 */
export async function generateAnswer(
  model: BaseChatModel,
  question: string,
  hits: readonly KnowledgeHit[],
): Promise<GeneratedAnswer> {
  const sources = hits
    .map((hit, i) => `[${i + 1}] ${hit.headingPath.join(' > ')} (${hit.url})\n${hit.text}`)
    .join('\n\n');
  const reply = await model.invoke([
    new SystemMessage(SYSTEM_PROMPT),
    new HumanMessage(`Sections:\n${sources}\n\nQuestion: ${question}`),
  ]);
  const text = typeof reply.content === 'string' ? reply.content.trim() : reply.text.trim();
  const citations = [...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  const cited = citations.some((n) => n >= 1 && n <= hits.length);
  if (text.includes(ABSTAIN_TOKEN) || !cited) return { kind: 'abstained' };
  return { kind: 'answer', text };
}
