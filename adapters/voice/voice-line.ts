import type { Engine } from '../../src/engine/engine';
import { botIsAnswering } from '../../src/handoff/handoff-machine';
import type { Logger } from '../../src/logger';
import type { Conversation, ConversationRef } from '../../src/model/conversation';
import { isOpen } from '../../src/policy/opening-hours';
import { timeZoneForPhone } from '../../src/policy/phone-time-zone';
import type { SupportPolicy } from '../../src/policy/policy-schema';
import type { TicketService } from '../../src/tickets/ticket-service';
import {
  connectCall,
  goodbye,
  outOfHours,
  voicemail,
  voicemailTaken,
  whisper,
  type VoiceScript,
} from './voice-twiml';

/** Options of the phone line. */
export interface VoiceLineOptions {
  engine: Engine;
  tickets: TicketService;
  policy: SupportPolicy;
  script: VoiceScript;
  log: Logger;
  now?: () => number;
}

/** Twilio's webhook parameters, as posted. */
type Params = Record<string, string | undefined>;

/**
 * The phone line (Twilio Voice): within the policy's phone hours a call goes to the on-call
 * number, with a whisper naming the caller's open ticket; outside them the caller hears the hours
 * and may page the on-call engineer for a critical platform problem, or leave a voicemail. A
 * voicemail joins the caller's SMS conversation (keyed by their number, so the agent answers by
 * SMS and the caller's texts land in the same place) with a ticket in the agents' queue; Twilio's
 * transcription joins it when it arrives.
 */
export class VoiceLine {
  private readonly now: () => number;

  constructor(private readonly options: VoiceLineOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A call comes in. */
  async incoming(params: Params): Promise<string> {
    const { policy, script } = this.options;
    if (!isOpen(policy.phoneHours, this.now())) return outOfHours(script);
    return connectCall(script, await this.openTicketOf(params.From), 'hours');
  }

  /** The caller pressed a key (or none) outside phone hours. */
  async menu(params: Params): Promise<string> {
    if (params.Digits === '1') {
      this.options.log.info({ caller: params.From }, 'out-of-hours call paged the on-call engineer');
      return connectCall(this.options.script, await this.openTicketOf(params.From), 'critical');
    }
    return voicemail(this.options.script);
  }

  /** The connected call ended: nobody answered means a voicemail instead. */
  afterDial(params: Params): string {
    return params.DialCallStatus === 'completed' ? goodbye() : voicemail(this.options.script);
  }

  /** What the engineer hears before being connected. */
  whisper(query: Params): string {
    return whisper(query.reason, query.ticket);
  }

  /** The voicemail was recorded: it becomes a conversation and a ticket before the caller hangs up. */
  async recording(params: Params): Promise<string> {
    const { From: from, RecordingSid: sid, RecordingDuration: duration } = params;
    if (!from || !sid || !params.RecordingUrl || duration === '0') return goodbye();
    const text =
      `Voicemail, ${duration ?? '?'} s (recording ${sid}; play it in the Twilio console under Monitor, Call logs). ` +
      'The transcription follows when Twilio sends it.';
    const conversation = await this.store(from, text, `voicemail:${sid}`);
    if (!conversation) return voicemailTaken(undefined);
    return voicemailTaken(await this.fileTicket(conversation, text));
  }

  /** Twilio's transcription of a voicemail: added to the caller's conversation. */
  async transcription(params: Params): Promise<void> {
    const { From: from, RecordingSid: sid } = params;
    if (!from || !sid) return;
    const text =
      params.TranscriptionStatus === 'completed' && params.TranscriptionText?.trim()
        ? `Transcription of the voicemail: "${params.TranscriptionText.trim()}"`
        : 'Twilio could not transcribe the voicemail; play the recording.';
    await this.store(from, text, `transcription:${sid}`);
  }

  private async store(from: string, text: string, externalId: string): Promise<Conversation | undefined> {
    const ref: ConversationRef = { channel: 'sms', conversationKey: from, customerId: from };
    const zone = timeZoneForPhone(from);
    const { conversation, duplicate } = await this.options.engine.handleInbound(
      {
        ref,
        text,
        externalId,
        receivedAt: this.now(),
        profile: { phone: from, ...(zone && { timeZone: zone }) },
      },
      { route: false },
    );
    return duplicate ? undefined : conversation;
  }

  /** A new ticket (or the caller's resolved one reopened), then the agents' queue. */
  private async fileTicket(conversation: Conversation, text: string): Promise<string | undefined> {
    const { engine, tickets } = this.options;
    if (!botIsAnswering(conversation.mode)) return conversation.brief?.ticketId;
    const earlier = conversation.brief?.ticketId;
    const ticket = earlier
      ? await tickets.reopen(earlier, conversation, { description: text })
      : await tickets.create(
          conversation,
          { description: text },
          `Voicemail from ${conversation.ref.customerId}`,
        );
    if (!ticket) return undefined;
    await engine.updateConversation(conversation.id, (c) => ({ ...c, brief: ticket.brief }));
    await engine.requestHandoff(conversation.id, `Voicemail, ticket ${ticket.id}`);
    return ticket.id;
  }

  /** The caller's newest ticket that is not resolved, on any channel their number is known on. */
  private async openTicketOf(from: string | undefined): Promise<string | undefined> {
    if (!from) return undefined;
    const tickets = await this.options.engine.store.listTickets({ customerId: from, limit: 100 });
    return tickets.filter((t) => t.status !== 'resolved').sort((a, b) => b.updatedAt - a.updatedAt)[0]?.id;
  }
}
