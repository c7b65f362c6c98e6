import { createInterface } from 'node:readline/promises';
import { AgentDirectory } from '../../src/agents/agent-directory';
import { randomPassword } from '../../src/agents/passwords';
import { HandoffError } from '../../src/errors';
import { openStore } from './open-store';

const USAGE = `Manage the agents who sign in to the console.

  npm run agents -- list
  npm run agents -- add <username> [--name "Display Name"] [--admin] [--password <pw>]
  npm run agents -- remove <username>
  npm run agents -- reset <username> [--password <pw>]

Without --password a random one is generated and printed once (or typed at a prompt with --prompt).
Uses the same store as the server: DATA_DIR (SQLite) or REDIS_URL.`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password (8+ characters): ');
  rl.close();
  return answer;
}

async function main(argv: string[]): Promise<number> {
  const [command, username, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  const store = await openStore('agents-cli');
  const directory = new AgentDirectory(store, 0);
  try {
    const passwordFor = async (): Promise<{ password: string; generated: boolean }> => {
      const given =
        option(rest, '--password') ?? (rest.includes('--prompt') ? await askPassword() : undefined);
      return given ? { password: given, generated: false } : { password: randomPassword(), generated: true };
    };
    switch (command) {
      case 'list': {
        const agents = await directory.list();
        for (const agent of agents) {
          process.stdout.write(`${agent.username}\t${agent.role}\t${agent.displayName}\n`);
        }
        if (agents.length === 0)
          process.stdout.write('No agents yet: the server creates "admin" on first start.\n');
        return 0;
      }
      case 'add': {
        if (!username) throw new HandoffError('usage', 'add needs a username');
        const { password, generated } = await passwordFor();
        const name = option(rest, '--name');
        const agent = await directory.add({
          username,
          password,
          role: rest.includes('--admin') ? 'admin' : 'agent',
          ...(name !== undefined && { displayName: name }),
        });
        process.stdout.write(
          `Added ${agent.username} (${agent.role}).${generated ? ` Password: ${password}` : ''}\n`,
        );
        return 0;
      }
      case 'remove': {
        if (!username) throw new HandoffError('usage', 'remove needs a username');
        await directory.remove(username);
        process.stdout.write(`Removed ${username}; their sessions are closed.\n`);
        return 0;
      }
      case 'reset': {
        if (!username) throw new HandoffError('usage', 'reset needs a username');
        const { password, generated } = await passwordFor();
        await directory.resetPassword(username, password);
        process.stdout.write(
          `Password of ${username} reset; their sessions are closed.${generated ? ` New password: ${password}` : ''}\n`,
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
