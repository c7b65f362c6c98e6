import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

// Images cannot be pulled or built on the CI machine, so the Dockerfile is checked as text: parsed
// into instructions and held to the rules an operator relies on.
const ROOT = path.resolve(__dirname, '../..');
const dockerfile = DockerfileParser.parse(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The instructions of each stage, FROM first. */
function stages(): Instruction[][] {
  const out: Instruction[][] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') out.push([]);
    out[out.length - 1]?.push(instruction);
  }
  return out;
}
const runtime = stages().at(-1) ?? [];
const of = (keyword: string) => runtime.filter((i) => i.getKeyword() === keyword);
const text = (i: Instruction) => i.getArgumentsContent() ?? '';

describe('the Dockerfile', () => {
  it('builds and runs on Node 24 (the current LTS)', () => {
    const froms = dockerfile.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) {
      expect(from.getImageName()).toBe('node');
      expect(from.getImageTag()).toMatch(/^24(\.|-|$)/);
    }
  });

  it('runs the compiled JavaScript as the node user, with a health check', () => {
    expect(of('USER').map(text)).toEqual(['node']);
    const [cmd] = of('CMD');
    expect(cmd && JSON.parse(text(cmd))).toEqual(['node', 'dist/app/main.js']);
    expect(dockerfile.getHEALTHCHECKs()).toHaveLength(1);
    expect(text(dockerfile.getHEALTHCHECKs()[0]!)).toContain('/healthz');
  });

  it('leaves the app files to root, so the node user cannot change them; only /data is writable', () => {
    const copies = of('COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(text(copy)).not.toMatch(/--chown|--chmod/);
    const runs = of('RUN').map(text);
    expect(runs).toEqual(['mkdir -p /data && chown node:node /data']);
    // USER comes after every COPY and RUN: nothing is written as node at build time.
    const userLine = runtime.indexOf(of('USER')[0]!);
    expect(runtime.findLastIndex((i) => ['COPY', 'RUN'].includes(i.getKeyword()))).toBeLessThan(userLine);
  });

  it('ships production dependencies only: the build stage prunes the dev tools away', () => {
    const build = stages()[0]!.map(text).join('\n');
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(runtime.map(text).join('\n')).not.toMatch(/tsx|esbuild|ts-node|npm (ci|install)/);
    for (const tool of ['tsx', 'esbuild', '@langchain/community', 'typescript']) {
      expect(pkg.dependencies[tool]).toBeUndefined();
      expect(pkg.devDependencies[tool]).toBeDefined();
    }
  });
});

describe('package.json', () => {
  it('names the supported Node versions', () => {
    expect(pkg.engines.node).toBe('>=20');
  });

  it('lists every package the server imports at run time as a dependency', () => {
    // Browser code is bundled at build time; the eval CLI and its LangChain baseline are dev tools.
    const skipped = [/\/widget\//, /\/ui\//, /app\/cli\/eval\.ts$/, /langchain-baseline\.ts$/];
    const missing = new Set<string>();
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (file.endsWith('.ts') && !skipped.some((rule) => rule.test(file))) {
          const source = fs.readFileSync(file, 'utf8');
          for (const match of source.matchAll(/^import (?!type )[^;]*?from '([^.][^']*)'/gm)) {
            const specifier = match[1]!;
            const name = specifier.startsWith('@')
              ? specifier.split('/').slice(0, 2).join('/')
              : specifier.split('/')[0]!;
            if (name.startsWith('node:') || builtinModules.includes(name)) continue;
            if (!pkg.dependencies[name]) missing.add(`${name} (${path.relative(ROOT, file)})`);
          }
        }
      }
    };
    for (const dir of ['src', 'adapters', 'flows', 'app']) visit(path.join(ROOT, dir));
    expect([...missing]).toEqual([]);
  });
});
