// The remaining-population chart as numbers: which figures it plots and where. Pure, so
// the geometry is tested without markup. A figure is plotted at the middle of the period
// its observed date names, so a month-precise figure is not pinned to the month's first day.
// The chart's line joins running totals only: a count for a period is not a point on it.

import { basisOf } from '../../domain/counts.ts';
import { periodEnd, periodStart } from '../../domain/dates.ts';
import type { Qualifier, ReportSummary, Verification } from '../../domain/model.ts';

export interface PopulationPoint {
  report: string;
  observed: string;
  value: number;
  qualifier: Qualifier;
  verification: Verification;
}

const middleOf = (observed: string) => (periodStart(observed).getTime() + periodEnd(observed).getTime()) / 2;

export interface RunningTotals {
  points: PopulationPoint[];
  /** Counts for a period only that the reports that stand state, left off the line. */
  periodsLeftOut: number;
}

/**
 * The running totals of a count as reported by the reports that stand, in order of
 * observation, and how many of their counts were for a period only.
 */
export function runningTotals(history: readonly ReportSummary[], indicator: string): RunningTotals {
  const counts = history.flatMap((s) => {
    if (s.state !== 'active') return [];
    const figure = s.figures.find((f) => f.indicator === indicator);
    return figure && 'value' in figure ? [{ s, figure }] : [];
  });
  const totals = counts.filter(({ figure }) => basisOf(figure) === 'total');
  const points = totals
    .map(
      ({ s, figure }): PopulationPoint => ({
        report: s.id,
        observed: s.observed,
        value: figure.value,
        qualifier: figure.qualifier,
        verification: s.verification,
      }),
    )
    .sort((a, b) => middleOf(a.observed) - middleOf(b.observed) || a.report.localeCompare(b.report));
  return { points, periodsLeftOut: counts.length - totals.length };
}

export const chartSize = { width: 480, height: 280 } as const;
// Room on the left for value labels up to "1,000,000" at the phone's larger type.
const plot = { left: 100, right: 460, top: 24, bottom: 224 } as const;

export interface ChartGeometry {
  plot: typeof plot;
  points: { x: number; y: number; point: PopulationPoint }[];
  valueTicks: { value: number; y: number }[];
  /** The first and last observed dates, where they fall on the time axis. */
  timeTicks: { observed: string; x: number }[];
  baseline?: { value: number; y: number };
}

/** A tick step of 1, 2 or 5 times a power of ten, giving at most about four steps. */
function tickStep(max: number): number {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((f) => f * power >= raw) ?? 10;
  return step * power;
}

/**
 * Geometry for at least two points, in populationPoints' order; `baseline` is the population
 * before the crisis, if known.
 */
export function chartGeometry(points: readonly PopulationPoint[], baseline?: number): ChartGeometry {
  const times = points.map((p) => middleOf(p.observed));
  const first = Math.min(...times);
  const last = Math.max(...times);
  // All observed in one period: spread the axis a fortnight each way so the points stand apart.
  const padding = first === last ? 14 * 24 * 60 * 60 * 1000 : 0;
  const [from, to] = [first - padding, last + padding];
  // A tenth of headroom keeps the highest point and the baseline's label inside the plot.
  const largest = Math.max(...points.map((p) => p.value), baseline ?? 0, 1) * 1.1;
  const step = tickStep(largest);
  const top = Math.ceil(largest / step) * step;
  const x = (time: number) => plot.left + ((time - from) / (to - from)) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - (value / top) * (plot.bottom - plot.top);
  const valueTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => ({
    value: i * step,
    y: y(i * step),
  }));
  const ends = new Set([points[0]?.observed, points.at(-1)?.observed]);
  const timeTicks = [...ends].flatMap((observed) =>
    observed === undefined ? [] : [{ observed, x: x(middleOf(observed)) }],
  );
  return {
    plot,
    points: points.map((point, i) => ({ x: x(times[i] ?? first), y: y(point.value), point })),
    valueTicks,
    timeTicks,
    ...(baseline === undefined ? {} : { baseline: { value: baseline, y: y(baseline) } }),
  };
}
