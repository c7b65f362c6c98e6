import { crossValidate } from './cross-validate';
import { IntentClassifier, type LabelledExample } from './intent-classifier';
import { mentionsPerson, personTalkExamples, personTalkRequest } from './person-words';

/** The weights the cross-validation compares: 0 is the general model alone, 1 the person-talk model alone. */
export const PERSON_TALK_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1] as const;

/** How often each rule decided right, on held-out examples that mention a person. */
export interface PersonTalkCrossValidation {
  examples: number;
  /** Per weight of the person-talk model. */
  byWeight: Map<number, { correct: number; falseHandoffs: number; missed: number }>;
}

/**
 * k-fold cross-validation of the decision "is this a request for a person?" on the corpus examples
 * that mention one (the ones where it is hard): both models train on the other folds, and each
 * weighting decides at 0.5. `trainGeneral` trains the general model of a fold (a caller that has
 * cross-validated the general model on the same folds may hand back the models it trained).
 */
export function crossValidatePersonTalk(
  examples: readonly LabelledExample[],
  k = 5,
  trainGeneral: (train: readonly LabelledExample[]) => IntentClassifier = (train) =>
    IntentClassifier.train(train),
): PersonTalkCrossValidation {
  const labels = new Map(examples.map((e) => [e.text, e.label]));
  const byWeight: PersonTalkCrossValidation['byWeight'] = new Map(
    PERSON_TALK_WEIGHTS.map((weight) => [weight, { correct: 0, falseHandoffs: 0, missed: 0 }]),
  );
  let judged = 0;
  crossValidate(
    examples,
    (train) => {
      const general = trainGeneral(train);
      const personTalk = IntentClassifier.train(personTalkExamples(train));
      return (text) => {
        if (!mentionsPerson(text)) return undefined;
        judged += 1;
        const g = general.classify(text).find((s) => s.label === 'handoff.request')?.confidence ?? 0;
        const p = personTalk.classify(text).find((s) => s.label === 'handoff.request')?.confidence ?? 0;
        const asked = labels.get(text) === 'handoff.request';
        for (const [weight, tally] of byWeight) {
          const decided = personTalkRequest(g, p, weight) >= 0.5;
          if (decided === asked) tally.correct += 1;
          else if (decided) tally.falseHandoffs += 1;
          else tally.missed += 1;
        }
        return undefined;
      };
    },
    k,
  );
  return { examples: judged, byWeight };
}
