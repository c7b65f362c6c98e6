import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase, type DocsKnowledgeStats } from '../../src/knowledge';

const BASE = 'https://docs.example.com';

function tempDocs(): { dir: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));
  const dir = path.join(root, 'docs');
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, 'voicemail.md'),
    '# Voicemail\n\nVoicemail boxes record messages when an extension does not answer within twenty seconds. Callers hear your greeting first, then the tone.\n',
  );
  return { dir, cacheDir: path.join(root, 'cache') };
}

describe('the persisted index and reloads', () => {
  it('restores an unchanged folder from the cache instead of rebuilding, and rebuilds a changed one', async () => {
    const { dir, cacheDir } = tempDocs();
    const first = await loadKnowledgeBase({ dir, baseUrl: BASE, cacheDir });
    expect(first.stats().fromCache).toBe(false);
    const second = await loadKnowledgeBase({ dir, baseUrl: BASE, cacheDir });
    expect(second.stats().fromCache).toBe(true);
    expect(second.search('voicemail box')[0]?.url).toBe(`${BASE}/voicemail/`);

    fs.writeFileSync(
      path.join(dir, 'fax.md'),
      '# Fax\n\nFax to email delivers incoming faxes as PDF attachments by email to the address set on the extension.\n',
    );
    await second.reload();
    expect(second.stats().fromCache).toBe(false);
    expect(second.search('fax to email')[0]?.url).toBe(`${BASE}/fax/`);
  });

  it('picks up a changed docs folder by itself when watching', async () => {
    const { dir, cacheDir } = tempDocs();
    const kb = await loadKnowledgeBase({ dir, baseUrl: BASE, cacheDir, watch: true });
    try {
      expect(kb.search('conference bridge pin')).toEqual([]);
      const reloaded = new Promise<DocsKnowledgeStats>((resolve) => kb.onReload(resolve));
      fs.writeFileSync(
        path.join(dir, 'conference.md'),
        '# Conference\n\n## Bridge PIN\n\nEvery conference bridge can ask callers for a PIN before they join, and drops them after three wrong tries.\n',
      );
      const stats = await reloaded;
      expect(stats.pages).toBe(2);
      expect(kb.search('conference bridge pin')[0]?.url).toBe(`${BASE}/conference/#bridge-pin`);
    } finally {
      kb.close();
    }
  });
});
