import { describe, expect, it } from 'vitest';
import { type ChainLinks, chainRetractions, chainVersions } from '../../src/domain/withdrawal.ts';

/** SYNTHETIC links: each id and what it corrects; ids in `elsewhere` are filed under another place. */
function links(corrects: Record<string, string | undefined>, elsewhere: readonly string[] = []): ChainLinks {
  return {
    own: (id) => (id in corrects && !elsewhere.includes(id) ? { corrects: corrects[id] } : undefined),
    correctionsOf: (id) =>
      Object.entries(corrects)
        .filter(([, of]) => of === id)
        .map(([correction]) => ({ id: correction, elsewhere: elsewhere.includes(correction) })),
  };
}

describe('chainVersions', () => {
  const chain = { a: undefined, b: 'a', c: 'b', d: 'a', other: undefined };

  it('finds the original and every correction from any version, and nothing unrelated', () => {
    for (const from of ['a', 'b', 'c', 'd'])
      expect(chainVersions(from, links(chain))?.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(chainVersions('other', links(chain))).toEqual(['other']);
  });

  it('answers nothing when a version is filed under another place', () => {
    expect(chainVersions('a', links(chain, ['c']))).toBeUndefined();
    expect(chainVersions('b', links(chain, ['a']))).toBeUndefined();
  });
});

describe('chainRetractions', () => {
  it('gives every version the same reason and time, naming the version asked of', () => {
    const asked = { report: 'b', reason: 'SYNTHETIC', retracted: '2024-03-15T10:00:00.000Z' };
    expect(chainRetractions(asked, ['a', 'b'])).toEqual([
      { ...asked, report: 'a', withdrawnWithChainOf: 'b' },
      { ...asked, report: 'b', withdrawnWithChainOf: 'b' },
    ]);
  });
});
