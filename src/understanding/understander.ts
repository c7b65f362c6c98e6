import { LruCache } from '../knowledge/lru-cache';
import type { SeverityName } from '../policy/policy-schema';
import { commandIntent } from './commands';
import { extractEntities } from './entity-extractors';
import type { IntentClassifier, Scored } from './intent-classifier';
import type { IntentName } from './intents';
import { isPolicyIntent } from './intents';
import { mentionsPerson, personTalkRequest, type PersonTalk } from './person-words';
import { looksLikeQuestion } from './question-form';
import { withoutReportedSpeech } from './reported-speech';
import { textFeatures } from './text-features';
import { nothingUnderstood, type RankedIntent, type Understanding } from './understanding';

/** Two intents closer than this (in confidence) are too close to choose between. */
const AMBIGUOUS_MARGIN = 0.08;
/** Below this confidence the best intent does not count as recognised at all. */
const MIN_CONFIDENCE = 0.2;
/** Severity and category cues below this confidence are not offered to the customer. */
const MIN_CUE_CONFIDENCE = 0.45;
/** Two categories only: a cue must be clearly ahead before the bot suggests it. */
const CATEGORY_CUE_CONFIDENCE = 0.8;
/** How sure the step must be of one part of a message to act on that part alone. */
const PART_CONFIDENCE = 0.6;

/** How the step finds a second question of the same kind in one message ("hours, and your SMS number?"). */
export interface AlsoAskedSettings {
  /** How sure the step must be of one part (a sentence or clause) to take it as asked too. */
  partConfidence: number;
  /**
   * A message that asks two things splits the whole-message probability between them ("email and
   * telegram?" gives about 0.7 and 0.3): a second intent with this share or more is taken as asked too.
   */
  share: number;
}

/**
 * Chosen by cross-validation on messages that join two held-out questions and on single ones
 * (`cross-validate-also-asked.ts`, printed by `npm run nlu:eval`): the setting that answers exactly
 * the facts asked most often. On 4,074 examples (619 joined pairs, 1,306 single questions) it found
 * exactly the facts asked in 78.3% of messages, against 74.1% for the earlier hand-set 0.6 / 0.2
 * (0.2 / 0.5 is within five messages of it): a second question is found in its own clause far
 * more often than in the whole message's probabilities, so the whole-message share rarely adds one.
 */
export const ALSO_ASKED: AlsoAskedSettings = { partConfidence: 0.3, share: 0.5 };
/**
 * A problem told in anger ("calls failing AGAIN, great") or stated rather than asked about ("the
 * whole platform is down") is a report first, when reporting takes at least this share: the
 * complaint and the policy questions about outages share the words of a report.
 */
const REPORT_SHARE = 0.2;
/**
 * Below this, the whole message is read too unsurely to outweigh one clear policy question in it.
 * Chosen by cross-validation (5 folds, 4,093 examples): exactly the facts asked in joined pairs of
 * held-out policy questions 65.6% without the rule, 66.7% at 0.5, 67.4% at 0.7 and 0.8; whole-step
 * accuracy on all held-out examples 85.41% without it, 85.46% at 0.5, 85.44% at 0.7, 85.41% at
 * 0.6 and 0.8. 0.7 gets the most right over both.
 */
const UNSURE_WHOLE = 0.7;
/** Intents that decide the reply even when they are only one sentence of several. */
const ANY_PART_DECIDES: readonly IntentName[] = ['handoff.request', 'abuse'];
/**
 * Distinct texts (whole messages and their parts) whose intents are remembered: greetings, thanks
 * and common clauses recur across customers, and a text's intents depend on nothing else.
 */
const REMEMBERED_TEXTS = 2000;
/**
 * Reactions to the bot ("no, that's wrong", "useless"): a message that is one of these as a whole
 * says nothing about the product, so a sentence asking for a person in it decides, whatever the
 * person-talk model made of the whole.
 */
