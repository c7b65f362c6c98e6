import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { severityName, type SeverityName } from '../policy/policy-schema';
import { isIntentName, type IntentName } from './intents';
import type { LabelledExample } from './intent-classifier';

const intentFile = z.object({
  intent: z.string().refine(isIntentName, 'is not an intent listed in src/understanding/intents.ts'),
  description: z.string().optional(),
  examples: z.array(z.string().min(1)).min(1),
});
const severityFile = z.record(severityName, z.array(z.string().min(1)));
const categoryFile = z.object({
  platform: z.array(z.string().min(1)).min(1),
  operational: z.array(z.string().min(1)).min(1),
});

/** What the understanding step learns from: the project's own data files in `nlu/`. */
export interface TrainingCorpus {
  intents: LabelledExample<IntentName>[];
  severity: LabelledExample<SeverityName>[];
  category: LabelledExample<'platform' | 'operational'>[];
}

/**
 * Reads `nlu/intents/*.yml`, `nlu/severity.yml` and `nlu/category.yml`. A file that does not fit
 * stops startup with a message naming the file and the field, like a bad policy file.
 */
export function readTrainingCorpus(dir: string): TrainingCorpus {
  const intentsDir = path.join(dir, 'intents');
  const intents: LabelledExample<IntentName>[] = [];
  for (const name of readdirSync(intentsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const file = parseFile(path.join(intentsDir, name), intentFile);
    const intent = file.intent as IntentName;
    for (const text of file.examples) intents.push({ text, label: intent });
  }
  const severities = parseFile(path.join(dir, 'severity.yml'), severityFile);
  const severity = Object.entries(severities).flatMap(([label, texts]) =>
    (texts ?? []).map((text) => ({ text, label: label as SeverityName })),
  );
  const categories = parseFile(path.join(dir, 'category.yml'), categoryFile);
  const category = (['platform', 'operational'] as const).flatMap((label) =>
    categories[label].map((text) => ({ text, label })),
  );
  return { intents, severity, category };
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${file}: ${issue?.path.join('.') || 'file'} ${issue?.message ?? 'is not valid'}`);
}
