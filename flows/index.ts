import type { Flow } from '../src/engine/flow';
import { answerFromDocs } from './answer-from-docs';
import { complaint } from './complaint';
import { confirmFix } from './confirm-fix';
import { enhancedSupportLead } from './enhanced-support-lead';
import { greeting } from './greeting';
import { outOfScope } from './out-of-scope';
import { policyAnswers } from './policy-answers';
import { reportProblem } from './report-problem';
import { respectfulCommunication } from './respectful-communication';
import { satisfaction } from './satisfaction';

/** The flows every channel runs, in the order they are tried; answering from the docs comes last. */
export function defaultFlows(): Flow[] {
  return [
    respectfulCommunication,
    satisfaction,
    greeting,
    policyAnswers,
    enhancedSupportLead,
    outOfScope,
    complaint,
    reportProblem,
    confirmFix,
    answerFromDocs,
  ];
}
