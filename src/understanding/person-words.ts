/**
 * General English words for a person or the role a person holds. On a telephony platform they mean
 * two things: the customer asking for one of ours ("can I talk to a person"), or people in the
 * customer's own world ("our 50 agents", "send callers to a human", "does it sound human"). A
 * message that uses one is judged by a classifier trained only on such messages (see
 * `Understander`), where the word itself tells nothing and the words around it decide.
 */
export const PERSON_WORDS: readonly string[] = [
  'human',
  'humans',
  'person',
  'persons',
  'people',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'agent',
  'agents',
  'operator',
  'operators',
  'rep',
  'reps',
  'representative',
  'representatives',
  'staff',
  'staffer',
  'engineer',
  'engineers',
  'technician',
  'technicians',
  'tech',
  'techs',
  'manager',
  'managers',
  'supervisor',
  'supervisors',
  'colleague',
  'colleagues',
  'receptionist',
  'receptionists',
  'specialist',
  'specialists',
  'advisor',
  'adviser',
  'advisors',
  'consultant',
  'consultants',
  'employee',
  'employees',
  'worker',
  'workers',
];

const personWords = new Set(PERSON_WORDS);

/** Whether a message uses a word for a person (whole words, any case). */
export function mentionsPerson(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((word) => personWords.has(word));
}

/** Whether a message that mentions a person asks for one of ours, or something else. */
export type PersonTalk = 'handoff.request' | 'other';

/** The training set of the person-talk classifier: every corpus example that mentions a person. */
export function personTalkExamples(
  examples: readonly { text: string; label: string }[],
): { text: string; label: PersonTalk }[] {
  return examples
    .filter((e) => mentionsPerson(e.text))
    .map((e) => ({ text: e.text, label: e.label === 'handoff.request' ? 'handoff.request' : 'other' }));
}

/**
 * The person-talk model's weight in the request probability of a message that mentions a person
 * (the general model has the rest). Chosen by cross-validation (`cross-validate-person-talk.ts`):
 * on the 453 corpus examples that mention a person, 0.3 decided 96.0% right (0.2 ties, with one
 * more missed request), the general model alone 95.1%, the person-talk model alone 92.5%; 0.1-0.5
 * are all within five examples of each other, so the choice moves as the corpus grows (it was 0.5
 * before the question-form feature), and `npm run nlu:eval` prints the whole comparison.
 */
export const PERSON_TALK_WEIGHT = 0.3;

/** Combines the general model's and the person-talk model's probability of a request. */
export function personTalkRequest(general: number, personTalk: number, weight = PERSON_TALK_WEIGHT): number {
  return (1 - weight) * general + weight * personTalk;
}
