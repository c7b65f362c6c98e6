import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AgentDirectory } from '../../src/agents/agent-directory';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

/** Runs `npm run agents -- ...` as an operator would, against a data folder of its own. */
async function agents(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'app/cli/agents.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, REDIS_URL: '' },
      },
    );
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

describe('agents CLI', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('adds, lists, resets and removes agents in the store the server uses', async () => {
    const added = await agents(dataDir, 'add', 'alice', '--name', 'Alice Smith');
    expect(added.code).toBe(0);
    const password = /Password: (\S+)/.exec(added.out)?.[1];
    expect(password).toBeDefined();

    const store = new SqliteStore(path.join(dataDir, 'handoff.sqlite'));
    const directory = new AgentDirectory(store, 60_000);
    await expect(directory.signIn('alice', password!)).resolves.toMatchObject({
      agent: { displayName: 'Alice Smith' },
    });

    expect((await agents(dataDir, 'list')).out).toContain('alice\tagent\tAlice Smith');
    const duplicate = await agents(dataDir, 'add', 'alice');
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('already exists');

    expect((await agents(dataDir, 'reset', 'alice', '--password', 'brand-new-pass')).code).toBe(0);
    await expect(directory.signIn('alice', password!)).rejects.toThrow('Wrong username or password');
    await expect(directory.signIn('alice', 'brand-new-pass')).resolves.toBeDefined();

    expect((await agents(dataDir, 'remove', 'alice')).code).toBe(0);
    expect((await agents(dataDir, 'remove', 'alice')).code).toBe(1);
    await store.close();
  });

  it('prints its usage and fails on an unknown command', async () => {
    const unknown = await agents(dataDir, 'promote', 'bob');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('npm run agents -- add');
  });
});
