import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';
import { PAGE_SIZE_PRIOR } from '../../src/knowledge/docs-index';

const FEATURES = [
  'Invoices are sent on the first day of the month to the billing contact.',
  'Recording stores every call of a customer for thirty days.',
  'Conference rooms take up to fifty callers with a PIN.',
  'Voicemail boxes answer after twenty seconds without an answer.',
  'Rate cards set the price per minute of each destination prefix.',
  'Webhooks post each finished call to your own server.',
  'Phone numbers are ordered by country and city from the inventory.',
  'Alerts e-mail you when a balance falls under its limit.',
  'Users of the portal get roles that limit what they can change.',
  'Reports show answer rates and call durations per day.',
];

/** A long guide that touches every feature in a section of its own, and a short page about one of them. */
function docs(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-prior-'));
  const sections = FEATURES.map((text, i) => `## Feature ${i + 1}\n\n${text}\n`);
  sections.push('## Carriers\n\nA route sends its calls to a backup carrier when the first carrier fails.\n');
  fs.writeFileSync(path.join(dir, 'guide.md'), `# Platform guide\n\n${sections.join('\n')}`);
  fs.writeFileSync(
    path.join(dir, 'failover.md'),
    '# Failover\n\nWhen a carrier rejects a call or fails to answer, failover tries the next carrier of the route, in the order the route lists them, until one takes the call. Set the order on the route page.\n',
  );
  return dir;
}

describe('the page-size prior', () => {
  it('ranks a short page about the question above a long guide that only touches it', async () => {
    const kb = new DocsKnowledgeBase({
      dir: docs(),
      baseUrl: 'https://docs.example.com',
      answerCacheSize: 0,
    });
    await kb.load();
    const question = 'when my carrier fails can calls go to the next carrier?';
    // Without the prior the guide's one carrier section wins on the words it repeats.
    expect(kb.assess(question, 0).pagePaths[0]).toBe('guide.md');
    expect(kb.assess(question, PAGE_SIZE_PRIOR).pagePaths[0]).toBe('failover.md');
    expect(kb.search(question)[0]?.pagePath).toBe('failover.md');
  });
});
