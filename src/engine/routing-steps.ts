import { textsFor } from '../i18n/translate';
import type { Conversation } from '../model/conversation';
import type { FlowPosition } from '../model/flow-position';
import type { MessageContent } from '../model/message';
import { isPolicyIntent, type IntentName } from '../understanding/intents';
import { looksLikeQuestion } from '../understanding/question-form';
import { nothingUnderstood, type Understanding } from '../understanding/understanding';
import type { Flow, FlowInput, FlowOutcome } from './flow';
import type { InboundContext, InboundStep } from './inbound-pipeline';

/** How sure the step must be that a customer asks for a person before the bot hands over. */
export const HANDOFF_CONFIDENCE = 0.5;
/** How sure it must be that a message inside a flow means something else before it is taken so. */
export const DIGRESSION_CONFIDENCE = 0.5;
/** The same, when the flow itself says the message does not answer its question. */
const NOT_AN_ANSWER_CONFIDENCE = 0.35;

/** Intents that, inside a flow, are not answers to the pending question but something to handle first. */
const DIGRESSIONS: ReadonlySet<IntentName> = new Set<IntentName>([
  'docs.question',
  'account_data',
  'off_topic',
]);

/** What the routing steps need from the engine. */
export interface RoutingHost {
  readonly flows: readonly Flow[];
  understand(text: string): Promise<Understanding>;
  say(conversation: Conversation, content: MessageContent | string): Promise<Conversation>;
  requestHandoff(conversationId: string, reason: string): Promise<Conversation>;
  cancelHandoff(conversation: Conversation): Promise<void>;
  noteHumanAfterAnswer(conversation: Conversation): Promise<void>;
  runStep(flow: Flow, context: InboundContext, position: FlowPosition | undefined): Promise<FlowOutcome>;
  readConversation(conversation: Conversation): Promise<Conversation>;
  leaveFlow(conversation: Conversation): Promise<Conversation>;
}

/** The inbound steps, in order: this list is the routing. */
export function routingSteps(host: RoutingHost): InboundStep[] {
  return [
    understand(host),
    whileWithPeople(host),
    handoffRequest(host),
    guards(host),
    activeFlow(host),
    clarifyHandoff(host),
    startFlow(host),
    notUnderstood(host),
  ];
}

function inputOf(context: InboundContext): FlowInput {
  return {
    text: context.message.text,
    understanding: context.understanding,
    conversation: context.conversation,
    attachments: context.message.attachments ?? [],
  };
}

function asksForPerson(understanding: Understanding): boolean {
  return understanding.intent === 'handoff.request' && understanding.confidence >= HANDOFF_CONFIDENCE;
}

function cancels(understanding: Understanding): boolean {
  return (
    understanding.intent === 'cancel' &&
    (understanding.source === 'command' || understanding.confidence >= DIGRESSION_CONFIDENCE)
  );
}

/** 1. What the message means: intents with confidence, and entities. */
function understand(host: RoutingHost): InboundStep {
  return async (context, next) => {
    const text = context.message.text;
    context.understanding = text ? await host.understand(text) : nothingUnderstood();
    await next();
  };
}

/** 2. While people have the conversation, the bot only handles "cancel", a repeated request and abuse. */
function whileWithPeople(host: RoutingHost): InboundStep {
  return async (context, next) => {
    const { conversation, understanding } = context;
    if (conversation.mode !== 'queued' && conversation.mode !== 'assigned') return next();
    if (conversation.mode === 'assigned') return; // The agent answers; the message is in the transcript.
    if (cancels(understanding)) return host.cancelHandoff(conversation);
    if (asksForPerson(understanding)) {
      await host.say(conversation, textsFor(conversation)('routing.alreadyQueued'));
      return;
    }
    const guard = host.flows.find((flow) => flow.interrupts && flow.matches(inputOf(context)));
    if (guard) await host.runStep(guard, context, undefined);
    else await runWhileQueued(host, context);
    // Otherwise the message waits in the transcript the agent sees.
  };
}

/** Offers a message to the first flow that works while the conversation is queued (triage). */
async function runWhileQueued(host: RoutingHost, context: InboundContext): Promise<void> {
  const flow = host.flows.find((f) => f.whileQueued && f.matches(inputOf(context)));
  if (flow) await host.runStep(flow, context, undefined);
}

