import { extractPassage } from '../../src/knowledge/passage';
import type { AnalyzedQuery } from '../../src/knowledge/query-analyzer';
import { indexTerms } from '../../src/knowledge/text-terms';

/** A query of the customer's own words, each at weight 1. */
function query(text: string): AnalyzedQuery {
  const ownTerms = indexTerms(text);
  return { terms: new Map(ownTerms.map((term) => [term, 1])), ownTerms, alternatives: new Map() };
}

describe('the passage of a section that answers a question', () => {
  const section = [
    'Each extension has its own voicemail box. Calls can also go elsewhere. To forward a call,',
    '1. Open Extensions and pick the extension.',
    '2. Choose Forwarding and enter the number.',
    '3. Save.',
    'Forwarded calls are charged per minute.',
  ].join('\n');

  it('gives numbered steps whole, with a lead-in that ends in a comma, never the lead-in alone', () => {
    expect(extractPassage(section, query('how do I forward a call'))).toBe(
      [
        'To forward a call,',
        '1. Open Extensions and pick the extension.',
        '2. Choose Forwarding and enter the number.',
        '3. Save.',
      ].join('\n'),
    );
  });

  it('keeps a lead-in that ends in a colon, and a sentence before steps that leads into nothing', () => {
    const colon = section.replace('To forward a call,', 'To forward a call:');
    expect(extractPassage(colon, query('forward a call'))).toMatch(
      /^To forward a call:\n1\. Open Extensions/,
    );
    const statement = section.replace(' To forward a call,', '');
    expect(extractPassage(statement, query('voicemail box of an extension'))).toMatch(
      /^Each extension has its own voicemail box\./,
    );
  });
});
