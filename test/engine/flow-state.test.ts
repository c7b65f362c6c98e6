import { z } from 'zod';
import { defineFlowState } from '../../src/engine/flow-state';
import type { FlowPosition } from '../../src/model/flow-position';
import { newDraft, reportState } from '../../flows/report-problem/report-draft';

const at = (data: Record<string, unknown>): FlowPosition => ({ flowId: 'f', step: 's', data, at: 1 });

describe('defineFlowState', () => {
  const counter = defineFlowState(z.object({ count: z.number(), note: z.string().optional() }));

  it('reads the state a flow kept, typed, and keeps what it waits with', () => {
    const outcome = counter.waitAt('next', { count: 2 });
    expect(outcome).toEqual({ wait: { step: 'next', data: { count: 2 } } });
    const kept = 'wait' in outcome ? outcome.wait.data : {};
    expect(counter.read(at(kept))?.count).toBe(2);
  });

  it('reads no state without a position, or from one of another shape', () => {
    expect(counter.read(undefined)).toBeUndefined();
    expect(counter.read(at({ count: 'two' }))).toBeUndefined();
    expect(counter.read(at({}))).toBeUndefined();
  });

  it('round-trips a report draft through stored JSON', () => {
    const draft = {
      ...newDraft('Calls drop', ['Second problem']),
      severity: 'P2' as const,
      callIds: ['abc'],
    };
    const outcome = reportState.waitAt('call-ids', draft);
    const stored = JSON.parse(JSON.stringify('wait' in outcome ? outcome.wait.data : {})) as Record<
      string,
      unknown
    >;
    expect(reportState.read(at(stored))).toEqual(draft);
    expect(reportState.read(at({ ...stored, severity: 'P9' }))).toBeUndefined();
  });
});
