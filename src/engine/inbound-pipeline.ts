import type { Conversation } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';
import type { Understanding } from '../understanding/understanding';

/** What every inbound step sees: the stored message, what it means, and the conversation as it is now. */
export interface InboundContext {
  conversation: Conversation;
  readonly message: TranscriptMessage;
  /** Set by the understanding step, which runs first. */
  understanding: Understanding;
}

/** One step of inbound routing: handle the message, or call `next` to let the following steps try. */
export type InboundStep = (context: InboundContext, next: () => Promise<void>) => Promise<void>;

/**
 * Composes steps into one handler, in the spirit of grammY's `Composer` and Hono's `compose`: each
 * step decides whether the rest run. The order is data, assembled in one place (`routingSteps`).
 */
export function composeSteps(steps: readonly InboundStep[]): (context: InboundContext) => Promise<void> {
  return (context) => {
    const run = async (index: number): Promise<void> => {
      const step = steps[index];
      if (!step) return;
      let called = false;
      await step(context, async () => {
        if (called) throw new Error(`Inbound step ${index} called next() twice`);
        called = true;
        await run(index + 1);
      });
    };
    return run(0);
  };
}
