import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Every TypeScript file below a folder of the project, with what it imports. */
function importsBelow(folder: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (file.endsWith('.ts')) {
        const source = fs.readFileSync(file, 'utf8');
        for (const match of source.matchAll(/(?:^import [^;]*?from |import\(|require\()'([^']+)'/gm)) {
          found.push({ file: path.relative(ROOT, file), specifier: match[1]! });
        }
      }
    }
  };
  visit(path.join(ROOT, folder));
  return found;
}

/** Which top-level folder of the project a relative import from `file` reaches. */
function folderReached(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier)).split(path.sep)[0];
}

describe('layering', () => {
  it('keeps databases, brokers and mail clients out of src/ (they live in adapters/, wired in app/)', () => {
    const infrastructure =
      /^(better-sqlite3|redis|ioredis|@socket\.io\/|nodemailer|imapflow|mailparser|@langchain\/community)/;
    const offending = importsBelow('src')
      .filter(({ specifier }) => infrastructure.test(specifier))
      .map(({ file, specifier }) => `${file} imports ${specifier}`);
    expect(offending).toEqual([]);
  });

  it('lets dependencies point inward only: src/ never imports adapters/, flows/ or app/', () => {
    const outward = importsBelow('src')
      .filter(({ file, specifier }) =>
        ['adapters', 'flows', 'app'].includes(folderReached(file, specifier) ?? ''),
      )
      .map(({ file, specifier }) => `${file} imports ${specifier}`);
    expect(outward).toEqual([]);
  });

  it('keeps flows away from the adapters and the wiring', () => {
    const outward = importsBelow('flows')
      .filter(({ file, specifier }) => ['adapters', 'app'].includes(folderReached(file, specifier) ?? ''))
      .map(({ file, specifier }) => `${file} imports ${specifier}`);
    expect(outward).toEqual([]);
  });
});
