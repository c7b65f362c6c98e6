import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import { severityName } from '../policy/policy-schema';
import { INTENTS, type IntentName } from './intents';
import type { MessageUnderstanding } from './understander';
import type { Understanding } from './understanding';

/** What the chat model must answer: one JSON object of this shape, nothing else. */
const modelAnswer = z.object({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1),
  severity: severityName.nullable().optional(),
});

/** Settings of the chat-model step; defaults fit a customer waiting for a reply. */
export interface ChatModelUnderstandingOptions {
  /** Milliseconds before the model is given up on and the learned step answers. */
  timeoutMs?: number;
  /** Below this self-reported confidence the learned step answers instead. */
  minConfidence?: number;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

const INSTRUCTIONS = [
  'You classify one message a customer sent to the support chat of a cloud telephony (VoIP) platform.',
  `Answer with one JSON object and nothing else: {"intent": one of ${JSON.stringify(INTENTS)}, "confidence": a number from 0 to 1, "severity": "P0".."P5" or null}.`,
  'handoff.request: wants a person. report.problem: describes a problem with the service. policy.*: asks about the support policy (hours, phone, sms, telegram, email, contacts, paid_escalation, severity, categories, noc, status_page, call_id, one_ticket, not_critical, misreporting, report_info).',
  'docs.question: how to use the product. account_data: asks for their own live account data. off_topic: unrelated to the product. abuse: insults or threats. complaint: frustrated but not abusive.',
  "severity: only for report.problem, what the words suggest (P0 whole platform down for everyone, P1 the customer's company down, P2 one of their customers down or the interface seriously broken, P3 partial, P4 minor, P5 a wish); otherwise null.",
].join('\n');

/**
 * The understanding step with a chat model in front: the model classifies the message into the
 * intents above as JSON (validated with zod); when it fails, is slow, answers something else or is
 * unsure, the learned step answers. Entities always come from the learned step's patterns.
 */
export class ChatModelUnderstanding implements MessageUnderstanding {
  private readonly timeoutMs: number;
  private readonly minConfidence: number;

  constructor(
    private readonly model: BaseChatModel,
    private readonly fallback: MessageUnderstanding,
    private readonly options: ChatModelUnderstandingOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 2500;
    this.minConfidence = options.minConfidence ?? 0.6;
  }

  /** Understands one message, preferring the chat model's reading when it is sure. */
  async understand(text: string, now?: Date): Promise<Understanding> {
    const learned = await this.fallback.understand(text, now);
    if (learned.source === 'command') return learned;
    const answer = await this.ask(text);
    if (!answer || answer.confidence < this.minConfidence) return learned;
    const intent: IntentName = answer.intent;
    const entities = { ...learned.entities };
    if (answer.severity && !entities.severity) {
      entities.severityCue = { severity: answer.severity, confidence: answer.confidence };
    }
    return {
      intent,
      confidence: answer.confidence,
      ranked: [
        { intent, confidence: answer.confidence },
        ...learned.ranked
          .filter((r) => r.intent !== intent)
          .map((r) => ({ ...r, confidence: r.confidence * (1 - answer.confidence) })),
      ],
      entities,
      source: 'chat-model',
    };
  }

  private async ask(text: string): Promise<z.infer<typeof modelAnswer> | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const reply = await Promise.race([
        this.model.invoke([
          ['system', INSTRUCTIONS],
          ['human', text.slice(0, 2000)],
        ]),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${this.timeoutMs} ms`)),
            this.timeoutMs,
          );
        }),
      ]);
      const json = reply.text.match(/\{[\s\S]*\}/)?.[0];
      const parsed = modelAnswer.safeParse(json ? JSON.parse(json) : undefined);
      if (!parsed.success) {
        this.options.log?.('chat model answered outside the schema; the learned step answers', {});
        return undefined;
      }
      return parsed.data;
    } catch (error) {
      this.options.log?.('chat model failed; the learned step answers', { err: error });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
