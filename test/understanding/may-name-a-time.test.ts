import path from 'node:path';
import * as chrono from 'chrono-node';
import { whenItHappened } from '../../src/understanding/entity-extractors';
import { mayNameATime } from '../../src/understanding/may-name-a-time';
import { readTrainingCorpus } from '../../src/understanding/training-corpus';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('the cheap test before chrono-node', () => {
  it('never rejects a text in which chrono finds a date or time (training corpus and written cases)', () => {
    const corpus = readTrainingCorpus(path.join(__dirname, '..', '..', 'nlu'));
    const texts = [
      ...corpus.intents.map((e) => e.text),
      ...corpus.severity.map((e) => e.text),
      'down since yesterday',
      'it broke this morning',
      'calls dropped a few minutes ago',
      'within the hour please',
      'next week is fine',
      'started last night',
      'on the first of march',
      'firstmay it failed',
      'every tuesday evening',
      'half an hour later it came back',
      'for the past couple of days',
      'at noon',
      'by the end of month',
      'thisweekend',
    ];
    const missed = texts.filter((text) => !mayNameATime(text) && chrono.parse(text, NOW).length > 0);
    expect(missed).toEqual([]);
    // The cases written above all hold a time, so the test is not empty.
    expect(texts.slice(-14).every((text) => chrono.parse(text, NOW).length > 0)).toBe(true);
  });

  it('rejects ordinary questions without times, and whenItHappened still finds times', () => {
    expect(mayNameATime('how do I export CDRs to CSV')).toBe(false);
    expect(mayNameATime('can I speak to a human please')).toBe(false);
    expect(mayNameATime('calls failing since 14:05')).toBe(true);
    expect(whenItHappened('calls failing since yesterday', NOW)).toBe('since yesterday');
    expect(whenItHappened('how do I export CDRs to CSV', NOW)).toBeUndefined();
  });
});
