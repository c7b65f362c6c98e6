import { HandoffError } from '../../src/errors';
import { API_SCOPES, ApiTokens } from '../../src/integrations/api-tokens';
import { openStore } from './open-store';

const USAGE = `Manage the tokens your other systems call the REST API (/api/v1) with.

  npm run api-tokens -- list
  npm run api-tokens -- create <name> --scopes <scope,scope> [--by <your name>]
  npm run api-tokens -- revoke <token id>

Scopes: ${API_SCOPES.join(', ')}.
The whole token is printed once, at creation; the store keeps only its hash.
Uses the same store as the server: DATA_DIR (SQLite) or REDIS_URL.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, subject, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  const store = await openStore('api-tokens-cli');
  const tokens = new ApiTokens(store);
  try {
    switch (command) {
      case 'list': {
        const all = await tokens.list();
        for (const token of all) {
          const state = token.revokedAt ? `revoked ${new Date(token.revokedAt).toISOString()}` : 'live';
          process.stdout.write(`${token.id}\t${token.name}\t${token.scopes.join(',')}\t${state}\n`);
        }
        if (all.length === 0) process.stdout.write('No API tokens yet.\n');
        return 0;
      }
      case 'create': {
        if (!subject) throw new HandoffError('usage', 'create needs a name');
        const scopes = (option(rest, '--scopes') ?? '').split(',').filter(Boolean);
        const { token, secret } = await tokens.create({
          name: subject,
          scopes,
          createdBy: option(rest, '--by') ?? 'cli',
        });
        process.stdout.write(
          `Created token ${token.id} for "${token.name}" (${token.scopes.join(', ')}). It is shown only now:\n${secret}\n`,
        );
        return 0;
      }
      case 'revoke': {
        if (!subject) throw new HandoffError('usage', 'revoke needs a token id');
        const token = await tokens.revoke(subject);
        process.stdout.write(
          `Revoked ${token.id} ("${token.name}"); requests with it are refused from now on.\n`,
        );
        return 0;
      }
      default:
        process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
        return 1;
    }
  } catch (error) {
    if (error instanceof HandoffError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
