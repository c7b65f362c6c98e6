import path from 'node:path';
import { loadKnowledgeBase, summarize, toGsm7, type LoadedKnowledgeBase } from '../../src/knowledge';

/** The project's own default knowledge base (the support policy), as shipped in kb/. */
const KB_DIR = path.join(__dirname, '..', '..', 'kb');
const BASE = 'https://support.example.com';
const GSM7_ONLY = /^[A-Za-z0-9 @£$¥èéùìòÇØøÅåÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà_]*$/;

describe('answers from the default knowledge base', () => {
  let kb: LoadedKnowledgeBase;
  beforeAll(async () => {
    kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE });
  });
  afterAll(() => kb.close());

  it.each([
    ['what r ur business hours', 'severity-and-response-times/#response-times-and-business-hours'],
    ['how much does paid escalation cost', 'severity-and-response-times/#paid-escalation'],
    ['hey, whats the uk sms number', 'contact/#sms'],
    ['can i reach u on telegram', 'contact/#telegram'],
    ['where do i find the call id', 'report-a-problem/#what-to-include'],
  ])('answers %j with the section that says it', async (question, urlEnd) => {
    const answer = await kb.answer(question);
    expect(answer.kind).toBe('answer');
    expect(answer.confidence).toBeGreaterThanOrEqual(0.5);
    expect(answer.hits[0]?.url).toBe(`${BASE}/${urlEnd}`);
    expect(answer.passage).toBeTruthy();
    expect(answer.passage).not.toMatch(/\*\*|\[|\]\(|^#|\|/);
  });

  it('gives the price in the passage of the escalation answer', async () => {
    const answer = await kb.answer('how much does paid escalation cost');
    expect(answer.passage).toContain('$150 per hour');
  });

  it.each(['hey hows your day going lol', 'thanks!', 'write me a python function that sorts a list'])(
    'declines small talk and unrelated requests: %j',
    async (question) => {
      const answer = await kb.answer(question);
      expect(answer.kind).toBe('decline');
      expect(answer.confidence).toBeLessThan(0.5);
    },
  );

  it('summarizes an answer for SMS: one GSM-7 line with the link, within two segments', async () => {
    const answer = await kb.answer('what are the severity levels p0 to p5');
    const sms = summarize(answer);
    expect(sms.length).toBeLessThanOrEqual(306);
    expect(sms).not.toContain('\n');
    expect(sms).toMatch(GSM7_ONLY);
    expect(sms.endsWith(answer.hits[0]?.url ?? 'missing')).toBe(true);
    expect(summarize(answer, 120).length).toBeLessThanOrEqual(120);
  });

  it('summarizes a decline without a link, offering a human', async () => {
    const sms = summarize(await kb.answer('lol'));
    expect(sms).toMatch(/HUMAN/);
    expect(sms).not.toMatch(/https?:/);
  });

  it('replaces characters SMS cannot carry', () => {
    expect(toGsm7('Setup → Trunks “quoted” – ok…')).toBe('Setup > Trunks "quoted" - ok...');
  });
});
