import fs from 'node:fs/promises';
import path from 'node:path';
import type { RecordingType } from '../uploads/recording-sniffer';
import type { UploadType } from './file-sniffer';

/** What is kept next to each uploaded file, as `<id>.json`. */
export interface UploadRecord {
  /** A customer's file type, or a call recording's (fetched from Twilio, never uploaded). */
  mimeType: UploadType | RecordingType;
  name: string;
  size: number;
  /** The conversation key of the widget session that uploaded it: only it (and agents) may read it. */
  ownerKey: string;
  createdAt: number;
  /** When a message first carried it; a web upload never attached is deleted after a day. */
  claimedAt?: number;
}

const DAY_MS = 24 * 3600 * 1000;
const UPLOAD_URL = /^\/uploads\/([A-Za-z0-9_-]{22})$/;

/** The folder all uploads (widget, Telegram, MMS) live in. */
export const uploadFolder = (dataDir: string): string => path.join(dataDir, 'uploads');

/** Reads an upload's record; undefined when it does not exist or cannot be read. */
export async function readUploadRecord(dataDir: string, id: string): Promise<UploadRecord | undefined> {
  try {
    return JSON.parse(
      await fs.readFile(path.join(uploadFolder(dataDir), `${id}.json`), 'utf8'),
    ) as UploadRecord;
  } catch {
    return undefined;
  }
}

/**
 * Marks the widget uploads a message carries as attached; false (nothing marked) when any of them
 * is missing or belongs to another session, so a customer can attach only their own files.
 */
export async function claimUploads(
  dataDir: string,
  urls: readonly string[],
  ownerKey: string,
  now: number = Date.now(),
): Promise<boolean> {
  const found: { id: string; record: UploadRecord }[] = [];
  for (const url of urls) {
    const id = UPLOAD_URL.exec(url)?.[1];
    const record = id ? await readUploadRecord(dataDir, id) : undefined;
    if (!id || !record || record.ownerKey !== ownerKey) return false;
    found.push({ id, record });
  }
  for (const { id, record } of found) {
    if (record.claimedAt !== undefined) continue;
    const file = path.join(uploadFolder(dataDir), `${id}.json`);
    await fs.writeFile(file, JSON.stringify({ ...record, claimedAt: now }), { mode: 0o600 });
  }
  return true;
}

/**
 * Deletes uploads past `retentionDays`, and widget uploads never attached to a message after a day
 * (UPLOAD_RETENTION_DAYS in the README). Files without a readable record are left to the operator.
 * Resolves with how many files were deleted.
 */
export async function sweepUploads(
  dataDir: string,
  options: { retentionDays: number; now?: number },
): Promise<number> {
  const now = options.now ?? Date.now();
  const folder = uploadFolder(dataDir);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  let deleted = 0;
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const id = name.slice(0, -'.json'.length);
    const record = await readUploadRecord(dataDir, id);
    if (!record) continue;
    const age = now - record.createdAt;
    const unclaimedWidgetUpload = record.ownerKey.startsWith('w_') && record.claimedAt === undefined;
    if (age > options.retentionDays * DAY_MS || (unclaimedWidgetUpload && age > DAY_MS)) {
      await fs.rm(path.join(folder, id), { force: true });
      await fs.rm(path.join(folder, name), { force: true });
      deleted += 1;
    }
  }
  return deleted;
}
