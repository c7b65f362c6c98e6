import { done, type Flow } from '../src/engine/flow';
import { textsFor } from '../src/i18n/translate';
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
    const t = textsFor(context.conversation);
    await context.say({
      text: t('decline.complaint'),
      quickReplies: [
        { label: t('menu.report'), value: 'I want to report a problem' },
        { label: t('menu.person'), value: 'Human' },
      ],
    });
    return done;
  },
};
