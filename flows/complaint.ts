import { done, type Flow } from '../src/engine/flow';
import { means } from '../src/understanding/understanding';

/** How sure the understanding step must be that a message voices frustration rather than a request. */
const COMPLAINT_CONFIDENCE = 0.5;

/**
 * A frustrated customer who is not abusive gets an apology and a way forward, never a lecture about
 * respectful communication.
 */
export const complaint: Flow = {
  id: 'complaint',
  matches: ({ understanding }) => means(understanding, 'complaint', COMPLAINT_CONFIDENCE),
  async run(context) {
    await context.say({
      text: 'I am sorry about this; I understand it is frustrating. Tell me what is going wrong and I will get it to the team, or type "Human" to reach a person now.',
      quickReplies: [
        { label: 'Report a problem', value: 'I want to report a problem' },
        { label: 'Talk to a person', value: 'Human' },
      ],
    });
    return done;
  },
};
