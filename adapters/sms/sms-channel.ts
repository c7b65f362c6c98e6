import type { Twilio } from 'twilio';
import type { Channel, ChannelCapabilities, SendResult } from '../../src/channels/channel';
import { ChannelError } from '../../src/errors';
import type { ConversationRef } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import { renderForSms } from './sms-render';

/** Twilio's error for a number that replied STOP: nothing may be sent to it. */
export const TWILIO_UNSUBSCRIBED = 21610;

/** Who the messages come from: a number, or a messaging service that picks one. */
export type SmsSender = { from: string } | { messagingServiceSid: string };

/** Options of the SMS channel. */
export interface SmsChannelOptions {
  client: Twilio;
  sender: SmsSender;
  /** Where Twilio reports delivery (`PUBLIC_URL/webhooks/twilio/status`); unset: no delivery states. */
  statusCallback?: string;
  /** Called when Twilio says the number opted out, so nothing more is tried. */
  onOptedOut: (conversationId: string) => Promise<unknown>;
}

/**
 * Sends bot and agent messages as SMS through Twilio's REST API. A docs answer goes out as one
 * summary line plus the link; longer text as numbered parts of at most two segments. The message's
 * delivery stays pending until Twilio's status callback says what happened to it.
 */
export class SmsChannel implements Channel {
  readonly name = 'sms' as const;
  readonly capabilities: ChannelCapabilities = { typing: false, quickReplies: false, attachments: false };

  constructor(private readonly options: SmsChannelOptions) {}

  async send(ref: ConversationRef, message: TranscriptMessage): Promise<SendResult> {
    const { client, sender, statusCallback } = this.options;
    let lastSid: string | undefined;
    for (const body of renderForSms(message)) {
      try {
        const sent = await client.messages.create({
          to: ref.conversationKey,
          body,
          ...sender,
          ...(statusCallback && { statusCallback }),
        });
        lastSid = sent.sid;
      } catch (error) {
        throw await this.failure(error, message.conversationId);
      }
    }
    // Status callbacks are tracked for the last part: it is the one the customer reads last.
    return { status: 'pending', ...(lastSid !== undefined && { providerId: lastSid }) };
  }

  private async failure(error: unknown, conversationId: string): Promise<ChannelError> {
    const { status, code, message } = error as { status?: unknown; code?: unknown; message?: unknown };
    if (typeof status !== 'number') {
      // Network errors may carry the request configuration with credentials: keep only the kind.
      return new ChannelError('Could not reach Twilio', typeof code === 'string' ? code : undefined, true);
    }
    if (code === TWILIO_UNSUBSCRIBED) await this.options.onOptedOut(conversationId);
    return new ChannelError(
      `Twilio refused the SMS: ${typeof message === 'string' ? message : `HTTP ${status}`}`,
      typeof code === 'number' ? code : status,
      status === 429 || status >= 500,
    );
  }
}
