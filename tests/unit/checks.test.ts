import { describe, expect, it } from 'vitest';
import { checkPlaceExists, checkReportDates } from '../../src/domain/checks.ts';
import type { ReportInput } from '../../src/domain/model.ts';
import { syntheticReport, syntheticSlug } from '../support/builders.ts';

const now = new Date('2024-03-15T12:00:00.000Z');

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return syntheticReport(syntheticSlug, { observed: '2024-03-10', ...overrides });
}

describe('checkReportDates', () => {
  it('finds nothing wrong with dates in the past and since before observed', () => {
    expect(checkReportDates(input(), now)).toEqual([]);
  });

  it('reports an observed date in the future at /observed under the rule "not in the future"', () => {
    const issues = checkReportDates(input({ observed: '2024-03-16' }), now);
    expect(issues).toEqual([
      {
        pointer: '/observed',
        rule: 'not in the future',
        detail: expect.stringContaining('2024-03-16'),
        words: { kind: 'future', date: '2024-03-16' },
      },
    ]);
  });

  it('accepts an observed date whose period has already begun, even at coarse precision', () => {
    const figures: ReportInput['figures'] = [{ indicator: 'electricity', state: 'unavailable' }];
    expect(checkReportDates(input({ observed: '2024-03-15', figures }), now)).toEqual([]);
    expect(checkReportDates(input({ observed: '2024-03', figures }), now)).toEqual([]);
    expect(checkReportDates(input({ observed: '2024', figures }), now)).toEqual([]);
  });

  it('reports a coarse observed date whose period starts after now', () => {
    expect(checkReportDates(input({ observed: '2024-04' }), now).map((i) => i.pointer)).toEqual([
      '/observed',
    ]);
  });

  it('reports a since date after the observed date at the figure that holds it', () => {
    const issues = checkReportDates(
      input({
        observed: '2024-03-10',
        figures: [
          { indicator: 'gas', state: 'available' },
          {
            indicator: 'electricity',
            state: 'unavailable',
            since: { date: '2024-03-12', qualifier: 'exact' },
          },
        ],
      }),
      now,
    );
    expect(issues).toEqual([
      {
        pointer: '/figures/1/since/date',
        rule: 'not after observed',
        detail: expect.stringContaining('2024-03-12'),
        words: expect.objectContaining({ kind: 'sinceAfterObserved' }),
      },
    ]);
  });

  it('reports a since date in the future as in the future', () => {
    const issues = checkReportDates(
      input({
        observed: '2024-03-10',
        figures: [
          { indicator: 'electricity', state: 'unavailable', since: { date: '2025', qualifier: 'exact' } },
        ],
      }),
      now,
    );
    expect(issues).toEqual([
      {
        pointer: '/figures/0/since/date',
        rule: 'not in the future',
        detail: expect.stringContaining('2025'),
        words: expect.objectContaining({ kind: 'future' }),
      },
    ]);
  });

  it('accepts a since date on the observed date or in a coarser period that contains it', () => {
    const figures = (date: string): ReportInput['figures'] => [
      { indicator: 'electricity', state: 'unavailable', since: { date, qualifier: 'exact' } },
    ];
    expect(checkReportDates(input({ observed: '2024-03-10', figures: figures('2024-03-10') }), now)).toEqual(
      [],
    );
    expect(checkReportDates(input({ observed: '2024-03-10', figures: figures('2024-03') }), now)).toEqual([]);
    expect(checkReportDates(input({ observed: '2024-03-10', figures: figures('2024') }), now)).toEqual([]);
  });

  it('accepts a finer since date that lies inside a coarse observed period', () => {
    const figures = (date: string): ReportInput['figures'] => [
      { indicator: 'gas', state: 'unavailable', since: { date, qualifier: 'exact' } },
    ];
    expect(checkReportDates(input({ observed: '2024', figures: figures('2024-02') }), now)).toEqual([]);
    expect(checkReportDates(input({ observed: '2024-03', figures: figures('2024-03-05') }), now)).toEqual([]);
    expect(checkReportDates(input({ observed: '2024-02', figures: figures('2024-03-01') }), now)).toEqual([
      expect.objectContaining({ pointer: '/figures/0/since/date', rule: 'not after observed' }),
    ]);
  });

  it('reports every problem, not only the first', () => {
    const issues = checkReportDates(
      input({
        observed: '2024-05',
        figures: [
          { indicator: 'electricity', state: 'unavailable', since: { date: '2024-06', qualifier: 'exact' } },
          { indicator: 'gas', state: 'unavailable', since: { date: '2024-03-01', qualifier: 'exact' } },
          {
            indicator: 'running_water',
            state: 'unavailable',
            since: { date: '2024-04', qualifier: 'exact' },
          },
        ],
      }),
      now,
    );
    expect(issues.map((i) => [i.pointer, i.rule])).toEqual([
      ['/observed', 'not in the future'],
      ['/figures/0/since/date', 'not in the future'],
      ['/figures/2/since/date', 'not in the future'],
    ]);
  });

  it('puts the pointer prefix in front of every pointer', () => {
    const issues = checkReportDates(
      input({
        observed: '2024-03-20',
        figures: [
          {
            indicator: 'electricity',
            state: 'unavailable',
            since: { date: '2024-03-21', qualifier: 'exact' },
          },
        ],
      }),
      now,
      '/reports/2',
    );
    expect(issues.map((i) => i.pointer)).toEqual(['/reports/2/observed', '/reports/2/figures/0/since/date']);
  });
});

describe('checkPlaceExists', () => {
  const known = new Set([syntheticSlug, 'othertown-synthetic']);

  it('finds nothing wrong with a known place', () => {
    expect(checkPlaceExists({ place: syntheticSlug }, known)).toEqual([]);
  });

  it('reports an unknown place at /place under the rule "known place"', () => {
    expect(checkPlaceExists({ place: 'nowhere-synthetic' }, known)).toEqual([
      {
        pointer: '/place',
        rule: 'known place',
        detail: expect.stringContaining('nowhere-synthetic'),
        words: { kind: 'unknownPlace', written: 'nowhere-synthetic', suggestions: [] },
      },
    ]);
  });

  it('puts the pointer prefix in front of the pointer', () => {
    expect(
      checkPlaceExists({ place: 'nowhere-synthetic' }, known, '/reports/0').map((i) => i.pointer),
    ).toEqual(['/reports/0/place']);
  });

  it('knows no place when the set is empty', () => {
    expect(checkPlaceExists({ place: syntheticSlug }, new Set())).toHaveLength(1);
  });
});
