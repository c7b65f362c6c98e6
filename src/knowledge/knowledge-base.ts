/** One section of a documentation page that matched a query. */
export interface KnowledgeHit {
  /** Page path relative to the docs folder, e.g. `customer/routing.md`. */
  pagePath: string;
  pageTitle: string;
  /** Headings from the page title down to this section. */
  headingPath: string[];
  /** Page URL plus the section's `#anchor`. */
  url: string;
  /** The section's text, cleaned of markup. */
  text: string;
  score: number;
}

/** What the knowledge base says about a customer's question. */
export interface KnowledgeAnswer {
  /** `answer` when the docs cover the question with enough confidence, `decline` otherwise. */
  kind: 'answer' | 'decline';
  /** Calibrated confidence in [0, 1]. */
  confidence: number;
  /** Best sections first (also filled on a decline, for agents and "did you mean"). */
  hits: KnowledgeHit[];
  /** A short passage that answers the question, taken from the best section. */
  passage?: string;
  /** Set when a chat model wrote the answer from the sections. */
  generated?: string;
  /** Why the question was declined ("small talk", "low confidence", ...), for logs and agents. */
  declineReason?: string;
}

/** The documentation the bot answers from. */
export interface KnowledgeBase {
  search(query: string, limit?: number): KnowledgeHit[];
  answer(query: string): Promise<KnowledgeAnswer>;
  stats(): { pages: number; sections: number; builtAt: number; buildMs: number };
}
