import { ConfigError } from '../src/config';
import { PolicyError } from '../src/policy/load-policy';

/** A reason the server cannot start that the operator fixes in the settings, not in the code. */
export class StartupError extends Error {}

/**
 * One line for an operator's mistake (a bad setting, a bad policy file, an unreachable Redis),
 * without a stack trace; undefined for anything else, which is a bug and keeps its stack.
 */
export function startupErrorLine(error: unknown): string | undefined {
  if (!(error instanceof ConfigError || error instanceof PolicyError || error instanceof StartupError)) {
    return undefined;
  }
  // The config and policy messages list one problem per indented line: keep them on one line.
  const parts = error.message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const [head = '', ...details] = parts;
  return details.length ? `${head.replace(/:$/, '')}: ${details.join('; ')}` : head;
}

/** A Redis URL fit for a log line: the password and user name taken out. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable REDIS_URL)';
  }
}
