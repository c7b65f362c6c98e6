import type { TranscriptMessage } from '../../src/model/message';
import { countSegments, plainPunctuation, splitForSms } from './sms-segments';

/** Every outgoing SMS part fits in two segments (306 GSM-7 characters). */
export const SEGMENTS_PER_PART = 2;

/**
 * The SMS texts that carry a transcript message. A docs answer becomes its one-line summary plus
 * the page link, within two segments; anything else (agent replies, notices) is split on word
 * boundaries into numbered parts of at most two segments each.
 */
export function renderForSms(message: TranscriptMessage): string[] {
  const link = message.citations?.[0]?.url;
  if (message.summary && link) return [summaryWithLink(plainPunctuation(message.summary), link)];
  return splitForSms(plainPunctuation(message.text), SEGMENTS_PER_PART);
}

function summaryWithLink(summary: string, link: string): string {
  const words = summary.replace(/\s+/g, ' ').trim().split(' ');
  let line = words.join(' ');
  while (words.length > 0 && countSegments(`${line} ${link}`).segments > SEGMENTS_PER_PART) {
    words.pop();
    line = `${words.join(' ').replace(/[,;:.]$/, '')}...`;
  }
  return words.length > 0 ? `${line} ${link}` : link;
}
