import { z } from 'zod';
import { spokenTextsTranslation } from './phone-line-schema';

const text = z.string().min(1);
const level = z.object({ label: text, example: text }).partial().strict();

/**
 * The policy file's customer-facing texts in one more language (`texts.es`): any of them, each
 * falling back to the English one when left out. Numbers, hours, addresses and the phrases that
 * detect situations are not texts and stay where they are.
 */
export const policyTextsSchema = z
  .object({
    categories: z.object({ platform: text, operational: text }).partial().strict(),
    severities: z
      .object({ P0: level, P1: level, P2: level, P3: level, P4: level, P5: level })
      .partial()
      .strict(),
    /** The non-critical situations' names, in the order of `nonCritical.situations`. */
    nonCritical: z
      .object({ situations: z.array(z.object({ name: text }).partial().strict()) })
      .partial()
      .strict(),
    callIds: z.object({ whereToFind: text }).partial().strict(),
    contacts: z.object({ phone: text, ticketsHint: text }).partial().strict(),
    misreporting: text,
    callIdMeaning: text,
    nocOnDemand: z.object({ description: text }).partial().strict(),
    nocAsAService: z.object({ description: text }).partial().strict(),
    escalationLines: z.array(z.object({ name: text, who: text }).partial().strict()).max(3),
    /** What the phone line says to a caller in this language (not the engineer's whispers). */
    phoneLine: z.object({ texts: spokenTextsTranslation }).partial().strict(),
  })
  .partial()
  .strict();

/** One language's policy texts, as the policy file gives them. */
export type PolicyTexts = z.infer<typeof policyTextsSchema>;
