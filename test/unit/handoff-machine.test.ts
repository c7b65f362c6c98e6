import { applyTransition, canTransition } from '../../src/handoff/handoff-machine';
import type { Conversation } from '../../src/model/conversation';

const base: Conversation = {
  id: 'c1',
  ref: { channel: 'web', conversationKey: 'k', customerId: 'k' },
  profile: {},
  mode: 'bot',
  lastSeq: 0,
  createdAt: 0,
  updatedAt: 0,
  history: [],
};

describe('handoff state machine', () => {
  it('walks bot -> queued -> assigned -> resolved with a timestamped record of each step', () => {
    const queued = applyTransition(base, { event: 'request', at: 10, reason: 'asked' })!;
    expect(queued.conversation).toMatchObject({ mode: 'queued', queuedAt: 10, handoffReason: 'asked' });
    const assigned = applyTransition(queued.conversation, {
      event: 'claim',
      at: 20,
      agentId: 'a1',
      agentName: 'Ann',
    })!;
    expect(assigned.conversation).toMatchObject({
      mode: 'assigned',
      assignedAgentId: 'a1',
      assignedAgentName: 'Ann',
    });
    const resolved = applyTransition(assigned.conversation, { event: 'resolve', at: 30, agentId: 'a1' })!;
    expect(resolved.conversation.mode).toBe('resolved');
    expect(resolved.conversation.assignedAgentId).toBeUndefined();
    expect(resolved.conversation.history.map((t) => [t.from, t.to, t.at])).toEqual([
      ['bot', 'queued', 10],
      ['queued', 'assigned', 20],
      ['assigned', 'resolved', 30],
    ]);
  });

  it('refuses a second claim, so only the first agent wins', () => {
    const queued = applyTransition(base, { event: 'request', at: 1 })!.conversation;
    const first = applyTransition(queued, { event: 'claim', at: 2, agentId: 'a1' })!.conversation;
    expect(applyTransition(first, { event: 'claim', at: 3, agentId: 'a2' })).toBeUndefined();
  });

  it('drops an active flow when the conversation goes to a human', () => {
    const inFlow = { ...base, flow: { flowId: 'report', step: 'severity', data: {}, at: 0 } };
    expect(applyTransition(inFlow, { event: 'request', at: 1 })!.conversation.flow).toBeUndefined();
  });

  it.each([
    ['bot', 'claim', false],
    ['bot', 'resolve', false],
    ['queued', 'cancel', true],
    ['assigned', 'cancel', false],
    ['resolved', 'request', true],
    ['abandoned', 'request', true],
    ['assigned', 'abandon', true],
    ['assigned', 'release', true],
  ] as const)('from %s, %s is allowed: %s', (mode, event, allowed) => {
    expect(canTransition(mode, event)).toBe(allowed);
  });
});
