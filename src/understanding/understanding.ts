import type { SeverityName } from '../policy/policy-schema';
import type { IntentName } from './intents';

/** One intent the step considered, with how sure it is (0-1; the ranked list sums to at most 1). */
export interface RankedIntent {
  intent: IntentName;
  confidence: number;
}

/** A severity suggested by the customer's words, to be confirmed by the customer. */
export interface SeverityCue {
  severity: SeverityName;
  confidence: number;
}

/** What a message says beyond its intent. */
export interface Entities {
  /** SIP Call-IDs, as pasted. */
  callIds: string[];
  /** A severity the customer named outright ("P2", "severity 3"). */
  severity?: SeverityName;
  /** A severity their description suggests ("all our calls fail"). */
  severityCue?: SeverityCue;
  /** Platform or operational, named outright. */
  category?: 'platform' | 'operational';
  /** Platform or operational, as the description suggests (to be confirmed). */
  categoryCue?: 'platform' | 'operational';
  /** When it started or happened, in the customer's words ("since this morning", "after the 14:00 change"). */
  when?: string;
  emails: string[];
  phones: string[];
  /** Ticket ids such as T-7K3Q9. */
  ticketIds: string[];
}

/** How the step reached its answer. */
export type UnderstandingSource = 'command' | 'model' | 'chat-model';

/** What the understanding step made of one customer message. */
export interface Understanding {
  /** The best intent, or undefined when nothing was recognised at all. */
  intent: IntentName | undefined;
  confidence: number;
  /** Every intent considered, best first. */
  ranked: RankedIntent[];
  entities: Entities;
  source: UnderstandingSource;
  /** Further intents of the same kind asked in other parts of the message ("hours, and your SMS number?"). */
  alsoAsked?: IntentName[];
  /**
   * What each sentence or clause of the message says on its own ("how do I fix one-way audio? they
   * fail": a docs question, and a report in its last clause), at the part confidence chosen for
   * finding a second question (`ALSO_ASKED`).
   */
  inParts?: IntentName[];
  /** Set when two intents are too close to choose: the bot should ask which one is meant. */
  ambiguous?: [IntentName, IntentName];
  /** A problem report said in frustration ("calls failing AGAIN"): acknowledge it before the questions. */
  frustrated?: boolean;
}

/** The confidence this understanding gives one intent (0 when it was not considered). */
export function confidenceOf(understanding: Understanding, intent: IntentName): number {
  return understanding.ranked.find((r) => r.intent === intent)?.confidence ?? 0;
}

/** Whether the best intent is `intent` and at least this sure. */
export function means(understanding: Understanding, intent: IntentName, atLeast = 0): boolean {
  return understanding.intent === intent && understanding.confidence >= atLeast;
}

/** Entities of a message that names none. */
export function noEntities(): Entities {
  return { callIds: [], emails: [], phones: [], ticketIds: [] };
}

/** An understanding with no intent (empty text, an attachment alone). */
export function nothingUnderstood(entities: Entities = noEntities()): Understanding {
  return { intent: undefined, confidence: 0, ranked: [], entities, source: 'model' };
}
