// A time series read from the history index: every report of the scope, from its index
// keys' metadata (one KV list call per 1,000 reports), filtered and ordered by
// src/domain/series.ts. Sorting by observed date needs them all, so the history is read
// whole; its entries are small (at most 1,024 bytes each).

import { matchesFilter } from '../domain/history.ts';
import type { IndicatorId } from '../domain/indicators.ts';
import { type SeriesFilter, type SeriesPoint, seriesOf } from '../domain/series.ts';
import { NotFound } from '../problems.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { findPlace } from './places.ts';

export interface SeriesRequest extends SeriesFilter {
  scope: HistoryScope;
  indicator: IndicatorId;
  /** Bounds on the published time, inclusive. */
  since?: string;
  until?: string;
}

export async function readSeries(
  store: StatusStore,
  writers: Writers,
  request: SeriesRequest,
): Promise<SeriesPoint[]> {
  const { scope, indicator, since, until } = request;
  const [entries, place] = await Promise.all([
    store.wholeHistory(scope),
    scope.kind === 'place' ? findPlace(store, writers, scope.slug) : undefined,
  ]);
  if (scope.kind === 'place' && !place) throw new NotFound(`no place with slug "${scope.slug}"`);
  const published = { indicators: [indicator], ...(since ? { since } : {}), ...(until ? { until } : {}) };
  const summaries = entries.flatMap((e) =>
    e.summary && matchesFilter(e.summary, published) ? [e.summary] : [],
  );
  return seriesOf(summaries, indicator, request);
}
