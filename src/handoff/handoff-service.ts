import { textsFor } from '../i18n/translate';
import type { FlowServices } from '../engine/flow-services';
import { defaultHandoffNotice, type HandoffNotice } from '../engine/handoff-notice';
import { ConflictError, NotFoundError } from '../errors';
import type { EngineEvents } from '../events/engine-events';
import type { Agent } from '../model/agent';
import type { Conversation, ProblemBrief } from '../model/conversation';
import type { MessageContent, TranscriptMessage } from '../model/message';
import { priorityOf } from '../policy/classification';
import type { ConversationStore, NewMessage } from '../store/ports';
import { applyTransition, type TransitionInput } from './handoff-machine';

/** Tells how many agents are signed in right now (across every instance). */
export type AgentPresence = () => Promise<number>;

/** What the handoff service needs from the engine around it. */
export interface HandoffServiceOptions {
  store: Pick<ConversationStore, 'getConversation' | 'updateConversation'>;
  events: EngineEvents;
  /** Stores a transcript line and announces it. */
  record(
    conversation: Conversation,
    message: NewMessage,
  ): Promise<{ message: TranscriptMessage; conversation: Conversation }>;
  /** Sends a bot message to the customer on their own channel and records it. */
  say(conversation: Conversation, content: MessageContent | string): Promise<unknown>;
  now: () => number;
  presence?: AgentPresence;
  handoffNotice?: HandoffNotice;
  services?: FlowServices;
}

/**
 * Every handoff transition in one place (request, cancel, claim, release, resolve, end, abandon)
 * plus reclassification: the permission checks, the rules (severity -> queue priority, when a
 * customer who left counts as gone) and the announcement. Each transition is applied atomically
 * through the state machine (`handoff-machine.ts`), emits exactly one `handoff` event, and leaves
 * one system line in the transcript.
 */
export class HandoffService {
  constructor(private readonly options: HandoffServiceOptions) {}

  /** The customer (or a flow) asks for a human: queue the conversation and tell the customer. */
  async request(conversationId: string, reason: string): Promise<Conversation> {
    const { now, presence, handoffNotice = defaultHandoffNotice, services = {} } = this.options;
    const conversation = await this.transition(conversationId, { event: 'request', at: now(), reason });
    const agentsOnline = presence ? await presence() : 0;
    const notice = handoffNotice(conversation, { agentsOnline, now: now(), services });
    await this.options.say(conversation, { ...notice, notice: 'handoff' });
    return conversation;
  }

  /** The customer changes their mind while waiting: the bot answers again. */
  async cancel(conversationId: string): Promise<Conversation> {
    const conversation = await this.transition(conversationId, { event: 'cancel', at: this.options.now() });
    await this.options.say(conversation, textsFor(conversation)('routing.cancelled'));
    return conversation;
  }

  /** An agent claims a queued conversation. Of several agents claiming at once, exactly one wins. */
  async claim(conversationId: string, agent: Agent): Promise<Conversation> {
    const conversation = await this.transition(conversationId, {
      event: 'claim',
      at: this.options.now(),
      agentId: agent.id,
      agentName: agent.displayName,
    });
    await this.options.say(conversation, {
      text: `${agent.displayName} from the support team has joined the conversation.`,
      notice: 'joined',
    });
    return conversation;
  }

  /** Gives an assigned conversation back to the queue (the agent signs off, or it needs someone else). */
  async release(conversationId: string, agent: Agent): Promise<Conversation> {
    const current = await this.require(conversationId);
    if (current.assignedAgentId !== agent.id && agent.role !== 'admin') throw notYours();
    return this.transition(conversationId, { event: 'release', at: this.options.now(), agentId: agent.id });
  }

  /** The agent is done: the bot answers again and the customer is told. */
  async resolve(conversationId: string, agent: Agent): Promise<Conversation> {
    assertMayAct(await this.require(conversationId), agent);
    const conversation = await this.transition(conversationId, {
      event: 'resolve',
      at: this.options.now(),
      agentId: agent.id,
      agentName: agent.displayName,
    });
    await this.options.say(conversation, {
      text: textsFor(conversation)('routing.resolved'),
      notice: 'resolved',
    });
    return conversation;
  }

  /** An agent ends a conversation (an abusive customer); the same permission as resolving it. */
  async end(conversationId: string, agent: Agent, reason = 'ended by an agent'): Promise<Conversation> {
    assertMayAct(await this.require(conversationId), agent);
    const conversation = await this.transition(conversationId, {
      event: 'end',
      at: this.options.now(),
      agentId: agent.id,
      agentName: agent.displayName,
      reason,
    });
    await this.options.say(conversation, textsFor(conversation)('routing.ended'));
    return conversation;
  }

