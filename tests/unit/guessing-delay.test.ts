// The wait after wrong secrets: none for the first few, then doubling up to a ceiling.

import { describe, expect, it } from 'vitest';
import {
  delayAfter,
  freeFailures,
  guessSubjects,
  longestDelayMs,
  waitLeft,
} from '../../src/writers/guessing-delay.ts';

describe('delayAfter', () => {
  it('lets a few wrong secrets pass, then doubles the wait with each one, up to the ceiling', () => {
    const waits = Array.from({ length: freeFailures + 12 }, (_, n) => delayAfter(n));
    expect(waits.slice(0, freeFailures)).toEqual(Array(freeFailures).fill(0));
    expect(waits.slice(freeFailures, freeFailures + 4)).toEqual([1000, 2000, 4000, 8000]);
    for (let n = freeFailures + 1; n < waits.length; n++) {
      expect(waits[n]).toBe(Math.min(longestDelayMs, 2 * (waits[n - 1] ?? 0)));
    }
    expect(delayAfter(1000)).toBe(longestDelayMs);
  });
});

describe('waitLeft', () => {
  it('counts from the last wrong secret', () => {
    expect(waitLeft(freeFailures + 2, 10_000, 10_500)).toBe(3500);
    expect(waitLeft(freeFailures + 2, 10_000, 14_000)).toBe(0);
    expect(waitLeft(freeFailures - 1, 10_000, 10_000)).toBe(0);
  });
});

describe('guessSubjects', () => {
  it('counts a wrong secret against its address and against itself', () => {
    expect(guessSubjects('203.0.113.9', 'ab12')).toEqual(['address:203.0.113.9', 'secret:ab12']);
  });
});
