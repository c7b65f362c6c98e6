import type { Attachment } from '../../src/model/message';
import { saveUpload } from '../uploads/file-store';
import { sniffRecordingType } from '../uploads/recording-sniffer';

/** Larger than an hour of Twilio's mono MP3: a file this size is not one of our calls. */
const MAX_RECORDING_BYTES = 40 * 1024 * 1024;

/** What fetching a recording from Twilio needs. */
export interface RecordingFetchOptions {
  accountSid: string;
  authToken: string;
  /** Only recordings on this origin (Twilio's API, or the fake in tests) are fetched with credentials. */
  apiOrigin: string;
  dataDir: string;
}

/** Why a recording could not be kept, in words for the agent (no credentials, no URL with secrets). */
export class RecordingNotKept extends Error {}

/**
 * Downloads a finished recording as MP3 (`RecordingUrl` + `.mp3`, the account's basic auth) and
 * keeps it like an upload of the caller's, so the agent plays it from the conversation without a
 * Twilio login. Throws `RecordingNotKept` saying why when it cannot.
 */
export async function keepRecording(
  recordingUrl: string,
  caller: string,
  options: RecordingFetchOptions,
): Promise<Attachment> {
  let url: URL;
  try {
    url = new URL(`${recordingUrl.replace(/\.(mp3|wav|json)$/, '')}.mp3`);
  } catch {
    throw new RecordingNotKept('the recording URL is not a URL');
  }
  // Our credentials go only to Twilio's API, and only for this account's recordings.
  if (
    url.origin !== options.apiOrigin ||
    !url.pathname.includes(`/Accounts/${options.accountSid}/Recordings/`)
  ) {
    throw new RecordingNotKept('the recording is not on the Twilio API of this account');
  }
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization }, signal: AbortSignal.timeout(60_000) });
  } catch {
    throw new RecordingNotKept('Twilio could not be reached');
  }
  if (!response.ok) throw new RecordingNotKept(`Twilio answered ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_RECORDING_BYTES) throw new RecordingNotKept('the recording is larger than 40 MB');
  const sid = /\/Recordings\/(RE\w+)/.exec(url.pathname)?.[1] ?? 'recording';
  const file = await saveUpload(options.dataDir, bytes, {
    ownerKey: `sms:${caller}`,
    name: `${sid}.mp3`,
    sniff: sniffRecordingType,
  });
  if (!file) throw new RecordingNotKept('Twilio did not send audio');
  return file;
}
