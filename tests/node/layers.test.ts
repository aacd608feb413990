// Imports in src/ run one way, type-only imports included: a layered core (domain, words,
// render, contract, store, answers, writers, services, http, routes) and, over it, the
// surfaces an audience uses (the desk, push, drafting), which the core never imports. The
// table below is the whole of what may import what; a folder or root file of src/ that it
// does not place fails the test until it is placed.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

const surfaces = ['desk', 'push', 'drafting'];
const core = [
  'domain',
  'cursors',
  'words',
  'render',
  'contract',
  'store',
  'answers',
  'writers',
  'services',
  'http',
  'routes',
];
// Root files every part may lean on: the problem types, hashing, encodings of bytes, the
// bounded map, the Worker's settings.
const shared = ['problems.ts', 'digest.ts', 'encoding.ts', 'lru-map.ts', 'settings.ts'];

/** Which parts of src/ each part may import, besides itself. */
const mayImport: Record<string, readonly string[]> = {
  'problems.ts': ['domain'],
  'digest.ts': ['encoding.ts'],
  'encoding.ts': [],
  'lru-map.ts': [],
  'settings.ts': [],
  domain: ['problems.ts', 'digest.ts'],
  cursors: ['domain', ...shared],
  words: ['domain', 'problems.ts'],
  render: ['domain', 'words', 'problems.ts', 'digest.ts'],
  // The catalogue of every public document: push's (webhook events, subscriptions) too.
  contract: ['domain', 'render', 'problems.ts', 'push'],
  store: ['domain', 'render', ...shared],
  answers: ['domain', 'cursors', 'words', 'render', 'store', ...shared],
  writers: ['domain', 'cursors', 'words', 'render', 'store', 'answers', ...shared],
  services: ['domain', 'cursors', 'words', 'render', 'store', 'answers', 'writers', ...shared],
  http: [
    'domain',
    'cursors',
    'words',
    'render',
    'contract',
    'store',
    'answers',
    'writers',
    'services',
    ...shared,
  ],
  routes: [
    'domain',
    'cursors',
    'words',
    'render',
    'contract',
    'store',
    'answers',
    'writers',
    'services',
    'http',
    ...shared,
  ],
  desk: [...core, ...shared, 'drafting'],
  push: [...core, ...shared],
  drafting: [...core, ...shared],
  'app.ts': [...core, ...shared, ...surfaces],
  'index.ts': [...core, ...shared, ...surfaces, 'app.ts'],
};

/** The part of src/ a path is in: its top folder, or the root file itself. */
const partOf = (path: string) => relative(src, path).split(sep)[0] ?? '';

// `import … from`, `export … from`, `import '…'` and `import('…')`, type-only ones alike.
const relativeImport = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** Each import in `text` (the file at `file`) that the table does not allow, named by file and specifier. */
function forbiddenImports(file: string, text: string): string[] {
  const from = partOf(file);
  const allowed = mayImport[from];
  return [...text.matchAll(relativeImport)].flatMap(([, , specifier = '']) => {
    const target = resolve(dirname(file), specifier.replace(/\?.*$/, ''));
    // A package's own module, named by its path: no part of src/.
    if (relative(src, target).startsWith('..')) return [];
    const to = partOf(target);
    const named = `${relative(root, file)} imports '${specifier}'`;
    if (allowed === undefined) return [`${named}: src/${from} is not in the table`];
    if (to === from || allowed.includes(to)) return [];
    if (mayImport[to] === undefined) return [`${named}: src/${to} is not in the table`];
    return [`${named}: ${from} may not import ${to}`];
  });
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

describe('the layers of src/', () => {
  it('has every import follow the table, type-only imports included', () => {
    const files = filesUnder(src).filter((path) => /\.tsx?$/.test(path));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('places every folder and root file of src/ in the table', () => {
    const unplaced = readdirSync(src).filter((name) => mayImport[name] === undefined);
    expect(unplaced).toEqual([]);
  });

  it('lets no part of the core import a surface', () => {
    const reaching = core.flatMap((part) =>
      (mayImport[part] ?? []).filter((to) => surfaces.includes(to)).map((to) => `${part} → ${to}`),
    );
    // The contract catalogues every public document, a surface's included.
    expect(reaching).toEqual(['contract → push']);
  });

  it('names the file and the import that break the table', () => {
    const at = (path: string) => join(src, path);
    expect(
      forbiddenImports(at('writers/x.ts'), "import type { DeskSession } from '../desk/session-object.ts';"),
    ).toEqual(["src/writers/x.ts imports '../desk/session-object.ts': writers may not import desk"]);
    expect(forbiddenImports(at('domain/x.ts'), "export { a } from '../store/keys.ts';")).toEqual([
      "src/domain/x.ts imports '../store/keys.ts': domain may not import store",
    ]);
    expect(
      forbiddenImports(at('store/x.ts'), "const m = await import('../services/feeds.ts');"),
    ).toHaveLength(1);
    expect(forbiddenImports(at('extras/x.ts'), "import { a } from '../domain/model.ts';")).toEqual([
      "src/extras/x.ts imports '../domain/model.ts': src/extras is not in the table",
    ]);
    expect(forbiddenImports(at('routes/x.ts'), "import { a } from '../extras/a.ts';")).toEqual([
      "src/routes/x.ts imports '../extras/a.ts': src/extras is not in the table",
    ]);
    // What the table allows.
    expect(forbiddenImports(at('desk/x.ts'), "import { a } from '../drafting/extract.ts';")).toEqual([]);
    expect(forbiddenImports(at('answers/x.ts'), "import { a } from '../cursors/history.ts';")).toEqual([]);
    expect(forbiddenImports(at('answers/x.ts'), "import { a } from '../services/feeds.ts';")).toHaveLength(1);
  });
});
