import { stemmer as stem } from 'stemmer';
import { indexTerms } from '../../src/knowledge/text-terms';

describe('how customer words meet the docs', () => {
  it('conflates word forms with the Porter stemmer', () => {
    expect(['configure', 'configured', 'configuration'].map(stem)).toEqual([
      'configur',
      'configur',
      'configur',
    ]);
    expect(['routing', 'routes'].map(stem)).toEqual(['rout', 'rout']);
  });

  it('keeps the phone-number DID apart from the verb "did"', () => {
    expect(indexTerms('Assign a DID to the customer')).toContain(stem('didnumber'));
    expect(indexTerms('how did it fail')).not.toContain(stem('didnumber'));
    expect(indexTerms('bulk uploading dids')).toContain(stem('didnumber'));
  });

  it('keeps audio recordings apart from call detail records', () => {
    const recording = indexTerms('where can I listen to call recordings');
    const cdr = indexTerms('Call Detail Record');
    expect(recording.some((term) => cdr.includes(term) && term !== 'call')).toBe(false);
    expect(indexTerms('record all calls for one customer')).toEqual(
      indexTerms('callrecording all calls for one customer'),
    );
  });
});