  /** The customer left while waiting or while talking to an agent. */
  async abandon(conversationId: string, reason: string): Promise<Conversation> {
    return this.transition(conversationId, { event: 'abandon', at: this.options.now(), reason });
  }

  /**
   * The customer closed every window of the chat and stayed away: a conversation still waiting in
   * the queue counts as abandoned; one an agent has stays theirs (they may write back on e-mail).
   * Gives the abandoned conversation, or undefined when nothing changed.
   */
  async customerLeft(conversationId: string): Promise<Conversation | undefined> {
    const conversation = await this.options.store.getConversation(conversationId);
    if (conversation?.mode !== 'queued') return undefined;
    return this.abandon(conversationId, 'closed the chat while waiting');
  }

  /**
   * An agent changes a report's severity (and category): the queue priority follows the severity.
   * Gives the conversation after the change and the severity before it.
   */
  async reclassify(
    conversationId: string,
    change: { severity: NonNullable<ProblemBrief['severity']>; category?: ProblemBrief['category'] },
  ): Promise<{ conversation: Conversation; before: ProblemBrief['severity'] }> {
    let before: ProblemBrief['severity'];
    const conversation = await this.options.store.updateConversation(conversationId, (current) => {
      before = current.brief?.severity;
      return {
        ...current,
        brief: {
          ...current.brief,
          severity: change.severity,
          ...(change.category && { category: change.category }),
        },
        priority: priorityOf(change.severity),
      };
    });
    if (!conversation) throw new NotFoundError('Conversation');
    this.options.events.emit('conversation', { conversation });
    return { conversation, before };
  }

  /**
   * Applies one handoff transition atomically, announces it (one `handoff` event) and records it in
   * the transcript as a system line. Throws `ConflictError` when it is not allowed from the current
   * state. The named actions above add their permission checks and what the customer is told.
   */
  async transition(conversationId: string, input: TransitionInput): Promise<Conversation> {
    let transition: ReturnType<typeof applyTransition>;
    const updated = await this.options.store.updateConversation(conversationId, (current) => {
      transition = applyTransition(current, input);
      return transition?.conversation;
    });
    if (!updated || !transition) {
      const current = await this.require(conversationId);
      const who = current.assignedAgentName ? ` by ${current.assignedAgentName}` : '';
      throw new ConflictError(
        input.event === 'claim' && current.mode === 'assigned'
          ? `Already claimed${who}`
          : `Cannot ${input.event} a conversation that is ${current.mode}`,
        input.event === 'claim' ? 'already_claimed' : 'invalid_transition',
      );
    }
    const record = transition.transition;
    // Announced as soon as the new state is stored: the agents waiting for a handoff hear of it
    // without also waiting for the transcript line below to be written.
    this.options.events.emit('handoff', { conversation: updated, transition: record });
    const appended = await this.options.record(updated, {
      author: 'system',
      text: describeTransition(record),
      createdAt: record.at,
    });
    return appended.conversation;
  }

  private async require(conversationId: string): Promise<Conversation> {
    const conversation = await this.options.store.getConversation(conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    return conversation;
  }
}

/** Only the agent who has a conversation (or an admin) may resolve or end it while it is assigned. */
function assertMayAct(conversation: Conversation, agent: Agent): void {
  if (
    conversation.mode === 'assigned' &&
    conversation.assignedAgentId !== agent.id &&
    agent.role !== 'admin'
  ) {
    throw notYours();
  }
}

function notYours(): ConflictError {
  return new ConflictError('Another agent has this conversation', 'not_assigned');
}

/** The transcript line that records a handoff transition. */
export function describeTransition(t: { event: string; agentName?: string; reason?: string }): string {
  switch (t.event) {
    case 'request':
      return `Handoff requested${t.reason ? `: ${t.reason}` : ''}. Waiting for an agent.`;
    case 'claim':
      return `Claimed by ${t.agentName ?? 'an agent'}.`;
    case 'release':
      return 'Returned to the queue.';
    case 'resolve':
      return `Resolved by ${t.agentName ?? 'an agent'}${t.reason ? ` (${t.reason})` : ''}; the bot answers again.`;
    case 'cancel':
      return 'The customer cancelled the handoff.';
    case 'abandon':
      return `The customer left${t.reason ? ` (${t.reason})` : ''}.`;
    case 'reopen':
      return `Reopened by ${t.agentName ?? 'an agent'}.`;
    case 'end':
      return `Conversation ended by ${t.agentName ?? 'an agent'}${t.reason ? `: ${t.reason}` : ''}.`;
    default:
      return t.event;
  }
}
