import type { Flow } from '../src/engine/flow';
import { answerFromDocs } from './answer-from-docs';
import { contactsAndHours } from './contacts-and-hours';
import { enhancedSupportLead } from './enhanced-support-lead';
import { greeting } from './greeting';
import { onePerChat } from './one-problem-per-chat';
import { reportProblem } from './report-problem';
import { respectfulCommunication } from './respectful-communication';

/** The flows every channel runs, in the order they are tried; answering from the docs comes last. */
export function defaultFlows(): Flow[] {
  return [
    respectfulCommunication,
    greeting,
    contactsAndHours,
    enhancedSupportLead,
    onePerChat,
    reportProblem,
    answerFromDocs,
  ];
}
