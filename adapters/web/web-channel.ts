import type { Channel, ChannelCapabilities, SendResult } from '../../src/channels/channel';

/**
 * The web chat channel. Delivery rides on the transcript stream: the chat gateway pushes every
 * stored message to the customer's sockets (and a reconnecting widget catches up by sequence
 * number), so a send has nothing left to do here.
 */
export class WebChannel implements Channel {
  readonly name = 'web' as const;
  readonly capabilities: ChannelCapabilities = { typing: true, quickReplies: true, attachments: true };
  readonly deliveredWithTranscript = true;

  /** Not called by the engine (see `deliveredWithTranscript`); a no-op for other callers. */
  async send(): Promise<SendResult> {
    return { status: 'sent' };
  }
}
