/**
 * Heading anchors exactly as MkDocs' `toc` extension makes them (Python-Markdown `slugify` plus its
 * `unique` suffixes), so a link we hand to a customer lands on the heading it names.
 */

/** Python-Markdown's default slugify: ASCII-fold, drop punctuation, lowercase, join words with `-`. */
export function slugify(headingText: string): string {
  const ascii = headingText.normalize('NFKD').replace(/[^ -~]/g, ''); // printable ASCII only
  return ascii
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}

/** Hands out the ids of one page in order, suffixing repeats with `_1`, `_2` like MkDocs does. */
export class TocSlugger {
  private readonly used = new Set<string>();

  /** Returns the id MkDocs gives the next heading with this (plain) text. */
  next(headingText: string): string {
    let id = slugify(headingText);
    while (this.used.has(id) || id === '') {
      const numbered = /^(.*)_([0-9]+)$/.exec(id);
      id = numbered ? `${numbered[1]}_${Number(numbered[2]) + 1}` : `${id}_1`;
    }
    this.used.add(id);
    return id;
  }
}
