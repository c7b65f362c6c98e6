import { crossValidate } from './cross-validate';
import { IntentClassifier, type LabelledExample } from './intent-classifier';
import { isPolicyIntent, type IntentName } from './intents';
import { personTalkExamples } from './person-words';
import { Understander, type AlsoAskedSettings } from './understander';

/** The settings compared: every pair of a part confidence and a whole-message share. */
export const ALSO_ASKED_GRID: readonly AlsoAskedSettings[] = [0.2, 0.3, 0.4, 0.5, 0.6].flatMap(
  (partConfidence) => [0.2, 0.3, 0.4, 0.5, 1].map((share) => ({ partConfidence, share })),
);

/** How the ways people join two questions are imitated. */
const JOINS = [', and ', ' and ', '? also ', '. ', ' + ', ' & ', '? and '];

/** How often one setting answered exactly the facts a message asked. */
export interface AlsoAskedTally {
  settings: AlsoAskedSettings;
  /** Messages joining two questions where both, and only both, were found. */
  pairsExact: number;
  /** Single questions where nothing more was found. */
  singlesExact: number;
}

export interface AlsoAskedCrossValidation {
  pairs: number;
  singles: number;
  tallies: AlsoAskedTally[];
}

/**
 * k-fold cross-validation of finding two policy questions in one message. The corpus has one
 * question per example, so the held-out fold's policy examples are joined two by two (different
 * facts, joined the ways customers do: ", and", "? also", "+"); each single example is also asked
 * alone. A setting is right on a message when the facts it finds are exactly the facts asked.
 */
export function crossValidateAlsoAsked(
  examples: readonly LabelledExample<IntentName>[],
  k = 5,
): AlsoAskedCrossValidation {
  const tallies: AlsoAskedTally[] = ALSO_ASKED_GRID.map((settings) => ({
    settings,
    pairsExact: 0,
    singlesExact: 0,
  }));
  let pairs = 0;
  let singles = 0;
  const labels = new Map(examples.map((e) => [e.text, e.label]));
  crossValidate(
    examples,
    (train) => {
      const models = {
        intents: IntentClassifier.train(train),
        personTalk: IntentClassifier.train(personTalkExamples(train)),
        // Severity and category cues play no part in which facts are found.
        severity: IntentClassifier.train([{ text: 'down', label: 'P0' as const }]),
        category: IntentClassifier.train([{ text: 'platform', label: 'platform' as const }]),
      };
      const understanders = tallies.map((t) => new Understander(models, t.settings));
      const heldOut: LabelledExample<IntentName>[] = [];
      return (text) => {
        const label = labels.get(text);
        if (label && isPolicyIntent(label)) {
          singles += 1;
          understanders.forEach((u, i) => {
            if (sameSet(factsFound(u, text), [label])) tallies[i]!.singlesExact += 1;
          });
          const partner = heldOut.find((e) => e.label !== label);
          if (partner) {
            heldOut.splice(heldOut.indexOf(partner), 1);
            const joined = `${partner.text.replace(/[.?!]+$/, '')}${JOINS[pairs % JOINS.length]}${text}`;
            pairs += 1;
            understanders.forEach((u, i) => {
              if (sameSet(factsFound(u, joined), [partner.label, label])) tallies[i]!.pairsExact += 1;
            });
          } else heldOut.push({ text, label });
        }
        return undefined;
      };
    },
    k,
  );
  return { pairs, singles, tallies };
}

function factsFound(understander: Understander, text: string): IntentName[] {
  const u = understander.understandNow(text);
  return u.intent && isPolicyIntent(u.intent) ? [u.intent, ...(u.alsoAsked ?? [])] : [];
}

function sameSet(a: readonly IntentName[], b: readonly IntentName[]): boolean {
  return a.length === b.length && b.every((x) => a.includes(x));
}
