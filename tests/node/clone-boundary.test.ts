// A clone is the whole project: nothing that npm test, npm start, npm run bench or CI runs may
// read a path outside the repository (a user's clone has nothing beside it). Every file of
// those is scanned for the ways code reaches a path: imports, file-relative URLs and joins,
// and paths handed to the file system, which scripts resolve from the repository root.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const scanned = ['src', 'tests', 'scripts', 'bench', '.ci', 'vitest.config.ts', 'package.json'];
const skipped = new Set(['node_modules', '.build', 'results', 'fixtures']);
const codeFile = /\.(ts|tsx|mjs|js|json|sh)$|^run$/;

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => (skipped.has(name) ? [] : filesUnder(join(path, name))));
}

const outside = (path: string) => {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith(`..${sep}`);
};

// A sibling folder of the repository named in any form.
const siblingFolder = /(?:^|[^\w.])\.\.\/shared\b/;
// A literal relative path, in quotes or backticks.
const relativeLiteral = /['"`]((?:\.\.?\/)+[^'"`\s$]*)['"`]/g;
// A literal handed to the file system or a child process: resolved from the working
// directory, which is the repository root for every npm script.
const workingDirectoryPath =
  /\b(?:readFileSync|readFile|readdirSync|existsSync|statSync|createReadStream|copyFileSync|cwd:)\s*\(?\s*['"`]((?:\.\.\/)+[^'"`]*)['"`]/g;
// Folders of this machine rather than of the project.
const machinePath = /['"`]\/(?:work|home|root)\//;

interface Escape {
  file: string;
  line: number;
  text: string;
}

/** Whether one line of the file at `file` reaches outside the repository. */
function leavesRepository(file: string, line: string): boolean {
  if (siblingFolder.test(line) || machinePath.test(line)) return true;
  const fromFile = [...line.matchAll(relativeLiteral)].map(([, path = '']) => resolve(dirname(file), path));
  const fromRoot = [...line.matchAll(workingDirectoryPath)].map(([, path = '']) => resolve(root, path));
  return [...fromFile, ...fromRoot].some(outside);
}

/** Every line of `text` (the file at `file`) that reaches outside the repository. */
function escapes(file: string, text: string): Escape[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      leavesRepository(file, line)
        ? [{ file: relative(root, file), line: index + 1, text: line.trim() }]
        : [],
    );
}

describe('a clone is the whole project', () => {
  it('has no file that npm test, npm start, npm run bench or CI runs reaching outside the repository', () => {
    const files = scanned
      .map((path) => join(root, path))
      .flatMap(filesUnder)
      .filter((path) => codeFile.test(path.split(sep).at(-1) ?? ''))
      // This file's own examples of escapes are data for the second test.
      .filter((path) => path !== import.meta.filename);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => escapes(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('recognises each way a path can leave the repository', () => {
    const at = (path: string) => join(root, path);
    const leaves = (path: string, line: string) => escapes(at(path), line).length > 0;
    // The three ways the feed conformance test, the seed test and the start check once did,
    // each reaching `depth` folders up into the folder beside the clone. The paths are built,
    // so that this file, which only tests the check, names no path outside the repository.
    const beside = (depth: number, path: string) => `${'../'.repeat(depth)}shared/${path}`;
    expect(
      leaves(
        'tests/node/x.test.ts',
        `readFileSync(join(import.meta.dirname, '${beside(3, 'schemas/atom.rng')}'), 'utf8');`,
      ),
    ).toBe(true);
    expect(leaves('tests/integration/x.test.ts', `import a from '${beside(3, 'seeds/a.txt')}?raw';`)).toBe(
      true,
    );
    expect(leaves('scripts/x.mjs', `readFileSync('${beside(1, 'schemas/atom.rng')}', 'utf8')`)).toBe(true);
    expect(leaves('scripts/x.mjs', "readFileSync('../elsewhere/file.json', 'utf8')")).toBe(true);
    expect(leaves('tests/unit/x.test.ts', "import x from '../../../other-project/x.ts';")).toBe(true);
    expect(leaves('bench/x.mjs', "const folder = '/work/data/x';")).toBe(true);
    // Paths that stay inside.
    expect(leaves('tests/unit/x.test.ts', "import { a } from '../../src/domain/model.ts';")).toBe(false);
    expect(leaves('tests/browser/x.test.ts', "new URL('../../screenshots/', import.meta.url)")).toBe(false);
    expect(leaves('scripts/x.mjs', "readFileSync('tests/fixtures/schemas/atom.rng', 'utf8')")).toBe(false);
    expect(leaves('tests/hostile/corpus.ts', "  '../../etc/passwd',")).toBe(false);
  });
});
