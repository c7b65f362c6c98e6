import { readComment, readRating } from '../../src/satisfaction/read-rating';
import type { Understander } from '../../src/understanding/understander';
import { productUnderstanding } from '../support/understanding';

describe('reading the answer to "how did we do?"', () => {
  let understander: Understander;
  beforeAll(() => {
    understander = productUnderstanding();
  });
  const read = async (text: string) => readRating(text, await understander.understand(text, new Date()));
  const comment = async (text: string) => readComment(text, await understander.understand(text, new Date()));

  it.each([
    ['4', 4, true],
    ['2.', 2, false],
    ['five', 5, true],
    ['3 stars', 3, false],
    ['⭐⭐⭐⭐', 4, true],
  ])('reads a lone score: %s', async (text, score, satisfied) => {
    expect(await read(text)).toEqual({ kind: 'rating', score, satisfied });
  });

  it.each([
    ['honestly I would give you a 5, the engineer found the routing fault quickly', 5, true],
    ['4/5, it took a while but you got there', 4, true],
    ['1 out of 5 - nobody answered for an hour', 1, false],
    ['5 - quick and friendly', 5, true],
    ['rating: 2, I had to explain the problem twice', 2, false],
  ])('reads a score inside a sentence and keeps the sentence: %s', async (text, score, satisfied) => {
    expect(await read(text)).toEqual({ kind: 'rating', score, satisfied, comment: text });
  });

  it.each([
    ['good', true],
    ['excellent support', true],
    ['very helpful, thank you', true],
    ['not helpful at all', false],
    ['that was useless', false],
    ['terrible', false],
  ])('reads how the customer felt when there is no score: %s', async (text, satisfied) => {
    const reading = await read(text);
    expect(reading).toMatchObject({ kind: 'rating', satisfied });
    expect(reading.kind === 'rating' && reading.score).toBeFalsy();
  });

  it.each([
    'how do I add a second SIP trunk?',
    'my calls to Madrid fail with 503',
    '2 of our trunks are down since noon',
    'Human',
    'what is the price of enhanced support?',
  ])('leaves anything else to the bot: %s', async (text) => {
    expect(await read(text)).toEqual({ kind: 'other' });
  });

  it('takes "no thanks" as declining to rate', async () => {
    expect(await read('no thanks')).toEqual({ kind: 'declined' });
  });

  it('takes a follow-up remark as the comment, and a question or a new problem as something else', async () => {
    expect(await comment('the wait before someone picked it up was long')).toBe('comment');
    expect(await comment('no thanks')).toBe('declined');
    expect(await comment('how do I export my CDRs?')).toBe('other');
    expect(await comment('now calls to Lisbon are failing as well')).toBe('other');
  });
});
