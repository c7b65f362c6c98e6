import type { Engine } from '../../src/engine/engine';
import { NotFoundError, ValidationError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import type { Conversation, ProblemBrief } from '../../src/model/conversation';
import { isClassified, type Classification } from '../../src/policy/classification';

/** What a claim or a reopen may carry: the classification the agent set in the console's form. */
export interface TakingPayload {
  severity?: Classification['severity'];
  category?: Classification['category'];
}

/** The code a console (or any client) sees when it must ask the agent for the classification first. */
export const CLASSIFICATION_REQUIRED = 'classification_required';

/**
 * The policy's "every conversation an agent takes has a category and severity", enforced where an
 * agent takes one (claim, reopen): a conversation the customer never classified (triage unanswered)
 * can be taken only with the agent's classification, which is applied first, as a reclassification
 * (queue priority, ticket, downgrade count follow). A classification given for a conversation that
 * has one is the agent's correction and is applied too. If the take itself then fails (another agent
 * was quicker), the classification stays: it was correct either way.
 */
export async function classifyBeforeTaking(
  engine: Engine,
  read: (conversationId: string) => Promise<Conversation | undefined>,
  agent: Agent,
  conversationId: string,
  given: TakingPayload,
  onReclassify?: (
    conversation: Conversation,
    agent: Agent,
    before: ProblemBrief['severity'],
  ) => Promise<void>,
): Promise<void> {
  const current = await read(conversationId);
  if (!current) throw new NotFoundError('Conversation');
  const { severity, category } = given;
  if (!severity || (!category && !current.brief?.category)) {
    if (isClassified(current.brief)) return;
    throw new ValidationError(
      'Set the category and severity of this conversation before taking it.',
      CLASSIFICATION_REQUIRED,
      { status: 422 },
    );
  }
  const { conversation, before } = await engine.handoff.reclassify(conversationId, {
    severity,
    ...(category && { category }),
  });
  await onReclassify?.(conversation, agent, before);
}
