/** One searchable piece of the docs: a heading section (or a slice of a long one). */
export interface DocSection {
  /** Position in the index; stable for one build only. */
  id: number;
  /** Path relative to the docs folder, `/`-separated, e.g. `customer/auth.md`. */
  pagePath: string;
  /** The title the site shows for the page (nav title, else front matter, else H1). */
  pageTitle: string;
  /** Page title first, then the headings down to this section. */
  headingPath: string[];
  /** Page URL with the section's `#anchor` when it has one. */
  url: string;
  /** Plain text, paragraphs separated by `\n`. */
  text: string;
  /** Other names of the page (H1, front matter title, nav sections) that customers may search by. */
  aliases: string[];
  /**
   * How many other pages of the docs the page links to: with its sections, how many subjects it
   * touches (see `PAGE_SIZE_PRIOR`).
   */
  linkedPages?: number;
  /** Questions in customers' words that this section answers (see `page-questions.ts`). */
  questions?: string[];
}

/** A page left out of the index, and why. */
export interface SkippedPage {
  pagePath: string;
  reason: string;
}
