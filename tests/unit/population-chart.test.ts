import { describe, expect, it } from 'vitest';
import type { Qualifier } from '../../src/domain/model.ts';
import { chartGeometry, runningTotals } from '../../src/render/html/chart-data.ts';
import {
  acceptedReport,
  deaths,
  deathsInPeriod,
  remaining,
  summaryOf,
  syntheticId,
} from '../support/builders.ts';

const populationPoints = (history: Parameters<typeof runningTotals>[0]) =>
  runningTotals(history, 'population_remaining').points;

const reported = (n: number, observed: string, value: number, qualifier: Qualifier = 'approximately') =>
  acceptedReport(n, { observed, figures: [{ ...remaining(value), qualifier }] });

describe('runningTotals', () => {
  it('takes the reports that stand, in order of observation, whatever order they were published in', () => {
    const points = populationPoints([
      summaryOf(reported(4, '2024-02', 30_000)),
      summaryOf(reported(3, '2024-06', 9_000), { state: 'retracted' }),
      summaryOf(reported(2, '2024-05', 18_000), { state: 'superseded', supersededBy: syntheticId(5) }),
      summaryOf(reported(1, '2024-01-20', 41_000, 'at_least')),
      summaryOf(acceptedReport(0)),
    ]);
    expect(points.map((p) => [p.report, p.observed, p.value, p.qualifier])).toEqual([
      [syntheticId(1), '2024-01-20', 41_000, 'at_least'],
      [syntheticId(4), '2024-02', 30_000, 'approximately'],
    ]);
  });

  it('places a coarse date by the middle of its period', () => {
    // "2024" is mid-2024, after "2024-03": it is not pinned to the first of January.
    const points = populationPoints([
      summaryOf(reported(1, '2024', 20_000)),
      summaryOf(reported(2, '2024-03', 30_000)),
    ]);
    expect(points.map((p) => p.observed)).toEqual(['2024-03', '2024']);
  });
});

describe('a chart of running totals', () => {
  it('leaves a count for a period off the line of totals, and says how many it left out', () => {
    const totals = runningTotals(
      [
        summaryOf(acceptedReport(1, { observed: '2022-10', figures: [deaths(80)] })),
        summaryOf(acceptedReport(2, { observed: '2022-11', figures: [deathsInPeriod(40)] })),
        summaryOf(acceptedReport(3, { observed: '2022-11', figures: [deaths(120)] })),
      ],
      'civilian_deaths',
    );
    expect(totals.points.map((p) => [p.observed, p.value])).toEqual([
      ['2022-10', 80],
      ['2022-11', 120],
    ]);
    expect(totals.periodsLeftOut).toBe(1);
  });

  it('leaves nothing out of the residents, whose counts are totals only', () => {
    const totals = runningTotals([summaryOf(reported(1, '2024-01', 41_000))], 'population_remaining');
    expect(totals).toMatchObject({ periodsLeftOut: 0, points: [{ value: 41_000 }] });
  });
});

describe('chartGeometry', () => {
  const points = populationPoints([
    summaryOf(reported(1, '2024-01', 41_000)),
    summaryOf(reported(2, '2024-05', 16_000)),
  ]);

  it('spans the plot from the first observation to the last, from zero to above the largest value', () => {
    const g = chartGeometry(points, 50_000);
    expect(g.points.map((p) => p.x)).toEqual([g.plot.left, g.plot.right]);
    expect(g.valueTicks.map((t) => t.value)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(g.valueTicks[0]?.y).toBe(g.plot.bottom);
    expect(g.valueTicks.at(-1)?.y).toBe(g.plot.top);
    expect(g.baseline?.value).toBe(50_000);
    expect(g.baseline?.y).toBeCloseTo(g.plot.bottom - (50_000 / 60_000) * (g.plot.bottom - g.plot.top));
    expect(g.timeTicks.map((t) => t.observed)).toEqual(['2024-01', '2024-05']);
  });

  it('keeps points observed in one period apart from the axis ends, with one time label', () => {
    const same = populationPoints([
      summaryOf(reported(1, '2024-05', 16_000)),
      summaryOf(reported(2, '2024-05', 15_000)),
    ]);
    const g = chartGeometry(same);
    const middle = (g.plot.left + g.plot.right) / 2;
    expect(g.points.map((p) => p.x)).toEqual([middle, middle]);
    expect(g.timeTicks).toEqual([{ observed: '2024-05', x: middle }]);
    expect(g.baseline).toBeUndefined();
  });
});
