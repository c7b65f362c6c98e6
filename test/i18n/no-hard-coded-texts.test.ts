import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** Every TypeScript file under a folder of the repository. */
function sources(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/**
 * What a customer-facing text written in code looks like: a literal said straight away, or a
 * message's text or button label starting with a capital letter. Values of quick replies are not
 * texts (they are the words the bot reads back), so `value:` is not looked at.
 */
const SPOKEN_LITERAL = [
  /\bsay\(\s*['"`][A-Za-z]/,
  /\bsay\(\s*\w+,\s*['"`][A-Za-z]/,
  /\btext:\s*['"`][A-Z]/,
  /\blabel:\s*['"`][A-Z]/,
];

describe('bot texts come from the catalogs', () => {
  it('has no customer-facing sentence written in the flows, the policy answers, the routing, or the e-mail and phone channels', () => {
    const files = [
      ...sources('flows'),
      ...sources('adapters/email'),
      ...sources('adapters/voice'),
      ...sources('src/policy').filter((file) => !/policy-(schema|texts-es)\.ts$|phone-line/.test(file)),
      'src/engine/routing-steps.ts',
      'src/engine/engine.ts',
      'src/handoff/handoff-service.ts',
      'src/tickets/fix-confirmation.ts',
      'src/satisfaction/rating-question.ts',
    ];
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//'))
        .filter(({ line }) => SPOKEN_LITERAL.some((pattern) => pattern.test(line))),
    );
    expect(found).toEqual([]);
  });
});
