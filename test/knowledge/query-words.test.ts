import { stemmer as stem } from 'stemmer';
import { DocsIndex } from '../../src/knowledge/docs-index';
import type { DocSection } from '../../src/knowledge/docs-section';
import { sameFamily, termFamilies } from '../../src/knowledge/term-variants';
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

  it('joins the word forms the stemmer leaves apart, and only those', () => {
    const family = (a: string, b: string) => sameFamily(stem(a), stem(b));
    expect(family('registered', 'registration')).toBe(true);
    expect(family('verify', 'verification')).toBe(true);
    expect(family('transcribe', 'transcription')).toBe(true);
    expect(family('dialling', 'dial')).toBe(true);
    expect(family('port', 'portal')).toBe(false);
    expect(family('provision', 'provider')).toBe(false);
    expect(family('call', 'callback')).toBe(false);
    expect(termFamilies(['regist', 'registr', 'port', 'portal']).get('regist')).toEqual(['registr']);
  });

  it('finds a page that uses another form of the customer word', () => {
    const section = (id: number, pagePath: string, pageTitle: string, text: string): DocSection => ({
      id,
      pagePath,
      pageTitle,
      headingPath: [pageTitle],
      url: `https://docs.example.com/${pagePath}`,
      text,
      aliases: [],
    });
    const index = DocsIndex.build(
      [
        section(0, 'phones.md', 'Phones', 'Desk phones and softphones connect to the switch.'),
        section(
          1,
          'registration.md',
          'Registration',
          'The registration list shows each phone and its address.',
        ),
      ],
      new Map(),
    );
    const [best] = index.rankPages(index.analyze('which phones are registered'), 2);
    expect(best?.section.pagePath).toBe('registration.md');
  });

  it('leaves out the words a question is wrapped in: greetings, closings, clock times, ids', () => {
    const section: DocSection = {
      id: 0,
      pagePath: 'invoices.md',
      pageTitle: 'Invoices',
      headingPath: ['Invoices'],
      url: 'https://docs.example.com/invoices.md',
      text: 'Customers download invoices from the portal; SIP 486 means busy.',
      aliases: [],
    };
    const index = DocsIndex.build([section], new Map());
    const plain = index.analyze('where can customers download invoices').ownTerms;
    expect(
      index.analyze('Good morning, where can customers download invoices since 18:52 (account 7077) cheers')
        .ownTerms,
    ).toEqual([...plain, stem('account')]);
    expect(index.analyze('download invoices asap, any idea?').ownTerms).toEqual(
      index.analyze('download invoices').ownTerms,
    );
    expect(index.analyze('translate good morning').ownTerms).toContain(stem('morning'));
    expect(index.analyze('calls fail with 486').ownTerms).toContain('486');
  });
});
