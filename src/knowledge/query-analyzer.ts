import type { Glossary } from './corpus-glossary';
import { CUSTOMER_SHORTHAND } from './customer-shorthand';
import { stemmer as stem } from 'stemmer';
import { BILLING_INCREMENT, SIP_RESPONSE_CODES, TELECOM_LEXICON } from './telecom-lexicon';
import type { SpellingCorrector } from './spelling-correction';
import { STOP_WORDS, indexTerm, tokenize } from './text-terms';

/** A query turned into weighted index terms. */
export interface AnalyzedQuery {
  /** Index terms with their weight: 1 for the customer's own words, less for added ones. */
  terms: Map<string, number>;
  /** The customer's own content terms (stop words and fillers removed), in index form. */
  ownTerms: string[];
  /** For an own term, the added terms that stand for the same idea (synonyms, acronyms). */
  alternatives: Map<string, Set<string>>;
}

/** Weight of a word the telecom lexicon adds. */
const SYNONYM_WEIGHT = 0.6;
/** Weight of a word a corpus acronym adds. */
const GLOSSARY_WEIGHT = 0.45;
/** Weight of another form of a customer's word that the docs use ("registration" for "registered"). */
const FAMILY_WEIGHT = 0.5;

/** A clock time ("since 18:52", "at 9:05 am") says when something happened, not what it is about. */
const CLOCK_TIME = /\b[0-9]{1,2}:[0-9]{2}(\s*[ap]\.?m\.?)?\b/gi;

/**
 * A greeting that opens a message ("Good morning, ..."); the same words later in a question
 * ("translate good morning") are what it asks about.
 */
const GREETING = /^\W*good\s+(morning|afternoon|evening|day)\b/i;

interface PhraseRule {
  phrase: string;
  expansion: string[];
}

/** Stems every token of a phrase and joins them with single spaces, the form rules match on. */
const stemmedSequence = (text: string): string =>
  tokenize(text)
    .map((token) => stem(token))
    .join(' ');

/**
 * Turns a question as customers type it ("hey, cant get 2fa on pls") into weighted index terms:
 * shorthand expanded, fillers dropped, telecom terms and corpus acronyms added at lower weight.
 */
export class QueryAnalyzer {
  private readonly rules: PhraseRule[];
  private readonly acronymOf = new Map<string, string>();

  /**
   * @param isRareAcronym tells whether the docs seldom use an acronym bare: only then does spelling
   *   it out help, common ones ("SIP", "IP") are matched as they are.
   * @param familyOf the docs' other forms of an index term (see `term-variants.ts`)
   * @param speller corrects typing slips to the docs' words (see `spelling-correction.ts`)
   */
  constructor(
    private readonly glossary: Glossary,
    private readonly isRareAcronym: (term: string) => boolean,
    private readonly familyOf: (term: string) => readonly string[] = () => [],
    private readonly speller?: SpellingCorrector,
  ) {
    this.rules = TELECOM_LEXICON.flatMap(([phrases, expansion]) =>
      phrases.map((phrase) => ({ phrase: stemmedSequence(phrase), expansion: expandTerms(expansion) })),
    );
    for (const [acronym, expansions] of glossary) {
      for (const expansion of expansions) {
        // One-word "expansions" ("create" for CRUD) would fire on ordinary questions.
        if (expansion.includes(' ')) this.acronymOf.set(stemmedSequence(expansion), acronym);
      }
    }
  }

  /** Analyzes one customer question. */
  analyze(query: string): AnalyzedQuery {
    const tokens = tokenize(query.replace(CLOCK_TIME, ' ').replace(GREETING, ' '))
      .flatMap((token) => tokenize(CUSTOMER_SHORTHAND.get(token) ?? token))
      .map((token) => (this.speller && !STOP_WORDS.has(token) ? this.speller.correct(token) : token));
    const terms = new Map<string, number>();
    const ownTerms: string[] = [];
    const put = (term: string, weight: number): void => {
      terms.set(term, Math.max(terms.get(term) ?? 0, weight));
    };
    for (const token of tokens) {
      const term = indexTerm(token);
      if (term === null) continue;
      // An account number, ticket or user id says whose, not what: a number the docs never
      // mention is not a question word the docs fail to cover. SIP codes are read below.
      if (/^[0-9]+$/.test(term) && this.speller && !this.speller.knows(token)) continue;
      if (!ownTerms.includes(term)) ownTerms.push(term);
      put(term, 1);
    }
    const alternatives = new Map<string, Set<string>>();
    const relate = (phrase: string, added: readonly string[]): void => {
      for (const word of phrase.split(' ')) {
        if (!ownTerms.includes(word)) continue;
        const set = alternatives.get(word) ?? new Set<string>();
        for (const term of added) set.add(term);
        alternatives.set(word, set);
      }
    };
    for (const term of ownTerms) {
      const family = this.familyOf(term).filter((member) => !terms.has(member));
      for (const member of family) put(member, FAMILY_WEIGHT);
      relate(term, family);
    }
    const sequence = ` ${tokens.map((token) => stem(token)).join(' ')} `;
    for (const rule of this.rules) {
      if (!sequence.includes(` ${rule.phrase} `)) continue;
      for (const term of rule.expansion) put(term, SYNONYM_WEIGHT);
      relate(rule.phrase, rule.expansion);
    }
    for (const token of tokens) {
      const reason = SIP_RESPONSE_CODES.get(token);
      if (reason === undefined) continue;
      const added = expandTerms(`sip ${reason}`);
      for (const term of added) put(term, SYNONYM_WEIGHT);
      relate(stem(token), added);
    }
    if (BILLING_INCREMENT.test(query))
      for (const term of expandTerms('billing increment interval')) put(term, SYNONYM_WEIGHT);
    for (const token of tokens) {
      if (STOP_WORDS.has(token) || !this.isRareAcronym(stem(token))) continue;
      for (const expansion of this.glossary.get(token) ?? []) {
        const added = expandTerms(expansion);
        for (const term of added) put(term, GLOSSARY_WEIGHT);
        relate(stem(token), added);
      }
    }
    for (const [phrase, acronym] of this.acronymOf) {
      if (!sequence.includes(` ${phrase} `)) continue;
      put(stem(acronym), SYNONYM_WEIGHT);
      relate(phrase, [stem(acronym)]);
    }
    return { terms, ownTerms, alternatives };
  }
}

/** Index terms of an expansion string, stop words removed. */
function expandTerms(text: string): string[] {
  return tokenize(text)
    .filter((token) => !STOP_WORDS.has(token))
    .map((token) => stem(token));
}