/** 3. A request for a person, in any words and in the middle of anything: hand over at once. */
function handoffRequest(host: RoutingHost): InboundStep {
  return async (context, next) => {
    if (!asksForPerson(context.understanding)) return next();
    const during = context.conversation.flow?.flowId;
    const reason = during
      ? `Customer asked for a person during ${during.replace(/-/g, ' ')} (what was gathered is in the brief)`
      : 'Customer asked for a human';
    const queued = await host.requestHandoff(context.conversation.id, reason);
    await host.noteHumanAfterAnswer(context.conversation);
    await runWhileQueued(host, { ...context, conversation: queued });
  };
}

/** 4. Flows that guard every conversation (respectful communication) speak first. */
function guards(host: RoutingHost): InboundStep {
  return async (context, next) => {
    const guard = host.flows.find((flow) => flow.interrupts && flow.matches(inputOf(context)));
    if (!guard) return next();
    const outcome = await host.runStep(guard, context, undefined);
    if ('pass' in outcome) await next();
  };
}

/**
 * 5. The flow waiting for an answer gets it, unless the message means something else: "never mind"
 * leaves the flow; a question is answered by the flow it belongs to, then the pending question is
 * asked again.
 */
function activeFlow(host: RoutingHost): InboundStep {
  return async (context, next) => {
    const position = context.conversation.flow;
    const active = position && host.flows.find((flow) => flow.id === position.flowId);
    if (!position || !active) return next();
    const input = inputOf(context);
    const { understanding } = context;
    const answers = active.answers?.(input, position);
    if (cancels(understanding) && answers !== true) {
      const left = await host.leaveFlow(context.conversation);
      await host.say(left, textsFor(left)('routing.stopped'));
      return;
    }
    const digression =
      understanding.intent !== undefined &&
      understanding.confidence >= (answers === false ? NOT_AN_ANSWER_CONFIDENCE : DIGRESSION_CONFIDENCE) &&
      (DIGRESSIONS.has(understanding.intent) || isPolicyIntent(understanding.intent)) &&
      (answers === false || looksLikeQuestion(input.text));
    if (!digression) {
      const outcome = await host.runStep(active, context, position);
      if (!('pass' in outcome)) return;
      context.conversation = await host.readConversation(context.conversation);
      return next();
    }
    const other = host.flows.find((flow) => flow !== active && !flow.interrupts && flow.matches(input));
    if (other) await host.runStep(other, context, undefined);
    const after = await host.readConversation(context.conversation);
    if (after.flow?.flowId === active.id && after.flow.step === position.step && position.prompt) {
      const text = textsFor(after)('routing.backTo', { prompt: position.prompt.text });
      await host.say(after, { ...position.prompt, text });
    }
  };
}

/**
 * 6. When the step cannot tell a request for a person from something it could answer, it asks one
 * short question instead of guessing.
 */
function clarifyHandoff(host: RoutingHost): InboundStep {
  return async (context, next) => {
    const pair = context.understanding.ambiguous;
    if (!pair || !pair.includes('handoff.request') || context.understanding.source === 'command')
      return next();
    const t = textsFor(context.conversation);
    await host.say(context.conversation, {
      text: t('routing.connectOrHelp'),
      quickReplies: [
        { label: t('routing.connect'), value: 'Human' },
        { label: t('routing.helpHere'), value: 'I want to report a problem' },
      ],
    });
  };
}

/** 7. The first flow that takes up the message runs; answering from the docs comes last. */
function startFlow(host: RoutingHost): InboundStep {
  return async (context, next) => {
    const active = context.conversation.flow?.flowId;
    for (const flow of host.flows) {
      if (flow.id === active || flow.interrupts || !flow.matches(inputOf(context))) continue;
      const outcome = await host.runStep(flow, context, undefined);
      if (!('pass' in outcome)) return;
      context.conversation = await host.readConversation(context.conversation);
    }
    await next();
  };
}

/** 8. Nothing took it up: say so, and how to go on. */
function notUnderstood(host: RoutingHost): InboundStep {
  return async (context) => {
    await host.say(
      context.conversation,
      'I\'m not sure how to help with that. You can ask me about the product, report a problem, or type "Human" to reach a person.',
    );
  };
}
