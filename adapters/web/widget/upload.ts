import type { Attachment } from '../../../src/model/message';

/** Largest file other than a video the server accepts (it checks too, and sets the video limit). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Header carrying the widget's session token on upload and download requests. */
export const TOKEN_HEADER = 'X-Chat-Token';

/**
 * Sends one file to `POST /api/chat/uploads`, authorised by the widget's session token, and
 * returns the attachment to put on the next message. Throws an Error with a message to show.
 */
export async function uploadFile(server: string, token: string, file: File): Promise<Attachment> {
  if (!file.type.startsWith('video/') && file.size > MAX_UPLOAD_BYTES) {
    throw new Error('That file is larger than 5 MB.');
  }
  const response = await fetch(`${server}/api/chat/uploads`, {
    method: 'POST',
    headers: {
      'Content-Type': file.type || 'application/octet-stream',
      [TOKEN_HEADER]: token,
      'X-File-Name': encodeURIComponent(file.name.slice(0, 200)),
    },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as {
    attachment?: Attachment;
    error?: { message?: string };
  };
  if (!response.ok || !body.attachment) {
    throw new Error(body.error?.message ?? 'The upload failed; please try again.');
  }
  return body.attachment;
}

/** Fetches an uploaded file with the session token and returns a local URL for an `<img>` or a link. */
export async function fetchOwnUpload(server: string, token: string, url: string): Promise<string> {
  const response = await fetch(`${server}${url}`, { headers: { [TOKEN_HEADER]: token } });
  if (!response.ok) throw new Error(`download failed: ${response.status}`);
  return URL.createObjectURL(await response.blob());
}
