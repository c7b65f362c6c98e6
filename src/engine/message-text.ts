import { ValidationError } from '../errors';
import type { Attachment } from '../model/message';

/**
 * The text of a customer or agent message, trimmed, or a `ValidationError`: it must be a string,
 * not empty unless files come with it, and no longer than `maxLength`.
 */
export function validMessageText(
  text: unknown,
  attachments: Attachment[] | undefined,
  maxLength: number,
): string {
  if (typeof text !== 'string') throw new ValidationError('Message text must be a string');
  const trimmed = text.trim();
  if (trimmed.length === 0 && !attachments?.length) throw new ValidationError('Message is empty', 'empty');
  if (trimmed.length > maxLength) {
    throw new ValidationError(`Message is longer than ${maxLength} characters`, 'too_long');
  }
  return trimmed;
}
