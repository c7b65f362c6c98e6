import path from 'node:path';
import { ingestDocs } from '../../src/knowledge/ingest-docs';

const SITE = path.join(__dirname, 'fixtures', 'mkdocs-site');
const BASE = 'https://docs.example.com';

describe('ingesting an MkDocs Material folder', () => {
  const result = ingestDocs(SITE, BASE);
  const trunkSections = result.sections.filter((section) => section.pagePath === 'guides/trunks.md');
  const trunkText = trunkSections.map((section) => section.text).join('\n');

  it('keeps only the pages with something to answer, and says why the others were skipped', () => {
    expect(result.pages).toBe(2);
    const reasons = Object.fromEntries(result.skipped.map((page) => [page.pagePath, page.reason]));
    expect(reasons).toEqual({
      'README.md': expect.stringContaining('index.md') as string,
      'apps/coming-soon.md': expect.stringContaining('unfinished') as string,
      'apps/include-only.md': expect.stringContaining('external include') as string,
      'guides/empty.md': 'empty',
      'guides/stub.md': expect.stringContaining('stub') as string,
    });
  });

  it('drops the Document Metadata block, images and mermaid diagrams', () => {
    expect(trunkText).not.toMatch(/Secretcategoryword|Audience|Mermaidnode|graph LR|img|png|<|>/);
  });

  it('turns icon codes into arrows and keeps admonition, tab and table text', () => {
    expect(trunkText).toContain('Setup → Trunks → Edit');
    expect(trunkText).toContain('Transcoding costs CPU:');
    expect(trunkText).toContain('Put the codec your carrier prefers first');
    expect(trunkText).toContain('Basic:');
    expect(trunkText).toContain('Port: Default is 5060.');
    expect(trunkText).toContain('Codec: G.729; Bandwidth: 8 kbps');
    expect(trunkText).not.toMatch(/\*\*|:material-|!!!|===|\|---/);
  });

  it('titles pages from the mkdocs.yml nav and links each section with its MkDocs anchor', () => {
    expect(trunkSections.map((section) => [section.headingPath, section.url])).toEqual([
      [['Trunk Settings'], `${BASE}/guides/trunks/`],
      [['Trunk Settings', 'Codec Order'], `${BASE}/guides/trunks/#codec-order`],
      [['Trunk Settings', 'Codec Order'], `${BASE}/guides/trunks/#codec-order_1`],
      [
        ['Trunk Settings', 'Codec Order', 'Testing & Checking sip Options!'],
        `${BASE}/guides/trunks/#testing-checking-sip-options`,
      ],
    ]);
    expect(trunkSections[0]?.aliases).toEqual(
      expect.arrayContaining(['Trunks', 'Trunk Settings Explained', 'Setup']),
    );
  });

  it('maps index.md to the site root', () => {
    const home = result.sections.find((section) => section.pagePath === 'index.md');
    expect(home?.url).toBe(`${BASE}/`);
    expect(home?.pageTitle).toBe('Home');
  });
});