const REACTIONS: readonly IntentName[] = ['deny', 'not_solved', 'complaint', 'cancel', 'abuse'];

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of a message, and within each its comma- or "and"-separated clauses. */
function partsOf(text: string): string[] {
  const found = [...sentences.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
  const clauses = found.flatMap((sentence) =>
    // The sentence segmenter keeps "wrong. let me" together (a lower-case word after a full stop
    // does not start a sentence in Unicode's rules), as customers often type.
    sentence.split(/[,;:]\s*|[.!?]+\s+|\s+(?:and|n|plus|also|[+&])\s+/i).map((c) => c.trim()),
  );
  return [...new Set([...found, ...clauses])].filter(
    (part) => part.split(/\s+/).length >= 2 && part !== text.trim(),
  );
}

/**
 * The ranking with the report first, when the best intent is a complaint, or a policy question put
 * as a statement, and reporting has its share: the customer is telling us about a problem, with
 * feelings or without a question mark. The report's confidence becomes the two together.
 */
function reportFirst(
  ranked: readonly RankedIntent[],
  text: string,
): { ranked: RankedIntent[]; frustrated: boolean } | undefined {
  const [best] = ranked;
  const report = ranked.find((r) => r.intent === 'report.problem');
  if (!best || !report || report === best || report.confidence < REPORT_SHARE) return undefined;
  const frustrated = best.intent === 'complaint';
  if (!frustrated && !(isPolicyIntent(best.intent) && !looksLikeQuestion(text))) return undefined;
  return {
    ranked: [
      { intent: 'report.problem', confidence: report.confidence + best.confidence },
      ...ranked.filter((r) => r !== report && r !== best),
    ],
    frustrated,
  };
}

/** The trained models the understanding step uses. */
export interface UnderstandingModels {
  intents: IntentClassifier<IntentName>;
  severity: IntentClassifier<SeverityName>;
  category: IntentClassifier<'platform' | 'operational'>;
  /**
   * Trained only on the corpus examples that mention a person, so that "human" or "agent" weighs
   * nothing by itself and the words around it decide: "can I speak to a human" against "can my IVR
   * send callers to a human". Whenever a message mentions a person, it has a say (a weight chosen by
   * cross-validation) next to the general model, which sees "human" mostly in requests and so leans
   * towards handing over product questions about call-centre agents.
   */
  personTalk?: IntentClassifier<PersonTalk>;
}

/** Anything that can understand a customer message (the learned step, or a chat model in front of it). */
export interface MessageUnderstanding {
  understand(text: string, now?: Date): Promise<Understanding>;
}

/**
 * The learned understanding step: exact commands first, then the intent classifier trained on
 * `nlu/`, plus the entities in the message and, for problem reports, the severity and category its
 * words suggest.
 */
export class Understander implements MessageUnderstanding {
  private readonly intentsOf = new LruCache<string, readonly Scored<IntentName>[]>(REMEMBERED_TEXTS);

  constructor(
    private readonly models: UnderstandingModels,
    private readonly alsoAskedSettings: AlsoAskedSettings = ALSO_ASKED,
  ) {}

  /** The same as `understandNow`, as the async contract the engine uses. */
  understand(text: string, now: Date = new Date()): Promise<Understanding> {
    return Promise.resolve(this.understandNow(text, now));
  }

  /** Understands one message synchronously (microseconds). */
  understandNow(text: string, now: Date = new Date()): Understanding {
    const entities = extractEntities(text, now);
    const command = commandIntent(text);
    if (command) {
      return {
        intent: command,
        confidence: 1,
        ranked: [{ intent: command, confidence: 1 }],
        entities,
        source: 'command',
      };
    }
    // A person named only in reported speech is not asked for: the customer's own words decide.
    const ownWords = withoutReportedSpeech(text);
    const heard = mentionsPerson(text) && !mentionsPerson(ownWords) ? ownWords : text;
    // The message's features serve every model that reads it (intents, person talk, severity,
    // category): made once, when the first of them needs them.
    let wholeFeatures: Record<string, number> | undefined;
    const featuresOfWhole = () => (wholeFeatures ??= textFeatures(text));
    let ranked = this.classify(heard, heard === text ? featuresOfWhole : undefined).map((s) => ({
      intent: s.label,
      confidence: s.confidence,
    }));
    const parts = partsOf(heard).map((part) => this.classify(part)[0]);
    // A short complaint followed by a request for a person: the one sentence decides. Where the
    // person-talk model has judged the whole message, its context outweighs one clause of it,
    // unless the whole is only a reaction to the bot.
    const judgedWhole =
      this.models.personTalk !== undefined &&
      mentionsPerson(heard) &&
      !REACTIONS.includes(ranked[0]?.intent as IntentName);
    const decisive = parts.find(
      (p) =>
        p &&
        ANY_PART_DECIDES.includes(p.label) &&
        !(p.label === 'handoff.request' && judgedWhole) &&
        p.confidence >= PART_CONFIDENCE &&
        p.label !== ranked[0]?.intent,
    );
    // A message the step cannot read as a whole ("I'm writing from abroad. Which number do I
    // text?") is read by its clearest question about the policy, if one part is one.
    const clearest =
      decisive || (ranked[0]?.confidence ?? 0) >= UNSURE_WHOLE
        ? undefined
        : parts
            .filter((p) => p && p.label.startsWith('policy.') && p.confidence >= PART_CONFIDENCE)
            .sort((a, b) => b!.confidence - a!.confidence)[0];
    const promoted = decisive ?? clearest;
    if (promoted) {
      ranked = [
        { intent: promoted.label, confidence: promoted.confidence },
        ...ranked.filter((r) => r.intent !== promoted.label),
      ];
    }
    const folded = decisive ? undefined : reportFirst(ranked, text);
    if (folded) ranked = folded.ranked;
    const best = ranked[0];
    if (!best || best.confidence < MIN_CONFIDENCE) return { ...nothingUnderstood(entities), ranked };
    if (best.intent === 'report.problem' || best.intent === 'handoff.request') {
      const severity = this.models.severity.classifyFeatures(featuresOfWhole())[0];
      if (severity && severity.confidence >= MIN_CUE_CONFIDENCE) {
        entities.severityCue = { severity: severity.label, confidence: severity.confidence };
      }
      const category = this.models.category.classifyFeatures(featuresOfWhole())[0];
      if (category && category.confidence >= CATEGORY_CUE_CONFIDENCE) entities.categoryCue = category.label;
    }
    const second = ranked[1];
    const ambiguous =
      second && best.confidence - second.confidence < AMBIGUOUS_MARGIN
        ? ([best.intent, second.intent] as [IntentName, IntentName])
        : undefined;
    const family = best.intent.split('.')[0];
    const sameFamily = (intent: IntentName) => intent !== best.intent && intent.split('.')[0] === family;
    const alsoAsked = [
      ...new Set([
        ...parts
          .filter((p) => p && p.confidence >= this.alsoAskedSettings.partConfidence && sameFamily(p.label))
          .map((p) => p!.label),
        ...ranked
          .filter((r) => r.confidence >= this.alsoAskedSettings.share && sameFamily(r.intent))
          .map((r) => r.intent),
      ]),
    ];
    const inParts = [
      ...new Set(
        parts.filter((p) => p && p.confidence >= this.alsoAskedSettings.partConfidence).map((p) => p!.label),
      ),
    ];
    return {
      intent: best.intent,
      confidence: best.confidence,
      ranked,
      entities,
      source: 'model',
      ...(alsoAsked.length > 0 && { alsoAsked }),
      ...(inParts.length > 0 && { inParts }),
      ...(ambiguous && !decisive && { ambiguous }),
      ...(folded?.frustrated && { frustrated: true }),
    };
  }

  /**
   * The intents of one text, best first. When it mentions a person, the probability of a request
   * weighs the person-talk model's in (`PERSON_TALK_WEIGHT`), and the other intents share the rest
   * in the proportions the general model gave them.
   */
  private classify(
    text: string,
    features: () => Record<string, number> = () => textFeatures(text),
  ): readonly Scored<IntentName>[] {
    const known = this.intentsOf.get(text);
    if (known) return known;
    const scored = this.classifyAfresh(text, features);
    this.intentsOf.set(text, scored);
    return scored;
  }

  private classifyAfresh(text: string, features: () => Record<string, number>): Scored<IntentName>[] {
    const scored = this.models.intents.classifyFeatures(features());
    const judge = this.models.personTalk;
    if (!judge || !mentionsPerson(text)) return scored;
    const before = scored.find((s) => s.label === 'handoff.request')?.confidence ?? 0;
    const judged =
      judge.classifyFeatures(features()).find((s) => s.label === 'handoff.request')?.confidence ?? 0;
    const request = personTalkRequest(before, judged);
    const scale = before < 1 ? (1 - request) / (1 - before) : 0;
    return scored
      .map((s) => ({
        label: s.label,
        confidence: s.label === 'handoff.request' ? request : s.confidence * scale,
      }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}
