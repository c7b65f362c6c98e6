import type { ZodType, ZodTypeDef } from 'zod';
import type { FlowPosition } from '../model/flow-position';
import type { FlowOutcome } from './flow';

/**
 * A flow's typed state: what it keeps in its position between two messages. The position is
 * stored JSON (it survives restarts and crosses instances), so it is validated when read rather
 * than trusted: a position written by an older version, or damaged, reads as no state at all.
 */
export interface FlowState<T extends Record<string, unknown>> {
  /** The state kept at `position`; undefined when there is no position or it is not of this shape. */
  read(position: FlowPosition | undefined): T | undefined;
  /** Waits for the customer's next message at `step`, keeping `state`. */
  waitAt(step: string, state: T): FlowOutcome;
}

/** Declares a flow's state by its schema (zod): `read` validates through it, `waitAt` keeps it. */
export function defineFlowState<T extends Record<string, unknown>>(
  schema: ZodType<T, ZodTypeDef, unknown>,
): FlowState<T> {
  return {
    read: (position) => {
      if (!position) return undefined;
      const parsed = schema.safeParse(position.data);
      return parsed.success ? parsed.data : undefined;
    },
    waitAt: (step, state) => ({ wait: { step, data: state } }),
  };
}
