// Bundles the browser code: the chat widget (public/build/widget.js) and the agent console
// (public/build/console.js). Flags: --if-missing skips the build when both bundles are newer than
// every source file; --watch rebuilds on change.
import { build, context } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public', 'build');
const bundles = [
  { entry: 'adapters/web/widget/main.ts', out: 'widget.js', sources: ['adapters/web/widget'] },
  { entry: 'adapters/console/ui/main.ts', out: 'console.js', sources: ['adapters/console/ui'] },
];
const sharedSources = ['src/realtime/socket-events.ts', 'src/model'];
const args = new Set(process.argv.slice(2));

function newestMtime(relative) {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((name) => newestMtime(path.join(relative, name))));
}

function upToDate() {
  return bundles.every((bundle) => {
    const out = path.join(outDir, bundle.out);
    if (!fs.existsSync(out)) return false;
    const newestSource = Math.max(...[...bundle.sources, ...sharedSources].map(newestMtime));
    return fs.statSync(out).mtimeMs >= newestSource;
  });
}

const options = (bundle) => ({
  entryPoints: [path.join(root, bundle.entry)],
  outfile: path.join(outDir, bundle.out),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

function report() {
  for (const bundle of bundles) {
    const bytes = fs.readFileSync(path.join(outDir, bundle.out));
    const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
    console.log(
      `ui: ${bundle.out} ${(bytes.length / 1024).toFixed(1)} kB, ${(gzipped / 1024).toFixed(1)} kB gzipped`,
    );
  }
}

if (args.has('--if-missing') && upToDate()) {
  console.log('ui: bundles are up to date');
} else if (args.has('--watch')) {
  for (const bundle of bundles) {
    const ctx = await context(options(bundle));
    await ctx.watch();
  }
  console.log('ui: watching for changes');
} else {
  await Promise.all(bundles.map((bundle) => build(options(bundle))));
  report();
}
