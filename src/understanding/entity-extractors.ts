import * as chrono from 'chrono-node';
import { SEVERITIES, type SeverityName } from '../policy/policy-schema';
import { parseCallIds } from './call-ids';
import { mayNameATime } from './may-name-a-time';
import type { Entities } from './understanding';

// Entities are formats, not language: a Call-ID, "P2", an e-mail address or a ticket id look the
// same whoever writes them, so patterns find them. What the words *mean* is learned (intents,
// severity and category cues); only the outright names are read here.

const EXPLICIT_SEVERITY =
  /\b(?:p\s?([0-5])|(?:severity|sev|priority|prio|level)\s*(?:is\s*|of\s*|=\s*|:\s*)?p?([0-5]))\b/i;
const EMAIL = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[a-z]{2,}/gi;
const PHONE = /(?<![\w@.])\+?\d[\d\s().-]{6,}\d(?![\w@])/g;
const TICKET_ID = /\bT-[0-9A-Z]{5}\b/gi;
const CATEGORY = /\b(platform|operational)\b/i;

/** The severity the customer named outright ("P2", "sev 3", "priority 1"). */
export function explicitSeverity(text: string): SeverityName | undefined {
  return namedSeverities(text)[0];
}

/** Every severity the customer named outright, in order ("is this P1 or P2?"). */
export function namedSeverities(text: string): SeverityName[] {
  const found = [...text.matchAll(new RegExp(EXPLICIT_SEVERITY.source, 'gi'))].map(
    (match) => SEVERITIES[Number(match[1] ?? match[2])]!,
  );
  return [...new Set(found)];
}

/** When something started, as the customer put it: the first date or time chrono-node finds. */
export function whenItHappened(text: string, now: Date): string | undefined {
  if (!mayNameATime(text)) return undefined;
  const found = chrono.parse(text, now, { forwardDate: false })[0];
  if (!found) return undefined;
  // Keep the words around the time that say how it relates ("since", "after the", "until").
  const before = text
    .slice(0, found.index)
    .match(/\b(since|from|after( the)?|before( the)?|at|around|until|starting)\s*$/i);
  const after = text
    .slice(found.index + found.text.length)
    .match(/^\s*(change|update|deploy\w*|maintenance|upgrade)\b/i);
  return `${before?.[0] ?? ''}${found.text}${after?.[0] ?? ''}`.trim();
}

/** Every entity the patterns find in a message; the learned cues are added by the understander. */
export function extractEntities(text: string, now: Date = new Date()): Entities {
  const { plausible } = parseCallIds(text);
  const emails = [...new Set(text.match(EMAIL) ?? [])];
  const withoutEmails = emails.reduce((rest, email) => rest.split(email).join(' '), text);
  const phones = [...new Set((withoutEmails.match(PHONE) ?? []).map((p) => p.trim()))].filter(
    (p) => p.replace(/\D/g, '').length >= 8 && !plausible.some((id) => id.includes(p)),
  );
  const severity = explicitSeverity(text);
  const category = text.match(CATEGORY)?.[1]?.toLowerCase() as Entities['category'];
  const when = whenItHappened(text, now);
  return {
    callIds: plausible.filter((id) => !emails.includes(id)),
    emails,
    phones,
    ticketIds: [...new Set((text.match(TICKET_ID) ?? []).map((t) => t.toUpperCase()))],
    ...(severity && { severity }),
    ...(category && { category }),
    ...(when && { when }),
  };
}
