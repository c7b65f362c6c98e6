import type { Engine } from '../../src/engine/engine';
import { ValidationError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { Conversation, ConversationRef, CustomerProfile } from '../../src/model/conversation';
import type { Delivery } from '../../src/model/message';
import { timeZoneForPhone } from '../../src/policy/phone-time-zone';
import type { ConversationStore, DedupStore, TranscriptStore } from '../../src/store/ports';
import { twilioParams } from '../http/edge-schemas';
import { LogCap } from '../http/log-cap';
import { keepMmsMedia, type MmsMediaOptions } from './mms-media';
import { TWILIO_UNSUBSCRIBED } from './sms-channel';
import { OPTED_OUT_REASON, optedInText, smsKeyword } from './sms-keywords';

/** How long a MessageSid is remembered (Twilio retries a failed webhook within hours). */
/**
 * How long one instance holds a MessageSid while it fetches media and stores the message. Short on
 * purpose: if the instance dies first, Twilio's retry goes through; once stored, the engine's own
 * check of the transcript answers "already processed".
 */
const REPLAY_CLAIM_MS = 30_000;

/** What the SMS inbound side needs from the store: replay keys, and reading conversations and sent messages. */
export type SmsInboundStore = DedupStore &
  Pick<ConversationStore, 'findConversation' | 'getConversation'> &
  Pick<TranscriptStore, 'findMessageByProviderId'>;

/** Options of the SMS inbound side. */
export interface SmsInboundOptions {
  engine: Engine;
  store: SmsInboundStore;
  log: Logger;
  media: MmsMediaOptions;
  /** The answer to HELP (support contacts) in the conversation's language. */
  helpText: (conversation: Conversation) => string;
  /** Warning lines per minute about malformed posts (WEBHOOK_WARNINGS_PER_MINUTE). */
  warningsPerMinute?: number;
  now?: () => number;
}

/** Twilio's delivery states mapped onto ours, with their order (a late "sent" never undoes "delivered"). */
const STATUS: Record<string, { status: Delivery['status']; rank: number }> = {
  accepted: { status: 'pending', rank: 0 },
  scheduled: { status: 'pending', rank: 0 },
  queued: { status: 'pending', rank: 0 },
  sending: { status: 'pending', rank: 1 },
  sent: { status: 'sent', rank: 2 },
  delivered: { status: 'delivered', rank: 3 },
  read: { status: 'delivered', rank: 3 },
  undelivered: { status: 'undelivered', rank: 3 },
  failed: { status: 'failed', rank: 3 },
};
const RANK_OF: Record<Delivery['status'], number> = {
  pending: 0,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
  skipped: 3,
};

/** What the agent reads for the error codes a support desk meets most. */
const ERROR_TEXT: Record<string, string> = {
  '21610': 'the number opted out (STOP)',
  '30003': 'handset unreachable',
  '30004': 'message blocked by the recipient',
  '30005': 'unknown or inactive number',
  '30006': 'landline or unreachable carrier',
  '30007': 'filtered by the carrier',
  '30008': 'unknown delivery error',
};

/**
 * Handles verified Twilio webhooks after they were answered: an inbound SMS (processed once per
 * MessageSid; STOP, START and HELP answered here; MMS media kept) and a delivery status callback.
 */
export class SmsInbound {
  private readonly now: () => number;
  private readonly warnings: LogCap;

  constructor(private readonly options: SmsInboundOptions) {
    this.now = options.now ?? Date.now;
    this.warnings = new LogCap(options.warningsPerMinute ?? 10);
  }

  /** One inbound SMS or MMS; `onStored` runs once it is safely stored, for the webhook's answer. */
  async message(body: unknown, onStored?: () => void): Promise<void> {
    const params = this.readable(body, 'inbound sms');
    if (!params) return;
    const sid = params.MessageSid ?? params.SmsSid;
    const from = params.From;
    if (!sid || !from) return;
    const replayKey = `twilio:in:${sid}`;
    if (!(await this.options.store.remember(replayKey, REPLAY_CLAIM_MS))) return;
    try {
      await this.process(sid, from, params, onStored);
    } catch (error) {
      // Not handled: let Twilio's retry through.
      await this.options.store.forget(replayKey);
      throw error;
    }
  }

  /**
   * The parameters when they have Twilio's shape (one string per name); otherwise logs once per
   * minute and answers nothing, so a signed but malformed post is not retried forever.
   */
  private readable(body: unknown, what: string): Record<string, string> | undefined {
    const parsed = twilioParams.safeParse(body ?? undefined);
    if (parsed.success) return parsed.data;
    if (this.warnings.allow(what))
      this.options.log.warn(
        { problem: parsed.error.issues[0]?.message },
        `${what} of an unexpected shape skipped`,
      );
    return undefined;
  }

  private async process(
    sid: string,
    from: string,
    params: Record<string, string>,
    onStored?: () => void,
  ): Promise<void> {
    const { engine } = this.options;
    const ref: ConversationRef = { channel: 'sms', conversationKey: from, customerId: from };
    const zone = timeZoneForPhone(from);
    const profile: CustomerProfile = { phone: from, ...(zone && { timeZone: zone }) };
    const text = (params.Body ?? '').trim();
    const keyword = smsKeyword(text);
    const base = { ref, text, externalId: sid, profile, receivedAt: this.now(), raw: params };

    if (keyword) {
      // Stored for the agent to see, answered here rather than by the flows.
      const { conversation, duplicate } = await engine.handleInbound(base, {
        route: false,
        ...(onStored && { onStored }),
      });
      if (duplicate) return;
      if (keyword === 'stop') await engine.delivery.markUnreachable(conversation.id, OPTED_OUT_REASON);
      else if (keyword === 'start') {
        const back = conversation.unreachable
          ? await engine.delivery.markUnreachable(conversation.id, undefined)
          : conversation;
        await engine.say(back, optedInText(back));
      } else await engine.say(conversation, this.options.helpText(conversation));
      return;
    }

    const existing = await this.options.store.findConversation('sms', from);
    const attachments = await keepMmsMedia(params, from, this.options.media);
    try {
      // An opted-out customer's texts still reach the transcript, but nothing answers them.
      await engine.handleInbound(
        { ...base, ...(attachments.length > 0 && { attachments }) },
        { route: !existing?.unreachable, ...(onStored && { onStored }) },
      );
    } catch (error) {
      if (error instanceof ValidationError) {
        this.options.log.info({ reason: error.message }, 'sms not taken');
        return;
      }
      throw error;
    }
  }

  /** One delivery status callback: the message's state as the console shows it. */
  async status(body: unknown): Promise<void> {
    const { engine } = this.options;
    const params = this.readable(body, 'sms status');
    if (!params) return;
    const sid = params.MessageSid ?? params.SmsSid;
    const next = STATUS[(params.MessageStatus ?? params.SmsStatus ?? '').toLowerCase()];
    if (!sid || !next) return;
    const message = await this.options.store.findMessageByProviderId(sid);
    const conversation = message && (await this.options.store.getConversation(message.conversationId));
    if (!message || !conversation) return;
    if (message.delivery && RANK_OF[message.delivery.status] > next.rank) return;
    const code = params.ErrorCode;
    await engine.delivery.setDelivery(conversation, message, {
      status: next.status,
      providerId: sid,
      at: this.now(),
      ...(code && { error: `Twilio error ${code}${ERROR_TEXT[code] ? `: ${ERROR_TEXT[code]}` : ''}` }),
    });
    if (code === String(TWILIO_UNSUBSCRIBED))
      await engine.delivery.markUnreachable(conversation.id, OPTED_OUT_REASON);
  }
}
