// Time series: the points of one indicator over time, for charting "residents remaining
// over time" without cleaning a table first. One point per report that states the
// indicator, ordered by when the conditions held (the start of the observed period, then
// the time the service accepted it). Superseded and retracted reports are left out unless
// asked for: a correction replaces its original, and a retraction withdraws it. Each point
// carries its observed period whole (start, end, precision), so that "2022-11" and
// "2022-12-10" sit on one time axis without guessing. A running total and a count for a
// period are different quantities even of one indicator: each count's point states its
// basis, and a filter keeps to one, so that a chart never draws them as one line. Pure.

import * as z from 'zod';
import { basisOf } from './counts.ts';
import { periodEnd, periodStart, precisionOf } from './dates.ts';
import { type IndicatorId, indicatorIds } from './indicators.ts';
import {
  type CountBasis,
  countBasis,
  partialDate,
  qualifier,
  type ReportSummary,
  reportId,
  reportState,
  slug,
  source,
  timestamp,
  utilityStates,
  verification,
} from './model.ts';

const day = z.iso.date();

export const seriesPoint = z.strictObject({
  report: reportId,
  place: slug,
  observed: partialDate.meta({ description: 'When the conditions held, at the precision the source gave' }),
  observedStart: day.meta({ description: 'The first day of the observed period' }),
  observedEnd: day.meta({ description: 'The last day of the observed period' }),
  precision: z.enum(['year', 'month', 'day']),
  value: z.int().optional().meta({ description: "A count's value; for a range, its low bound" }),
  high: z.int().optional().meta({ description: "A range's high bound" }),
  qualifier: qualifier.optional(),
  basis: countBasis.optional().meta({
    description:
      "A count's basis: total (a running total) or period (counted within the observed period only); always stated for a count",
  }),
  state: z.enum(utilityStates).optional().meta({ description: "A utility's state" }),
  since: z
    .strictObject({ date: partialDate, qualifier })
    .optional()
    .meta({ description: "Since when a utility's state holds, or since when a running total counts" }),
  verification,
  source: source.pick({ name: true, kind: true }).meta({ description: "The report's source" }),
  published: timestamp,
  reportState: reportState.meta({ description: 'active, unless include=all shows the others' }),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const series = z
  .strictObject({
    indicator: z.enum(indicatorIds),
    place: slug.optional().meta({ description: 'The place, when the series is of one' }),
    points: z.array(seriesPoint),
  })
  .meta({ id: 'Series' });
export type Series = z.infer<typeof series>;

export interface SeriesFilter {
  /** Every report, whatever became of it; else the active ones only. */
  includeAll: boolean;
  /** Points whose observed period ends on or after the start of this partial date. */
  observedFrom?: string;
  /** Points whose observed period starts on or before the end of this partial date. */
  observedTo?: string;
  /** Counts of this basis only, so that a running total and a count for a period are never one line. */
  basis?: CountBasis;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last day of a partial date's period. */
const lastDay = (value: string) => isoDay(new Date(periodEnd(value).getTime() - 1));

function pointOf(summary: ReportSummary, indicator: IndicatorId): SeriesPoint | undefined {
  const figure = summary.figures.find((f) => f.indicator === indicator);
  if (!figure) return undefined;
  const stated =
    'value' in figure
      ? {
          value: figure.value,
          ...(figure.high === undefined ? {} : { high: figure.high }),
          qualifier: figure.qualifier,
          basis: basisOf(figure),
          ...(figure.since ? { since: figure.since } : {}),
        }
      : 'state' in figure
        ? { state: figure.state, ...(figure.since ? { since: figure.since } : {}) }
        : {};
  return {
    report: summary.id,
    place: summary.place,
    observed: summary.observed,
    observedStart: isoDay(periodStart(summary.observed)),
    observedEnd: lastDay(summary.observed),
    precision: precisionOf(summary.observed),
    ...stated,
    verification: summary.verification,
    source: summary.source,
    published: summary.published,
    reportState: summary.state,
  };
}

/** The points of `indicator` among `summaries`, oldest observation first. */
export function seriesOf(
  summaries: readonly ReportSummary[],
  indicator: IndicatorId,
  filter: SeriesFilter,
): SeriesPoint[] {
  const from = filter.observedFrom === undefined ? undefined : isoDay(periodStart(filter.observedFrom));
  const to = filter.observedTo === undefined ? undefined : lastDay(filter.observedTo);
  return summaries
    .filter((s) => filter.includeAll || s.state === 'active')
    .flatMap((s) => pointOf(s, indicator) ?? [])
    .filter(
      (p) =>
        (from === undefined || p.observedEnd >= from) &&
        (to === undefined || p.observedStart <= to) &&
        (filter.basis === undefined || p.basis === filter.basis),
    )
    .sort(
      (a, b) =>
        a.observedStart.localeCompare(b.observedStart) ||
        a.observedEnd.localeCompare(b.observedEnd) ||
        a.place.localeCompare(b.place) ||
        a.published.localeCompare(b.published) ||
        a.report.localeCompare(b.report),
    );
}
