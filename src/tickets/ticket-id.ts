import { randomInt } from 'node:crypto';

/** Letters and digits a customer cannot mistake for one another when reading an id aloud (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A new ticket id the customer sees and can quote, e.g. `T-7K3Q9`. */
export function newTicketId(): string {
  let id = 'T-';
  for (let i = 0; i < 5; i += 1) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** Finds a ticket id quoted in a message ("about T-7K3Q9"), in any case. */
export function findTicketId(text: string): string | undefined {
  return text.match(/\bT-[2-9A-HJKMNP-Z]{5}\b/i)?.[0]?.toUpperCase();
}
