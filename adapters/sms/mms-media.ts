import type { Logger } from '../../src/logger';
import type { Attachment } from '../../src/model/message';
import { saveUpload } from '../uploads/file-store';

/** MMS carries at most 5 MB; more than 5 files in one message is not a support screenshot. */
const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
const MAX_MEDIA_FILES = 5;

/** What fetching MMS media needs. */
export interface MmsMediaOptions {
  accountSid: string;
  authToken: string;
  /** Only media on this origin (Twilio's API, or the fake in tests) is fetched, with credentials. */
  apiOrigin: string;
  dataDir: string;
  log: Logger;
}

/**
 * Downloads the media of an MMS (`NumMedia`, `MediaUrl0..n`) with the account's basic auth and keeps
 * each file like a widget upload, so agents see the customer's screenshots. A file that cannot be
 * fetched is logged and skipped: the text of the message still goes through.
 */
export async function keepMmsMedia(
  params: Record<string, string>,
  from: string,
  options: MmsMediaOptions,
): Promise<Attachment[]> {
  const count = Math.min(Number(params.NumMedia ?? 0) || 0, MAX_MEDIA_FILES);
  const kept: Attachment[] = [];
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  for (let i = 0; i < count; i += 1) {
    const url = params[`MediaUrl${i}`];
    if (!url) continue;
    try {
      if (new URL(url).origin !== options.apiOrigin) throw new Error('media is not on the Twilio API origin');
      const response = await fetch(url, { headers: { authorization }, signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`media download answered ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > MAX_MEDIA_BYTES) throw new Error('media larger than 5 MB');
      const file = await saveUpload(options.dataDir, bytes, { ownerKey: `sms:${from}` });
      if (file) kept.push(file);
      else options.log.info({ index: i }, 'mms media of an unsupported type not kept');
    } catch (error) {
      options.log.warn({ index: i, reason: (error as Error).message }, 'mms media not kept');
    }
  }
  return kept;
}
