import fs from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Channel, ChannelCapabilities, SendResult } from '../../src/channels/channel';
import { ChannelError } from '../../src/errors';
import { conversationLanguage } from '../../src/i18n/languages';
import type { ConversationRef } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import type { ConversationStore } from '../../src/store/ports';
import { EMAIL_MEMORY, threadMemory, trimReferences } from './email-thread';
import { EMAIL_NOTICES, emailBody, outboundMessageId, replySubject } from './email-render';

/** Options of the e-mail channel. */
export interface EmailChannelOptions {
  transport: Transporter;
  store: Pick<ConversationStore, 'findConversation' | 'updateConversation'>;
  /** The support address the replies come from (and customers answer to). */
  address: string;
  fromName: string;
  /** The domain of our Message-IDs. */
  messageIdDomain: string;
  /** Where uploads are kept: an agent's attachments go out as real files. */
  dataDir: string;
}

const UPLOAD_URL = /^\/uploads\/([A-Za-z0-9_-]{22})$/;

/**
 * Sends agent replies (and the one acknowledgement) by SMTP into the customer's own thread:
 * `Re:` the thread's subject with the ticket id, a Message-ID of our own that a reply or a
 * bounce leads back to this message, In-Reply-To and References from the thread. Automatic
 * messages carry `Auto-Submitted: auto-replied` so that other robots do not answer them.
 */
export class EmailChannel implements Channel {
  readonly name = 'email' as const;
  readonly capabilities: ChannelCapabilities = {
    typing: false,
    quickReplies: false,
    attachments: true,
    notices: EMAIL_NOTICES,
  };

  constructor(private readonly options: EmailChannelOptions) {}

  async send(ref: ConversationRef, message: TranscriptMessage): Promise<SendResult> {
    const { store, transport, address, fromName, messageIdDomain } = this.options;
    const conversation = await store.findConversation('email', ref.conversationKey);
    const thread = conversation && threadMemory(conversation);
    const messageId = outboundMessageId(message, messageIdDomain);
    const sender =
      message.author === 'agent' && message.authorName ? `${message.authorName} (${fromName})` : fromName;
    const language = conversation ? conversationLanguage(conversation) : 'en';
    const mail: Mail.Options = {
      from: { name: sender, address },
      to: thread?.replyTo ?? ref.customerId,
      subject: replySubject(thread?.subject ?? '', conversation?.brief?.ticketId, language),
      text: emailBody(message, conversation?.brief?.ticketId, language),
      messageId,
      ...(thread && {
        inReplyTo: thread.lastMessageId,
        references: thread.references,
      }),
      headers: {
        ...(message.author !== 'agent' && { 'Auto-Submitted': 'auto-replied' }),
        'X-Auto-Response-Suppress': 'All',
      },
      attachments: await this.files(message),
    };
    try {
      const info = (await transport.sendMail(mail)) as { rejected?: unknown[]; response?: string };
      if (Array.isArray(info.rejected) && info.rejected.length > 0) {
        throw new ChannelError(
          `The mail server refused the recipient: ${info.response ?? ''}`.trim(),
          'rejected',
        );
      }
    } catch (error) {
      throw failure(error);
    }
    if (conversation) {
      // Our message joins the thread: the next reply lists it in References too.
      await store.updateConversation(conversation.id, (c) => {
        const memory = threadMemory(c);
        if (!memory) return undefined;
        const references = trimReferences([...memory.references, messageId]);
        return { ...c, memory: { ...c.memory, [EMAIL_MEMORY]: { ...memory, references } } };
      });
    }
    return { status: 'sent', providerId: messageId };
  }

  /** An agent's uploads as real attachments (the console's upload URLs need a signed-in agent). */
  private async files(message: TranscriptMessage): Promise<Mail.Attachment[]> {
    const files: Mail.Attachment[] = [];
    for (const attachment of message.attachments ?? []) {
      const id = UPLOAD_URL.exec(attachment.url)?.[1];
      if (!id) continue;
      const file = path.join(this.options.dataDir, 'uploads', id);
      const exists = await fs.stat(file).then(
        () => true,
        () => false,
      );
      if (!exists) continue;
      files.push({
        path: file,
        filename: attachment.name ?? 'attachment',
        ...(attachment.mimeType && { contentType: attachment.mimeType }),
      });
    }
    return files;
  }
}

/** An SMTP failure as the transcript shows it: permanent refusals are not retried, outages are. */
function failure(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const { responseCode, code, response } = error as {
    responseCode?: unknown;
    code?: unknown;
    response?: unknown;
  };
  if (typeof responseCode === 'number') {
    const said = typeof response === 'string' ? response.slice(0, 200) : `SMTP ${responseCode}`;
    return new ChannelError(`The mail server refused the e-mail: ${said}`, responseCode, responseCode < 500);
  }
  // Connection errors can carry the SMTP URL with its password: keep only the kind.
  return new ChannelError(
    'Could not reach the mail server',
    typeof code === 'string' ? code : undefined,
    true,
  );
}
