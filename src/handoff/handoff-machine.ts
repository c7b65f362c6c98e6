import type {
  Conversation,
  ConversationMode,
  HandoffEventName,
  HandoffTransition,
} from '../model/conversation';

/**
 * The handoff state machine, as data: for each event, the modes it may start from and the mode it
 * leads to. `bot` and `resolved` both mean the bot answers; `resolved` remembers that a human did.
 */
const TRANSITIONS: Record<HandoffEventName, { from: readonly ConversationMode[]; to: ConversationMode }> = {
  request: { from: ['bot', 'resolved', 'abandoned'], to: 'queued' },
  claim: { from: ['queued'], to: 'assigned' },
  /** An agent gives a claimed conversation back to the queue (signs off, wrong skill). */
  release: { from: ['assigned'], to: 'queued' },
  resolve: { from: ['assigned', 'queued'], to: 'resolved' },
  /** The customer changes their mind while waiting. */
  cancel: { from: ['queued'], to: 'bot' },
  /** The customer left while waiting or while an agent had the conversation. */
  abandon: { from: ['queued', 'assigned'], to: 'abandoned' },
  /** An agent ends a conversation (abusive customer); the bot answers again if they come back. */
  end: { from: ['bot', 'queued', 'assigned', 'resolved'], to: 'resolved' },
  /** An agent writes to a conversation after it was resolved (or the customer left): it reopens as theirs. */
  reopen: { from: ['bot', 'resolved', 'abandoned'], to: 'assigned' },
};

/** Details that travel with a transition. */
export interface TransitionInput {
  event: HandoffEventName;
  at: number;
  agentId?: string;
  agentName?: string;
  reason?: string;
}

/** Whether `event` is allowed from the conversation's current mode. */
export function canTransition(mode: ConversationMode, event: HandoffEventName): boolean {
  return TRANSITIONS[event].from.includes(mode);
}

/** Modes in which the bot answers the customer's messages. */
export function botIsAnswering(mode: ConversationMode): boolean {
  return mode === 'bot' || mode === 'resolved' || mode === 'abandoned';
}

/**
 * Applies a transition and returns the new conversation and the recorded transition, or
 * `undefined` when the event is not allowed from the current mode (for instance a second claim).
 * Pure: stores call it inside their atomic update, so two agents claiming at once get one winner.
 */
export function applyTransition(
  conversation: Conversation,
  input: TransitionInput,
): { conversation: Conversation; transition: HandoffTransition } | undefined {
  if (!canTransition(conversation.mode, input.event)) return undefined;
  const to = TRANSITIONS[input.event].to;
  const transition: HandoffTransition = {
    from: conversation.mode,
    to,
    event: input.event,
    at: input.at,
    ...(input.agentId !== undefined && { agentId: input.agentId }),
    ...(input.agentName !== undefined && { agentName: input.agentName }),
    ...(input.reason !== undefined && { reason: input.reason }),
  };
  const next: Conversation = { ...conversation, mode: to, history: [...conversation.history, transition] };
  switch (to) {
    case 'queued':
      next.queuedAt = input.at;
      if (input.reason !== undefined) next.handoffReason = input.reason;
      delete next.assignedAgentId;
      delete next.assignedAgentName;
      delete next.flow;
      break;
    case 'assigned':
      // A question the bot was waiting on (a rating) is moot once a person has the conversation.
      delete next.flow;
      if (input.agentId !== undefined) next.assignedAgentId = input.agentId;
      if (input.agentName !== undefined) next.assignedAgentName = input.agentName;
      break;
    case 'bot':
    case 'resolved':
    case 'abandoned':
      delete next.queuedAt;
      delete next.assignedAgentId;
      delete next.assignedAgentName;
      delete next.flow;
      break;
  }
  return { conversation: next, transition };
}
