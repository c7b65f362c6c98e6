/**
 * The file types customers may upload: screenshots, PDFs, plain-text logs, and screen recordings
 * (the policy's best way to show an interface problem).
 */
export const UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'video/mp4',
  'video/webm',
  'video/quicktime',
] as const;

/** Whether an accepted type is a video (videos have their own, larger size limit). */
export function isVideoType(type: string): boolean {
  return type.startsWith('video/');
}

/** One of the accepted upload types. */
export type UploadType = (typeof UPLOAD_TYPES)[number];

const startsWith = (bytes: Buffer, signature: number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/**
 * The type a file really is, from its first bytes (never from what the browser claimed), or
 * undefined when it is none of the accepted types. Plain text is valid UTF-8 with no NUL byte.
 */
export function sniffUploadType(bytes: Buffer): UploadType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  const video = sniffVideo(bytes);
  if (video) return video;
  if (bytes.length > 0 && !bytes.includes(0) && isUtf8(bytes)) return 'text/plain';
  return undefined;
}

/** ISO base media ("ftyp" box first: MP4, or QuickTime by its brand) and WebM (EBML, doctype webm). */
function sniffVideo(bytes: Buffer): UploadType | undefined {
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = bytes.subarray(8, 12).toString('latin1');
    if (brand === 'qt  ') return 'video/quicktime';
    // The common MP4 brands; other ISO media (HEIC images, 3GP, JPEG 2000) is not accepted.
    return /^(isom|iso[2-9]|mp41|mp42|avc1|dash|M4V |mmp4|f4v )$/.test(brand) ? 'video/mp4' : undefined;
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // The DocType element (0x42 0x82) sits in the first few dozen bytes of the EBML header.
    const header = bytes.subarray(0, 64);
    const at = header.indexOf(Buffer.from([0x42, 0x82]));
    return at >= 0 && header.subarray(at + 3, at + 7).toString('latin1') === 'webm'
      ? 'video/webm'
      : undefined;
  }
  return undefined;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
