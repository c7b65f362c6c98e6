import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestDocs } from '../../src/knowledge/ingest-docs';
import { linkTarget } from '../../src/knowledge/link-target';
import { parsePage } from '../../src/knowledge/page-parser';

const BASE = 'https://docs.example.com';
const PAGES = new Set(['index.md', 'carrier.md', 'guides/media.md', 'guides/index.md']);

describe('links between docs pages', () => {
  it('resolves relative, folder and same-site links to the page they show, and nothing else', () => {
    expect(linkTarget('guides/media.md', '../carrier.md#auth', BASE, PAGES)).toBe('carrier.md');
    expect(linkTarget('index.md', 'guides/media.md', BASE, PAGES)).toBe('guides/media.md');
    expect(linkTarget('index.md', 'https://docs.example.com/guides/media/', BASE, PAGES)).toBe(
      'guides/media.md',
    );
    expect(linkTarget('carrier.md', 'https://docs.example.com/guides/', BASE, PAGES)).toBe('guides/index.md');
    expect(linkTarget('carrier.md', '/', BASE, PAGES)).toBe('index.md');
    // Another site, a mail address, the page itself, a page that is not indexed, outside the docs.
    expect(linkTarget('index.md', 'https://status.example.com/', BASE, PAGES)).toBeUndefined();
    expect(linkTarget('index.md', 'mailto:support@example.com', BASE, PAGES)).toBeUndefined();
    expect(linkTarget('carrier.md', 'carrier.md#top', BASE, PAGES)).toBeUndefined();
    expect(linkTarget('index.md', 'missing.md', BASE, PAGES)).toBeUndefined();
    expect(linkTarget('index.md', '../../etc/passwd', BASE, PAGES)).toBeUndefined();
    expect(linkTarget('guides/media.md', '../../carrier.md', BASE, PAGES)).toBe('carrier.md');
    expect(linkTarget('index.md', 'bad%E0%A4%A.md', BASE, PAGES)).toBeUndefined();
  });

  it('finds markdown links, HTML links and those of the metadata block the text leaves out', () => {
    const page = parsePage(
      [
        '# Media',
        '',
        '<details> <summary><strong>Document Metadata</strong></summary> <br>',
        '',
        '<strong>Related Topics</strong>: <a href="https://docs.example.com/carrier/">Carriers</a><br>',
        '',
        '</details>',
        '',
        'Audio goes one way when NAT hides the phone ([Carriers](../carrier.md)).',
        '',
        '- See <a href="index.md">the start page</a> for more.',
      ].join('\n'),
    );
    expect(page.links).toEqual(['https://docs.example.com/carrier/', '../carrier.md', 'index.md']);
    expect(page.sections.map((section) => section.text).join(' ')).not.toMatch(/Related Topics/);
  });

  it('counts on every section of a page the other indexed pages it links to, each once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-links-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write(
      'index.md',
      '# Start\n\nRead [carriers](carrier.md) and [media](guides/media.md), then [carriers again](carrier.md#auth) and [yourself](index.md).\n\n## More\n\nNothing else here to read for now, only words.\n',
    );
    write(
      'carrier.md',
      '# Carriers\n\nA carrier takes the calls a route sends it, and answers or rejects each one.\n',
    );
    write(
      'guides/media.md',
      '# Media\n\nAudio flows between the two phones once the call is answered by the far end, through our media servers.\n',
    );
    const { sections } = ingestDocs(dir, BASE);
    const linked = (page: string) => sections.filter((s) => s.pagePath === page).map((s) => s.linkedPages);
    expect(linked('index.md')).toEqual([2, 2]);
    expect(linked('carrier.md')).toEqual([undefined]);
  });
});
