import { crossValidate } from './cross-validate';
import { IntentClassifier, type LabelledExample } from './intent-classifier';
import { mentionsPerson, personTalkExamples } from './person-words';

/** Ways to combine the general model's and the person-talk model's probability of a request. */
export const PERSON_TALK_RULES = {
  'general model alone': (general: number) => general,
  'person-talk model alone': (_general: number, personTalk: number) => personTalk,
  'mean of the two (the product)': (general: number, personTalk: number) => (general + personTalk) / 2,
} satisfies Record<string, (general: number, personTalk: number) => number>;

/** How often each rule decided right, on held-out examples that mention a person. */
export interface PersonTalkCrossValidation {
  examples: number;
  rules: Record<keyof typeof PERSON_TALK_RULES, { correct: number; falseHandoffs: number; missed: number }>;
}

/**
 * k-fold cross-validation of the decision "is this a request for a person?" on the corpus examples
 * that mention one (the ones where it is hard): both models train on the other folds, and each rule
 * decides at 0.5.
 */
export function crossValidatePersonTalk(
  examples: readonly LabelledExample[],
  k = 5,
): PersonTalkCrossValidation {
  const labels = new Map(examples.map((e) => [e.text, e.label]));
  const rules = Object.fromEntries(
    Object.keys(PERSON_TALK_RULES).map((name) => [name, { correct: 0, falseHandoffs: 0, missed: 0 }]),
  ) as PersonTalkCrossValidation['rules'];
  let judged = 0;
  crossValidate(
    examples,
    (train) => {
      const general = IntentClassifier.train(train);
      const personTalk = IntentClassifier.train(personTalkExamples(train));
      return (text) => {
        if (!mentionsPerson(text)) return undefined;
        judged += 1;
        const g = general.classify(text).find((s) => s.label === 'handoff.request')?.confidence ?? 0;
        const p = personTalk.classify(text).find((s) => s.label === 'handoff.request')?.confidence ?? 0;
        const asked = labels.get(text) === 'handoff.request';
        for (const [name, rule] of Object.entries(PERSON_TALK_RULES)) {
          const tally = rules[name as keyof typeof PERSON_TALK_RULES];
          const decided = rule(g, p) >= 0.5;
          if (decided === asked) tally.correct += 1;
          else if (decided) tally.falseHandoffs += 1;
          else tally.missed += 1;
        }
        return undefined;
      };
    },
    k,
  );
  return { examples: judged, rules };
}
