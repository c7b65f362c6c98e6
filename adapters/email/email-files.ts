import type { Attachment } from '../../src/model/message';
import { saveUpload } from '../uploads/file-store';
import type { EmailFile } from './parse-email';

/** How much of an e-mail's files is kept. */
export interface FileLimits {
  /** Most files kept from one e-mail. */
  maxFiles: number;
  /** Largest single file kept. */
  maxFileBytes: number;
  /** Largest e-mail taken whole (named in the note when an e-mail was larger). */
  maxEmailBytes: number;
}

/** Inline images smaller than this are signature logos and tracking pixels, not screenshots. */
const LOGO_BYTES = 4096;

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Keeps an e-mail's files like uploads (so `GET /uploads/<id>` shows them to agents) within the
 * limits, and says in plain words what was not kept and why, for the agent to read.
 */
export async function keepEmailFiles(
  files: EmailFile[],
  options: { dataDir: string; ownerKey: string; limits: FileLimits; now: number; oversizeBytes?: number },
): Promise<{ attachments: Attachment[]; notes: string[] }> {
  const { limits } = options;
  const attachments: Attachment[] = [];
  const notes: string[] = [];
  if (options.oversizeBytes !== undefined) {
    notes.push(
      `this e-mail is ${megabytes(options.oversizeBytes)}, over the ${megabytes(limits.maxEmailBytes)} limit: only its headers were taken in. Read its text and attachments in the mailbox.`,
    );
  }
  const overLimit: string[] = [];
  const tooLarge: string[] = [];
  const unsupported: string[] = [];
  for (const file of files) {
    const name = file.name ?? 'unnamed';
    if (file.inline && file.contentType.startsWith('image/') && file.bytes.length < LOGO_BYTES) continue;
    if (file.bytes.length > limits.maxFileBytes) {
      tooLarge.push(`${name} (${megabytes(file.bytes.length)})`);
      continue;
    }
    if (attachments.length >= limits.maxFiles) {
      overLimit.push(name);
      continue;
    }
    const kept = await saveUpload(options.dataDir, file.bytes, {
      ownerKey: options.ownerKey,
      ...(file.name && { name: file.name }),
      now: options.now,
    });
    if (kept) attachments.push(kept);
    else unsupported.push(`${name} (${file.contentType})`);
  }
  if (tooLarge.length > 0) {
    notes.push(`not kept, over ${megabytes(limits.maxFileBytes)} each: ${tooLarge.join(', ')}.`);
  }
  if (overLimit.length > 0) {
    notes.push(`not kept, beyond ${limits.maxFiles} attachments: ${overLimit.join(', ')}.`);
  }
  if (unsupported.length > 0) {
    notes.push(
      `not kept, the console shows only images, PDF and text: ${unsupported.join(', ')}. Find them in the mailbox.`,
    );
  }
  return { attachments, notes };
}
