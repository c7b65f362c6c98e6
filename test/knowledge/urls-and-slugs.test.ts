import { parseMkdocsNav } from '../../src/knowledge/mkdocs-nav';
import { pageUrl } from '../../src/knowledge/page-url';
import { TocSlugger, slugify } from '../../src/knowledge/toc-slug';

describe('links customers receive', () => {
  it('follow the MkDocs use_directory_urls rule', () => {
    const base = 'https://docs.connexcs.com/';
    expect(pageUrl(base, 'index.md')).toBe('https://docs.connexcs.com/');
    expect(pageUrl(base, 'reporting-problems.md')).toBe('https://docs.connexcs.com/reporting-problems/');
    expect(pageUrl(base, 'customer/auth.md', 'ip-authentication')).toBe(
      'https://docs.connexcs.com/customer/auth/#ip-authentication',
    );
    expect(pageUrl(base, 'apps/architecture/cxKV.md')).toBe(
      'https://docs.connexcs.com/apps/architecture/cxKV/',
    );
    expect(pageUrl(base, 'apps/components/sub-form+.md')).toBe(
      'https://docs.connexcs.com/apps/components/sub-form%2B/',
    );
    expect(pageUrl(base, 'guides/index.md')).toBe('https://docs.connexcs.com/guides/');
  });

  it('use the anchors of the MkDocs toc extension, repeats numbered', () => {
    expect(slugify('Step 1: Login')).toBe('step-1-login');
    expect(slugify('Drag & Drop a .csv file or Browse')).toBe('drag-drop-a-csv-file-or-browse');
    expect(slugify('Café Menu')).toBe('cafe-menu');
    const slugger = new TocSlugger();
    expect(['Workflow:', 'Workflow:', 'Workflow:'].map((heading) => slugger.next(heading))).toEqual([
      'workflow',
      'workflow_1',
      'workflow_2',
    ]);
  });

  it('take page titles and sections from a nav with python tags elsewhere in the file', () => {
    const nav = parseMkdocsNav(
      [
        'theme:',
        '  emoji: !!python/name:material.extensions.emoji.twemoji',
        'nav:',
        '  - Home: index.md',
        '  - Management:',
        '      - Customer:',
        '          - Main: customer/main.md',
        '      - Dashboard : dashboard.md',
        'plugins:',
        '  - search',
      ].join('\n'),
    );
    expect(nav.get('customer/main.md')).toEqual({ title: 'Main', sections: ['Management', 'Customer'] });
    expect(nav.get('dashboard.md')).toEqual({ title: 'Dashboard', sections: ['Management'] });
    expect(nav.has('search')).toBe(false);
  });
});
