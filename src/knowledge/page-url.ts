/**
 * The published URL of a docs page under MkDocs' default `use_directory_urls: true` rule:
 * `index.md` is the folder itself, `dir/name.md` is `dir/name/`.
 */
export function pageUrl(baseUrl: string, pagePath: string, anchor?: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const withoutExt = pagePath.replace(/\\/g, '/').replace(/\.md$/i, '');
  let route: string;
  if (withoutExt === 'index' || withoutExt === 'README') route = '';
  else if (/\/(index|README)$/.test(withoutExt)) route = withoutExt.replace(/(index|README)$/, '');
  else route = `${withoutExt}/`;
  const encoded = route
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${base}/${encoded}${anchor ? `#${anchor}` : ''}`;
}
