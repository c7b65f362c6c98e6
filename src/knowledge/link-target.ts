import path from 'node:path';

/** Markdown files a link path may stand for: the file itself, or a folder's index (MkDocs URLs). */
function candidatesOf(target: string): string[] {
  const bare = target.replace(/^\/+/, '').replace(/\/+$/, '');
  if (bare === '') return ['index.md'];
  if (bare.endsWith('.md')) return [bare];
  return [`${bare}.md`, `${bare}/index.md`, `${bare}/README.md`];
}

/**
 * The page a link points to, or undefined when it leaves the docs (another site, a file, a mail
 * address) or points to no indexed page. Absolute links count when they are on the docs' own site.
 */
export function linkTarget(
  fromPage: string,
  href: string,
  baseUrl: string,
  pages: ReadonlySet<string>,
): string | undefined {
  const bare = href.split('#')[0]?.split('?')[0]?.trim() ?? '';
  if (bare === '') return undefined;
  let target: string;
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare)) {
    let url: URL;
    let base: URL;
    try {
      url = new URL(bare);
      base = new URL(baseUrl);
    } catch {
      return undefined;
    }
    if (url.host !== base.host) return undefined;
    const basePath = base.pathname.replace(/\/+$/, '');
    if (!url.pathname.startsWith(basePath)) return undefined;
    target = url.pathname.slice(basePath.length);
  } else {
    // A link from the site's root, or from the linking page's folder.
    let written: string;
    try {
      written = decodeURI(bare);
    } catch {
      return undefined; // a malformed escape
    }
    target = written.startsWith('/') ? written : path.posix.join(path.posix.dirname(fromPage), written);
  }
  // Rooted first, so that `..` can climb no higher than the docs' folder.
  return candidatesOf(path.posix.normalize(`/${target}`)).find(
    (candidate) => pages.has(candidate) && candidate !== fromPage,
  );
}
