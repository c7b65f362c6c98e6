import type { WireMessage } from '../../src/realtime/socket-events';
import type { ExpectedKind } from './seed-messages';

/**
 * What a reply was, read from what the app puts on every message: the flow that said it
 * (`flowId`) and the handoff notice tag. `decline` is the docs flow saying it has no answer;
 * `other` is any other flow (greeting, complaint, out of scope…); `untagged` a reply that carries
 * neither (the echo server's, or a line the engine says outside any flow).
 */
export type ReplyKind = ExpectedKind | 'decline' | 'other' | 'untagged';

/** The flows whose replies are the right kind for each expected kind. */
const FLOW_KINDS: Record<string, ExpectedKind> = {
  'answer-from-docs': 'docs',
  'policy-answers': 'policy',
  'report-problem': 'report',
};

/** Classifies a bot or agent reply. */
export function replyKind(message: WireMessage): ReplyKind {
  if (message.notice === 'handoff') return 'handoff';
  if (!message.flowId) return 'untagged';
  const kind = FLOW_KINDS[message.flowId];
  // The docs flow says it has no answer without an answer id (no "Did this help?").
  if (kind === 'docs' && !message.answerId) return 'decline';
  return kind ?? 'other';
}
