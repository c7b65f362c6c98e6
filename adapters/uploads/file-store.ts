import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '../../src/model/message';
import { sniffUploadType } from '../web/file-sniffer';
import type { UploadRecord } from '../web/upload-records';

/**
 * Keeps a file a customer sent on a channel (Telegram photo or document, MMS screenshot) exactly
 * the way the web widget's upload route keeps its files (adapters/web/upload-routes.ts):
 * `DATA_DIR/uploads/<22-char id>` plus a `<id>.json` record, so `GET /uploads/<id>` serves it to
 * signed-in agents. The type is sniffed from the bytes; a file of a type the console does not
 * serve (not an image, PDF or text) is not kept and `undefined` is returned.
 * `ownerKey` names the channel and chat, so no web widget session can ever read the file.
 */
export async function saveUpload(
  dataDir: string,
  bytes: Buffer,
  meta: {
    ownerKey: string;
    name?: string;
    now?: number;
    /** How the type is read from the bytes; customers' file types unless the caller fetched something else. */
    sniff?: (bytes: Buffer) => UploadRecord['mimeType'] | undefined;
  },
): Promise<Attachment | undefined> {
  const mimeType = (meta.sniff ?? sniffUploadType)(bytes);
  if (!mimeType) return undefined;
  const folder = path.join(dataDir, 'uploads');
  await fs.mkdir(folder, { recursive: true });
  const id = randomBytes(16).toString('base64url');
  const cleanName = (meta.name ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what we strip
    .replace(/[\u0000-\u001f\u007f/\\]/g, '')
    .trim()
    .slice(0, 120);
  const name = cleanName || `upload.${mimeType.split('/')[1] ?? 'bin'}`;
  const record = {
    mimeType,
    name,
    size: bytes.length,
    ownerKey: meta.ownerKey,
    createdAt: meta.now ?? Date.now(),
  };
  await fs.writeFile(path.join(folder, id), bytes, { mode: 0o600 });
  await fs.writeFile(path.join(folder, `${id}.json`), JSON.stringify(record), { mode: 0o600 });
  return {
    kind: mimeType.startsWith('image/') ? 'image' : 'file',
    url: `/uploads/${id}`,
    name,
    mimeType,
    size: bytes.length,
  };
}
