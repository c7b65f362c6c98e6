import type { Flow } from '../src/engine/flow';
import { answerFromDocs } from './answer-from-docs';
import { greeting } from './greeting';

/** The flows every channel runs, in the order they are tried; answering from the docs comes last. */
export function defaultFlows(): Flow[] {
  return [greeting, answerFromDocs];
}
