import type { Engine } from '../../src/engine/engine';
import { botIsAnswering } from '../../src/handoff/handoff-machine';
import { englishName, languageOfLocale, languageOfPhone, type Language } from '../../src/i18n/languages';
import type { Logger } from '../../src/logger';
import type { Conversation, ConversationRef } from '../../src/model/conversation';
import type { Attachment } from '../../src/model/message';
import { isOpen } from '../../src/policy/opening-hours';
import { timeZoneForPhone } from '../../src/policy/phone-time-zone';
import type { SupportPolicy } from '../../src/policy/policy-schema';
import type { TicketStore, TranscriptStore } from '../../src/store/ports';
import type { TicketService } from '../../src/tickets/ticket-service';
import { keepRecording, RecordingNotKept, type RecordingFetchOptions } from './call-recordings';
import {
  connectCall,
  goodbye,
  languageMenu,
  outOfHours,
  voicemail,
  voicemailTaken,
  whisper,
  type VoiceScript,
} from './voice-twiml';

/** What the phone line needs from the store: an earlier voicemail of a call, and the caller's tickets. */
export type VoiceLineStore = Pick<TranscriptStore, 'findMessageByExternalId'> &
  Pick<TicketStore, 'getTicket' | 'saveTicket' | 'listTickets'>;

/** Options of the phone line. */
export interface VoiceLineOptions {
  engine: Engine;
  store: VoiceLineStore;
  tickets: TicketService;
  policy: SupportPolicy;
  script: VoiceScript;
  /** Where finished recordings are fetched from and kept. */
  recordings: RecordingFetchOptions;
  log: Logger;
  now?: () => number;
}

/** Twilio's webhook parameters, as posted. */
type Params = Record<string, string | undefined>;

/** The call's language as the previous step put it in the webhook's query; English when absent. */
export function callLanguage(query: Params): Language {
  return languageOfLocale(query.lang) ?? 'en';
}

/**
 * The phone line (Twilio Voice): within the policy's phone hours a call goes to the on-call
 * number, with a whisper naming the caller's open ticket; outside them the caller hears the hours
 * and may page the on-call engineer for a critical platform problem, or leave a voicemail. A
 * voicemail joins the caller's SMS conversation (keyed by their number, so the agent answers by
 * SMS and the caller's texts land in the same place) with a ticket in the agents' queue; Twilio's
 * transcription joins it when it arrives. The call speaks the language of the number called, else
 * of the caller's country, and the caller may switch with the policy's language menu; that
 * language stays the conversation's, so the SMS replies speak it too.
 */
export class VoiceLine {
  private readonly now: () => number;

