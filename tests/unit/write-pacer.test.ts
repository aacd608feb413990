import { describe, expect, it } from 'vitest';
import { noWork, placesOf, WritePacer } from '../../src/services/write-pacer.ts';
import { syntheticReport } from '../support/builders.ts';

const work = (place: string) => ({
  ...noWork,
  reports: [{ ...syntheticReport(place), id: `01J${place}`, published: '2024-03-15T00:00:00.000Z' }],
});

describe('write pacer', () => {
  it('lets the first flush start at once and gathers work that arrives meanwhile', () => {
    const pacer = new WritePacer(1000);
    expect(pacer.add(work('a'))).toBe(true);
    expect(pacer.waitMs(0)).toBe(0);
    expect(pacer.add(work('b'))).toBe(false);
    const flush = pacer.start(0);
    expect(placesOf(flush.work)).toEqual(['a', 'b']);
  });

  it('starts the next flush no sooner than the interval after the last one finished', () => {
    const pacer = new WritePacer(1000);
    pacer.add(work('a'));
    const first = pacer.start(0);
    expect(pacer.add(work('b'))).toBe(true);
    expect(pacer.waitMs(300)).toBeGreaterThan(0);
    pacer.finish(first, 400);
    expect(pacer.waitMs(400)).toBe(1000);
    expect(pacer.waitMs(1399)).toBe(1);
    expect(pacer.waitMs(1400)).toBe(0);
    expect(placesOf(pacer.start(1400).work)).toEqual(['b']);
  });

  it('takes a flush that never finished for lost, so later work is not held forever', () => {
    const pacer = new WritePacer(1000, 15_000);
    pacer.add(work('a'));
    pacer.start(0);
    pacer.add(work('b'));
    expect(pacer.waitMs(14_999)).toBe(1);
    expect(pacer.waitMs(15_000)).toBe(0);
  });
});
