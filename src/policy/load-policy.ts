import fs from 'node:fs';
import { policySchema, type SupportPolicy } from './policy-schema';

/** Thrown when the policy file is missing, not JSON, or breaks a rule; the message names each problem. */
export class PolicyError extends Error {}

/** Validates a policy object (a parsed file); missing values take the published policy's defaults. */
export function parsePolicy(input: unknown): SupportPolicy {
  const result = policySchema.safeParse(input ?? {});
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new PolicyError(`Invalid support policy:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Reads the policy from a JSON file, or returns the defaults when no file is given. */
export function loadPolicy(file: string | undefined): SupportPolicy {
  if (!file) return parsePolicy({});
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyError(`Cannot read the policy file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new PolicyError(`The policy file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePolicy(parsed);
}
