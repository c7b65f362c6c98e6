/** The audio types a call recording is kept as (Twilio serves MP3, or WAV when asked). */
export type RecordingType = 'audio/mpeg' | 'audio/wav';

/**
 * The audio type of a downloaded recording from its first bytes, or undefined when it is neither
 * MP3 (an ID3 tag or an MPEG frame sync) nor WAV (RIFF....WAVE). Only server-fetched recordings
 * are sniffed with it: the widget's uploads keep their own, narrower list.
 */
export function sniffRecordingType(bytes: Buffer): RecordingType | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes.toString('latin1', 0, 3) === 'ID3') return 'audio/mpeg';
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return 'audio/mpeg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WAVE') {
    return 'audio/wav';
  }
  return undefined;
}
