// How long a figure stays current. A figure describes its observed period, not today: once
// its indicator's period of currency (the registry's `currentForDays`) has passed since the
// end of that period, it is stale and every output says so. `staleAfter` is a plain date
// computed from the data alone, never from the clock, so documents and their ETags do not
// change with time; readers compare it with the time of their request.

import { periodEnd } from './dates.ts';
import { findIndicator } from './indicators.ts';

const dayMs = 86_400_000;

/**
 * The last day (YYYY-MM-DD, UTC) on which a figure of `indicator` observed in `observed` is
 * current: the last day of the observed period plus the indicator's days of currency.
 */
export function staleAfter(indicator: string, observed: string): string {
  const days = findIndicator(indicator)?.currentForDays ?? 0;
  const lastDayOfPeriod = periodEnd(observed).getTime() - dayMs;
  return new Date(lastDayOfPeriod + days * dayMs).toISOString().slice(0, 10);
}

/** The moment a figure goes stale: when the whole of its `staleAfter` day has passed. */
export const staleFrom = (after: string) => Date.parse(`${after}T00:00:00.000Z`) + dayMs;

/** True once the whole of the `staleAfter` day has passed at `now`. */
export function isStale(after: string, now: Date): boolean {
  return now.getTime() >= staleFrom(after);
}
