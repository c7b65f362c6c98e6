import type { ExpectedKind, SeedMessage } from './seed-messages';
import { mulberry32 } from '../../src/random/mulberry32';

/** One message of the load, with the reply it should get. */
export interface LoadMessage {
  text: string;
  kind: ExpectedKind;
  /** True when exactly this text was sent earlier in the same load. */
  repeat: boolean;
}

/** How the load's messages are made. */
export interface MixOptions {
  /**
   * Share of messages that repeat, word for word, a message sent earlier in the load (0-1);
   * the rest are new variations of the seed. `verbatim` ignores it.
   */
  repeatShare: number;
  /** The seed messages asked over and over unchanged: the answer cache does the work. */
  verbatim?: boolean;
  /** PRNG seed: the same seed gives the same load, so runs compare. */
  randomSeed?: number;
}

/** What a mix produced so far. */
export interface MixStats {
  messages: number;
  repeats: number;
  distinct: number;
  byKind: Record<ExpectedKind, number>;
}

type Random = () => number;
const pickOne = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

const OPENERS = [
  'hi,',
  'hello!',
  'hey',
  'good morning,',
  'quick question:',
  'sorry to bother you,',
  'hi team -',
  'urgent:',
];
const CLOSERS = ['thanks', 'thank you!', 'cheers', 'asap please', 'regards', 'pls', 'any idea?', 'ty'];
const ASIDES = [
  'for our account',
  'on the portal',
  'again',
  'today',
  'for a new customer',
  'in the panel',
  'right now',
];

/** A typing slip in one longer word: two letters swapped, one dropped or one doubled. */
function typo(text: string, random: Random): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  if (candidates.length === 0) return text;
  const [word, index] = pickOne(candidates, random);
  const at = 1 + Math.floor(random() * (word.length - 2));
  const slips = [
    word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, at) + word[at] + word.slice(at),
  ];
  words[index] = pickOne(slips, random);
  return words.join(' ');
}

/** Other numbers: every number replaced by another of the same length, or one added. */
function otherNumbers(text: string, random: Random): string {
  if (/(?<![A-Za-z])\d/.test(text)) {
    // Not the digits of a name such as P1 (a severity): those would change what is asked.
    return text.replace(/(?<![A-Za-z])\d+/g, (digits) =>
      digits
        .split('')
        .map((_d, i) =>
          String(i === 0 && digits.length > 1 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10)),
        )
        .join(''),
    );
  }
  const n = (from: number, span: number) => from + Math.floor(random() * span);
  const added = [
    `(account ${n(1000, 9000)})`,
    `for ${n(2, 40)} customers`,
    `since ${String(n(0, 24)).padStart(2, '0')}:${String(n(0, 60)).padStart(2, '0')}`,
    `on ${n(2, 30)} routes`,
    `user id ${n(100, 900)}`,
  ];
  return `${text.replace(/[?.!]$/, '')} ${pickOne(added, random)}`;
}

/** Extra words at the start, the end or in the middle. */
function extraWords(text: string, random: Random): string {
  const where = random();
  if (where < 0.4) return `${pickOne(OPENERS, random)} ${text}`;
  if (where < 0.8) return `${text.replace(/[?.!]$/, '')} ${pickOne(CLOSERS, random)}`;
  const words = text.split(' ');
  const at = 1 + Math.floor(random() * Math.max(1, words.length - 1));
  words.splice(at, 0, pickOne(ASIDES, random));
  return words.join(' ');
}

/** Reordered: the clauses either side of a comma or "and" swapped, else the question mark moved. */
function reorder(text: string, random: Random): string {
  const split = /^(.+?)(, | and )(.+)$/.exec(text.replace(/[?.!]$/, ''));
  if (split) return `${split[3]}${split[2]}${split[1]}${random() < 0.5 ? '?' : ''}`;
  return random() < 0.5 ? text.replace(/[?.!]$/, '') : `${text.replace(/[?.!]$/, '')}??`;
}

/** Register: all lower case, no punctuation, or SHOUTED first word, as customers type. */
function register(text: string, random: Random): string {
  const choice = random();
  if (choice < 0.4) return text.toLowerCase();
  if (choice < 0.7) return text.replace(/[?.!,]/g, '');
  return text.replace(/^\S+/, (first) => first.toUpperCase());
}

const OPERATORS = [typo, otherNumbers, extraWords, reorder, register];

/** A variation of `text`: one to three of the operators above, in random order. */
export function vary(text: string, random: Random): string {
  const count = 1 + Math.floor(random() * 3);
  let varied = text;
  for (let i = 0; i < count; i += 1) varied = pickOne(OPERATORS, random)(varied, random);
  return varied.replace(/\s+/g, ' ').trim();
}

/**
 * The load's message stream. Each message is, with probability `repeatShare`, a word-for-word
 * repeat of one sent earlier; otherwise a new variation of a seed message that was never sent
 * before (retried until distinct). Deterministic for a given `randomSeed`.
 */
export class MessageMix {
  private readonly random: Random;
  private readonly sent: LoadMessage[] = [];
  private readonly seen = new Set<string>();
  private readonly counts: MixStats = {
    messages: 0,
    repeats: 0,
    distinct: 0,
    byKind: { docs: 0, policy: 0, report: 0, handoff: 0 },
  };
  private cursor = 0;
  private readonly order: readonly SeedMessage[];

  constructor(
    seed: readonly SeedMessage[],
    private readonly options: MixOptions,
  ) {
    if (seed.length === 0) throw new Error('the message mix needs at least one seed message');
    if (!(options.repeatShare >= 0 && options.repeatShare <= 1))
      throw new Error(`repeat share must be between 0 and 1, not ${options.repeatShare}`);
    this.random = mulberry32(options.randomSeed ?? 20261130);
    // The seed file is grouped by kind; the load takes it in a fixed shuffled order instead, so
    // that even a short load mixes questions, reports and requests for a person.
    const order = [...seed];
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    this.order = order;
  }

  /** The next message of the load. */
  next(): LoadMessage {
    const message = this.make();
    this.counts.messages += 1;
    this.counts.byKind[message.kind] += 1;
    if (message.repeat) this.counts.repeats += 1;
    else this.counts.distinct += 1;
    return message;
  }

  /** What was produced so far. */
  stats(): MixStats {
    return structuredClone(this.counts);
  }

  private make(): LoadMessage {
    if (this.options.verbatim) {
      const seed = this.order[this.cursor % this.order.length]!;
      this.cursor += 1;
      const repeat = this.seen.has(seed.text);
      this.seen.add(seed.text);
      return { ...seed, repeat };
    }
    if (this.sent.length > 0 && this.random() < this.options.repeatShare) {
      return { ...pickOne(this.sent, this.random), repeat: true };
    }
    // Seed messages in turn, so every kind keeps its share of the load.
    const seed = this.order[this.cursor % this.order.length]!;
    this.cursor += 1;
    let text = vary(seed.text, this.random);
    for (let attempt = 0; this.seen.has(text) && attempt < 20; attempt += 1) text = vary(text, this.random);
    if (this.seen.has(text)) text = otherNumbers(`${text} #${this.sent.length}`, this.random);
    const message: LoadMessage = { text, kind: seed.kind, repeat: false };
    this.seen.add(text);
    this.sent.push(message);
    return message;
  }
}
