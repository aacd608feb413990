// What a count says beyond its number: its basis (a running total or a count for the observed
// period), resolved by the indicator registry where a report left it out, and the values it
// allows, so that two sources' counts can be seen to agree or not. Pure.

import { periodEnd, periodStart } from './dates.ts';
import { assumedBasis, basesOf } from './indicators.ts';
import type { CountBasis, Figure, FigureSummary, Qualifier } from './model.ts';

/**
 * How far an approximate count may be from its number and still hold: "about 12,000" allows
 * 10,800 to 13,200, so a source's "12,500" agrees with it and another's "8,000" does not.
 */
export const approximateTolerance = 0.1;

/** The basis of a count: its own, or the one its indicator assumes when left out. */
export function basisOf(figure: { indicator: string; basis?: CountBasis | undefined }): CountBasis {
  return figure.basis ?? assumedBasis(figure.indicator);
}

/** The figure with its basis stated, when it is a count; other figures as they are. */
export function withBasis<F extends Figure | FigureSummary>(figure: F): F {
  return 'value' in figure && figure.basis === undefined ? { ...figure, basis: basisOf(figure) } : figure;
}

/** Whether an indicator's counts may have more than one basis, so that words must say which. */
export function basisMatters(indicator: string): boolean {
  return (basesOf(indicator)?.allowed.length ?? 0) > 1;
}

interface Count {
  value: number;
  high?: number | undefined;
  qualifier: Qualifier;
}

/** The values a count allows: its qualifier's interval around its number, or its range. */
export function valuesAllowed({ value, high, qualifier }: Count): { low: number; high: number } {
  const top = high ?? value;
  switch (qualifier) {
    case 'exact':
      return { low: value, high: top };
    case 'approximately':
      return { low: value * (1 - approximateTolerance), high: top * (1 + approximateTolerance) };
    case 'at_least':
      return { low: value, high: Number.POSITIVE_INFINITY };
    case 'at_most':
      return { low: 0, high: top };
  }
}

/** Whether two counts can both hold: some value is allowed by both. */
export function canBothHold(a: Count, b: Count): boolean {
  const x = valuesAllowed(a);
  const y = valuesAllowed(b);
  return x.low <= y.high && y.low <= x.high;
}

/** Whether two observed periods share a day: "2022-11" and "2022-11-05" do. */
export function periodsOverlap(a: string, b: string): boolean {
  return periodStart(a) < periodEnd(b) && periodStart(b) < periodEnd(a);
}
