// The documents hold together: every relative link in README.md, SECURITY.md and docs/
// names a file that exists and, with an anchor, a heading of that file; every path of the
// repository they name in code exists; README.md stays the
// front door, a few screens long; and every comment in the code that cites a document names
// a file (and anchor) that exists. A citation by section title breaks silently when the
// section moves or is renamed, so only files and anchors are allowed.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function filesUnder(path: string, name: RegExp): string[] {
  if (!statSync(path).isDirectory()) return name.test(path) ? [path] : [];
  // What a run builds (bench/.build/, ignored by git) is not the project's code.
  return readdirSync(path).flatMap((entry) =>
    entry === 'node_modules' || entry === '.build' ? [] : filesUnder(join(path, entry), name),
  );
}

/** The lines of a markdown text outside fenced code blocks, with their line numbers. */
function proseLines(markdown: string): { line: number; text: string }[] {
  let fenced = false;
  return markdown.split('\n').flatMap((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ line: index + 1, text }];
  });
}

/**
 * GitHub's anchor of a heading: its text without markup, lowercased, without punctuation
 * but for `-` and `_`, each space a `-`.
 */
function headingSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

const anchorsOfFile = new Map<string, Set<string>>();

/** Every anchor of a markdown file: its headings' (a repeated one numbered -1, -2 …) and explicit ones. */
function anchorsOf(file: string): Set<string> {
  const known = anchorsOfFile.get(file);
  if (known) return known;
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(readFileSync(file, 'utf8'))) {
    const heading = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text)?.[1];
    if (heading !== undefined) {
      const slug = headingSlug(heading);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const [, id = ''] of text.matchAll(/<a\s+(?:id|name)=["']([^"']+)["']/g)) anchors.add(id);
  }
  anchorsOfFile.set(file, anchors);
  return anchors;
}

/** Why `file`, with `anchor` when one is given, cannot be found, or undefined. */
function missing(file: string, anchor: string | undefined): string | undefined {
  if (!existsSync(file)) return `no file ${relative(root, file)}`;
  if (!anchor || !file.endsWith('.md')) return undefined;
  return anchorsOf(file).has(anchor) ? undefined : `no anchor #${anchor} in ${relative(root, file)}`;
}

/** Why a link in `from` to `target` (a path from its folder, maybe with `#anchor`) does not resolve. */
function unresolved(from: string, target: string): string | undefined {
  const [path = '', anchor] = target.split('#', 2);
  return missing(path === '' ? from : resolve(dirname(from), decodeURI(path)), anchor);
}

const documents = [
  join(root, 'README.md'),
  join(root, 'SECURITY.md'),
  join(root, 'tests/fixtures/README.md'),
  ...filesUnder(join(root, 'docs'), /\.md$/),
];

// Inline links and images, and reference definitions; inline code is not a link.
const inlineLink = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const referenceDefinition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const withScheme = /^[a-z][a-z0-9+.-]*:/i;

describe('the documents', () => {
  it('link only to files and anchors that exist', () => {
    const broken = documents.flatMap((file) =>
      proseLines(readFileSync(file, 'utf8')).flatMap(({ line, text }) => {
        const prose = text.replace(/`[^`]*`/g, '');
        const targets = [
          ...[...prose.matchAll(inlineLink)].map(([, target = '']) => target),
          ...(referenceDefinition.exec(prose)?.slice(1, 2) ?? []),
        ];
        return targets.flatMap((target) => {
          const why = withScheme.test(target) ? undefined : unresolved(file, target);
          return why ? [`${relative(root, file)}:${line}: (${target}) ${why}`] : [];
        });
      }),
    );
    expect(broken).toEqual([]);
  });

  it('name only files and folders of the repository that exist', () => {
    // A path in a code span, e.g. `src/writers/place-writer.ts`: a file moved or renamed
    // without the documents following it would send a newcomer to a room that is gone.
    // Patterns (`{slug}`, `*`) and what a run generates (bench/.build/) are not paths.
    const repositoryPath = /`((?:src|tests|scripts|bench|examples|seeds|schema|docs)\/[\w./-]*)`/g;
    const stale = documents.flatMap((file) =>
      proseLines(readFileSync(file, 'utf8')).flatMap(({ line, text }) =>
        [...text.matchAll(repositoryPath)]
          .map(([, path = '']) => path)
          .filter((path) => !path.startsWith('bench/.build/') && !existsSync(join(root, path)))
          .map((path) => `${relative(root, file)}:${line}: ${path}`),
      ),
    );
    expect(stale).toEqual([]);
  });

  it('keep README.md the front door: at most 12 KB', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(12_288);
  });
});

// A document the code cites: README (README.md) or a markdown file under docs/, by its path
// from the repository root (or from the file, as an import), maybe with an anchor.
const citation = /(?<![\w./-])((?:[\w.-]+\/)*(?:README(?:\.md)?|docs\/[\w./-]+?\.md))(?!\.?[\w-])(#[\w-]+)?/g;
// A section named by its title in quotes, after the document or before it ("… in README").
const titleAfter = /^(?:'s)?(?:\s*[,:(]\s*|\s+)(?:(?:\/\/|\*|#)\s*)?\(?\\?["“]/;
const titleBefore = /["”]\s+in\s+(?:the\s+)?$/;

const codeFolders = ['src', 'tests', 'scripts', 'bench', 'examples'];
const codeFiles = [
  ...codeFolders.flatMap((folder) => filesUnder(join(root, folder), /\.(ts|tsx|mjs|js|toml)$/)),
  join(root, 'wrangler.toml'),
];

describe('citations of documents in the code', () => {
  it('name a file, and an anchor, that exist, never a section title', () => {
    const broken = codeFiles.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(citation)].flatMap((match) => {
        const [cited, path = '', anchor = ''] = match;
        const at = match.index;
        const line = text.slice(0, at).split('\n').length;
        const where = `${relative(root, file)}:${line}: ${cited}`;
        const rest = text.slice(at + cited.length, at + cited.length + 12);
        const before = text.slice(Math.max(0, at - 12), at);
        if (titleAfter.test(rest) || titleBefore.test(before))
          return [`${where} cites a section by its title`];
        const from = path.startsWith('.') ? dirname(file) : root;
        const why = missing(resolve(from, path.endsWith('.md') ? path : `${path}.md`), anchor.slice(1));
        return why ? [`${where}: ${why}`] : [];
      });
    });
    expect(broken).toEqual([]);
  });
});
