import { answerMessage, declineMessage } from '../../flows/answer-from-docs';
import type { KnowledgeAnswer } from '../../src/knowledge/knowledge-base';

const hit = {
  pagePath: 'guides/callid.md',
  pageTitle: 'Call-ID',
  headingPath: ['Call-ID', 'Find a Call-ID'],
  url: 'https://docs.example.com/guides/callid/#find-a-call-id',
  text: 'Open Logging, click the call and copy the Call-ID. It is shown on the right.',
  score: 3,
};
const answer = (confidence: number): KnowledgeAnswer => ({
  kind: 'answer',
  confidence,
  hits: [hit],
  passage: hit.text,
});

describe('answers from the docs, as the customer reads them', () => {
  it('quotes the passage and cites the section with its link', () => {
    const message = answerMessage(answer(0.9), 'ans_1');
    expect(message.text).toBe(
      'Open Logging, click the call and copy the Call-ID. It is shown on the right.\n\nFrom the docs: Call-ID › Find a Call-ID\nhttps://docs.example.com/guides/callid/#find-a-call-id',
    );
    expect(message.citations).toEqual([{ title: 'Call-ID › Find a Call-ID', url: hit.url }]);
    expect(message.summary).toBe('Open Logging, click the call and copy the Call-ID.');
    expect(message.answerId).toBe('ans_1');
  });

  it('says so when the match is weak instead of presenting it as the answer', () => {
    const message = answerMessage(answer(0.55), 'ans_2');
    expect(message.text).toMatch(/^I am not sure this answers your question/);
    expect(message.summary).toMatch(/^Maybe: /);
  });

  it('names up to two other pages after the source, one line each, none far below the best', () => {
    const page = (path: string, title: string, score: number, heading?: string) => ({
      ...hit,
      pagePath: `${path}.md`,
      pageTitle: title,
      headingPath: heading ? [title, heading] : [title],
      url: `https://docs.example.com/${path}/${heading ? `#${heading.toLowerCase()}` : ''}`,
      score,
    });
    const hits = [
      hit,
      { ...hit, url: 'https://docs.example.com/guides/callid/#other', score: 2.9 },
      page('logging', 'Logging', 2, 'Search'),
      page('latest-calls', 'Latest Calls', 0.8),
      page('billing', 'Billing', 0.7),
      page('rates', 'Rates', 0.5),
    ];
    const message = answerMessage({ ...answer(0.9), hits }, 'ans_3');
    expect(message.text).toBe(
      [
        hit.text,
        '',
        'From the docs: Call-ID › Find a Call-ID',
        hit.url,
        '',
        'Related pages:',
        '- Logging: https://docs.example.com/logging/#search',
        '- Latest Calls: https://docs.example.com/latest-calls/',
      ].join('\n'),
    );
    expect(message.citations?.map((c) => c.url)).toEqual([
      hit.url,
      'https://docs.example.com/logging/#search',
      'https://docs.example.com/latest-calls/',
    ]);
    // A quarter of the best is the floor: a page below it is a guess and is not named.
    const lone = answerMessage({ ...answer(0.9), hits: [hit, page('rates', 'Rates', 0.7)] }, 'ans_4');
    expect(lone.text).not.toContain('Related pages');
    expect(lone.citations).toHaveLength(1);
    expect(lone.summary).toBe(message.summary);
  });

  it('declines honestly and offers a human, with the closest page only when there is one worth showing', () => {
    const weak = declineMessage({ kind: 'decline', confidence: 0.3, hits: [hit] });
    expect(weak.text).toContain('Type "Human"');
    expect(weak.text).toContain(hit.url);
    const none = declineMessage({ kind: 'decline', confidence: 0.05, hits: [hit] });
    expect(none.text).not.toContain(hit.url);
  });
});
