import path from 'node:path';
import { loadUnderstander } from '../../src/understanding/load-understander';
import type { Understander } from '../../src/understanding/understander';

const root = path.resolve(__dirname, '../..');

/** The product's understanding step, trained from `nlu/` (cached like the app does it). */
export function productUnderstanding(): Understander {
  return loadUnderstander({
    corpusDir: path.join(root, 'nlu'),
    cacheDir: path.join(root, 'node_modules', '.cache', 'handoff-nlu'),
  });
}