  constructor(private readonly options: VoiceLineOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A call comes in: the language menu when the policy has one, else straight on. */
  async incoming(params: Params): Promise<string> {
    const language = this.startLanguage(params);
    return languageMenu(this.options.script, language) ?? (await this.answer(params, language));
  }

  /** The caller answered the language menu (or let it pass): on in the language chosen. */
  async language(params: Params, query: Params): Promise<string> {
    const chosen = Object.entries(this.options.script.languageMenu).find(
      ([, key]) => key !== undefined && key === params.Digits,
    )?.[0];
    return this.answer(params, languageOfLocale(chosen) ?? callLanguage(query));
  }

  /** The caller pressed a key (or none) outside phone hours. */
  async menu(params: Params, query: Params): Promise<string> {
    const { script, log } = this.options;
    const language = callLanguage(query);
    if (params.Digits === script.pageKey) {
      log.info({ caller: params.From }, 'out-of-hours call paged the on-call engineer');
      return connectCall(script, language, await this.callOf(params.From), 'critical');
    }
    return voicemail(script, language, params.From);
  }

  /** The connected call ended: nobody answered means a voicemail instead. */
  afterDial(params: Params, query: Params): string {
    return params.DialCallStatus === 'completed'
      ? goodbye()
      : voicemail(this.options.script, callLanguage(query), params.From);
  }

  /** What the engineer hears before being connected. */
  whisper(query: Params): string {
    return whisper(this.options.script, query.reason, query.ticket, callLanguage(query));
  }

  /** The voicemail was recorded: it becomes a conversation and a ticket before the caller hangs up. */
  async recording(params: Params, query: Params): Promise<string> {
    const { script } = this.options;
    const language = callLanguage(query);
    const { From: from, RecordingSid: sid, RecordingDuration: duration } = params;
    if (!from || !sid || !params.RecordingUrl || duration === '0') return goodbye();
    const text = [
      `Voicemail, ${duration ?? '?'} s (recording ${sid}).`,
      ...(language === 'en' ? [] : [`The call was in ${englishName(language)}.`]),
      'The audio file and the transcription follow when Twilio has them ready.',
    ].join(' ');
    const conversation = await this.store(from, text, `voicemail:${sid}`, undefined, language);
    if (!conversation) return voicemailTaken(script, language, undefined);
    return voicemailTaken(script, language, await this.fileTicket(conversation, text, sid));
  }

  /**
   * Twilio's recording status callback: a finished voicemail or recorded call is fetched and kept
   * as a file in the caller's conversation (and on their ticket), so the agent plays it in the
   * console. When it cannot be fetched, the conversation says why and where to find it instead.
   */
  async recordingStatus(params: Params, query: Params): Promise<void> {
    const { caller, kind } = query;
    const { RecordingSid: sid, RecordingStatus: status, RecordingUrl: url } = params;
    if (!caller || !sid || !url || status !== 'completed') return;
    const label = kind === 'call' ? 'Recording of the call' : 'Voicemail recording';
    const heading = `${label}, ${params.RecordingDuration ?? '?'} s (${sid})`;
    let file: Attachment | undefined;
    let text: string;
    try {
      file = await keepRecording(url, caller, this.options.recordings);
      text = `${heading}: the audio file is attached.`;
    } catch (error) {
      if (!(error instanceof RecordingNotKept)) throw error;
      this.options.log.warn({ recording: sid, reason: error.message }, 'call recording not kept');
      text = `${heading} could not be kept here (${error.message}); play it in the Twilio console under Monitor, Call logs.`;
    }
    const conversation = await this.store(caller, text, `recording-file:${sid}`, file);
    const ticketId = conversation?.brief?.ticketId;
    if (file && ticketId) await this.attachToTicket(ticketId, file.url);
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

  /** The language a call starts in: the number called, else the caller's country, else English. */
  private startLanguage(params: Params): Language {
    const byNumber = params.To ? this.options.policy.phoneLine.numberLanguages[params.To] : undefined;
    return byNumber ?? languageOfPhone(params.From) ?? 'en';
  }

  /** Within phone hours the call is put through; outside them the caller hears the hours and the menu. */
  private async answer(params: Params, language: Language): Promise<string> {
    const { policy, script } = this.options;
    if (!isOpen(policy.phoneHours, this.now())) return outOfHours(script, language);
    return connectCall(script, language, await this.callOf(params.From), 'hours');
  }

  /**
   * Stores a line in the caller's conversation. `language`, the call's, becomes the
   * conversation's, so the SMS replies speak what the caller heard on the phone.
   */
  private async store(
    from: string,
    text: string,
    externalId: string,
    file?: Attachment,
    language?: Language,
  ): Promise<Conversation | undefined> {
    const ref: ConversationRef = { channel: 'sms', conversationKey: from, customerId: from };
    const zone = timeZoneForPhone(from);
    const { conversation, duplicate } = await this.options.engine.handleInbound(
      {
        ref,
        text,
        externalId,
        receivedAt: this.now(),
        ...(file && { attachments: [file] }),
        profile: { phone: from, ...(zone && { timeZone: zone }), ...(language && { locale: language }) },
      },
      { route: false },
    );
    return duplicate ? undefined : conversation;
  }

  /**
   * A new ticket (or the caller's resolved one reopened), then the agents' queue. The recording
   * file is on it when Twilio reported it before the caller hung up.
   */
  private async fileTicket(
    conversation: Conversation,
    text: string,
    recordingSid: string,
  ): Promise<string | undefined> {
    const { engine, tickets } = this.options;
    if (!botIsAnswering(conversation.mode)) return conversation.brief?.ticketId;
    const early = await this.options.store.findMessageByExternalId(
      conversation.id,
      `recording-file:${recordingSid}`,
    );
    const attachments = early?.attachments?.map((a) => a.url) ?? [];
    const brief = { description: text, ...(attachments.length > 0 && { attachments }) };
    const earlier = conversation.brief?.ticketId;
    const ticket = earlier
      ? await tickets.reopen(earlier, conversation, brief)
      : await tickets.create(conversation, brief, `Voicemail from ${conversation.ref.customerId}`);
    if (!ticket) return undefined;
    await engine.updateConversation(conversation.id, (c) => ({ ...c, brief: ticket.brief }));
    await engine.handoff.request(conversation.id, `Voicemail, ticket ${ticket.id}`);
    return ticket.id;
  }

  /** Adds a kept recording to the ticket's files. */
  private async attachToTicket(ticketId: string, url: string): Promise<void> {
    const { store } = this.options;
    const ticket = await store.getTicket(ticketId);
    if (!ticket || ticket.brief.attachments?.includes(url)) return;
    const attachments = [...(ticket.brief.attachments ?? []), url];
    await store.saveTicket({ ...ticket, brief: { ...ticket.brief, attachments }, updatedAt: this.now() });
  }

  /** The caller and their open ticket, for the whisper and the call recording. */
  private async callOf(
    from: string | undefined,
  ): Promise<{ caller: string | undefined; ticketId: string | undefined }> {
    return { caller: from, ticketId: await this.openTicketOf(from) };
  }

  /** The caller's newest ticket that is not resolved, on any channel their number is known on. */
  private async openTicketOf(from: string | undefined): Promise<string | undefined> {
    if (!from) return undefined;
    const tickets = await this.options.store.listTickets({ customerId: from, limit: 100 });
    return tickets.filter((t) => t.status !== 'resolved').sort((a, b) => b.updatedAt - a.updatedAt)[0]?.id;
  }
}
