import { done, type Flow } from '../../src/engine/flow';
import type { Agent } from '../../src/model/agent';

/** An agent as the store keeps one; override what a test needs (id, name, role). */
export function testAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'a1',
    username: 'ann',
    displayName: 'Ann',
    passwordHash: 'x',
    role: 'agent',
    createdAt: 0,
    ...overrides,
  };
}

/** A flow that answers every message with "echo: <text>" (so a test sees each reply). */
export const echoFlow: Flow = {
  id: 'echo',
  matches: () => true,
  async run(context) {
    await context.say(`echo: ${context.text}`);
    return done;
  },
};
