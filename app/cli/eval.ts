import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';
import {
  evaluateAnswers,
  readQuestions,
  type EvalReport,
  type RetrievalFigures,
} from '../../src/knowledge/evaluation';
import { evaluateLangChainBaseline } from './langchain-baseline';
import {
  crossValidate,
  fitConfidenceModel,
  type CrossValidatedFigures,
} from '../../src/knowledge/cross-validation';
import {
  crossValidateRanking,
  PAGE_SIZE_PRIOR_CANDIDATES,
  type RankingCrossValidation,
} from '../../src/knowledge/ranking-cross-validation';

const USAGE = `Measure the docs answers on a questions file.

  npm run eval -- --kb <dir> --questions <jsonl> [--pool <jsonl>] [--page-questions <path>|none] [--base-url <url>] [--json] [--no-baseline] [--misses] [--fit]

Prints hit@1, hit@3 and MRR by gold page (in-scope questions), the share of in-scope questions
answered and of out-of-scope ones declined, query latency p50/p99 (wall clock, and CPU time,
which a busy machine inflates less) and index build time, next to
the LangChain default (MarkdownTextSplitter 1000/200 + BM25Retriever) measured in the same run.
The decline decision is also 5-fold cross-validated: each question is decided by a confidence
model fitted without it, and the page-size prior (PAGE_SIZE_PRIOR) is chosen fold by fold without
the fold's questions; --pool adds the in-scope questions of another file to every fold (they help
choose, they are not counted), as the shipped value was chosen. Queries are timed with the answer cache off, over five passes after
warm-up passes (at least one and 1.5 s). --fit prints the confidence
model fitted on all the questions, to paste into src/knowledge/answer-confidence.ts.
--page-questions names the team's questions per page the index is built with (default
KB_QUESTIONS, else kb-questions/, as the product; none leaves them out).`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function table(
  ours: EvalReport,
  cv: CrossValidatedFigures,
  ranking: RankingCrossValidation,
  baseline: RetrievalFigures | undefined,
): string {
  const rows: [string, string, string, string][] = [
    ['hit@1', percent(ours.hit1), percent(ranking.hit1), baseline ? percent(baseline.hit1) : '-'],
    ['hit@3', percent(ours.hit3), percent(ranking.hit3), baseline ? percent(baseline.hit3) : '-'],
    ['MRR', ours.mrr.toFixed(3), ranking.mrr.toFixed(3), baseline ? baseline.mrr.toFixed(3) : '-'],
    ['in-scope answered', percent(ours.answered_in_scope), percent(cv.answered_in_scope), '(always)'],
    [
      'out-of-scope declined',
      percent(ours.declined_out_of_scope),
      percent(cv.declined_out_of_scope),
      '(never)',
    ],
    ['query p50', `${ours.p50_ms.toFixed(2)} ms`, '', baseline ? `${baseline.p50_ms.toFixed(2)} ms` : '-'],
    ['query p99', `${ours.p99_ms.toFixed(2)} ms`, '', baseline ? `${baseline.p99_ms.toFixed(2)} ms` : '-'],
    ['query CPU p50', `${ours.cpu_p50_ms.toFixed(2)} ms`, '', '-'],
    ['query CPU p99', `${ours.cpu_p99_ms.toFixed(2)} ms`, '', '-'],
    ['index build', `${ours.build_ms} ms`, '', baseline ? `${baseline.build_ms} ms` : '-'],
  ];
  const lines = [
    `${'metric'.padEnd(24)}${'fitted'.padEnd(12)}${`${cv.folds}-fold CV`.padEnd(12)}LangChain default`,
  ];
  for (const [name, a, c, b] of rows) lines.push(`${name.padEnd(24)}${a.padEnd(12)}${c.padEnd(12)}${b}`);
  lines.push(
    '',
    `questions: ${ours.in_scope} in scope, ${ours.out_of_scope} out of scope`,
    `page-size prior chosen by the CV folds: ${ranking.chosen.join(', ')}`,
    ...(ours.passage_judged > 0
      ? [
          `passage holds the page's answering sentence: ${percent(ours.passage_holds_evidence)} of the ${ours.passage_judged} questions answered from the right page`,
        ]
      : []),
    'calibration:',
  );
  for (const bin of ours.calibration) {
    lines.push(
      `  confidence ${bin.from.toFixed(1)}-${bin.to.toFixed(1)}: ${bin.count} questions, mean ${bin.meanConfidence.toFixed(2)}, right page first ${percent(bin.correct)}`,
    );
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const dir = option(argv, '--kb');
  const questionsFile = option(argv, '--questions');
  if (!dir || !questionsFile) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const questions = readQuestions(questionsFile);
  const pageQuestions = option(argv, '--page-questions') ?? process.env.KB_QUESTIONS ?? 'kb-questions';
  const knowledge = new DocsKnowledgeBase({
    dir,
    baseUrl: option(argv, '--base-url') ?? process.env.KB_BASE_URL ?? 'https://docs.connexcs.com',
    // Every timed query does the retrieval: a cached answer would time a map lookup.
    answerCacheSize: 0,
    ...(pageQuestions !== 'none' && { pageQuestions }),
  });
  await knowledge.load();
  const ours = await evaluateAnswers((q) => knowledge.answer(q), questions, knowledge.stats().buildMs);
  const assessed = questions.map((question) => ({
    question,
    evidence: knowledge.assess(question.question).evidence,
  }));
  const cv = crossValidate(assessed);
  const poolFile = option(argv, '--pool');
  const ranked = [
    ...questions.map((question) => ({ question, reported: true })),
    ...(poolFile ? readQuestions(poolFile) : []).map((question) => ({ question, reported: false })),
  ]
    .filter(({ question }) => question.kind === 'in-scope')
    .map(({ question, reported }) => ({
      gold: question.gold,
      reported,
      pagePathsByCandidate: PAGE_SIZE_PRIOR_CANDIDATES.map(
        (prior) => knowledge.assess(question.question, prior).pagePaths,
      ),
    }));
  const rankingCv = crossValidateRanking(PAGE_SIZE_PRIOR_CANDIDATES, ranked);
  if (argv.includes('--fit')) {
    process.stdout.write(`${JSON.stringify(fitConfidenceModel(assessed))}\n`);
    return 0;
  }
  const baseline = argv.includes('--no-baseline')
    ? undefined
    : await evaluateLangChainBaseline(dir, questions);
  if (argv.includes('--json')) {
    const { misses, ...figures } = ours;
    const out = {
      ...figures,
      cross_validated: { ...cv, ...rankingCv },
      ...(argv.includes('--misses') ? { misses } : {}),
    };
    process.stdout.write(`${JSON.stringify(baseline ? { ...out, baseline } : out)}\n`);
    return 0;
  }
  process.stdout.write(`${table(ours, cv, rankingCv, baseline)}\n`);
  if (argv.includes('--misses')) {
    for (const miss of ours.misses)
      process.stdout.write(`  miss ${miss.id}: got ${miss.got} want ${miss.gold.join(', ')}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
