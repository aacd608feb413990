// A time series read from the history index: every report of the scope, walked as the whole
// history file walks it (one KV list call per 1,000 reports), filtered and ordered by
// src/domain/series.ts. Sorting by observed date needs them all, so the history is read
// whole; its entries are small (at most 1,024 bytes each).

import type { HistoryScope } from '../domain/history.ts';
import type { IndicatorId } from '../domain/indicators.ts';
import type { ReportSummary } from '../domain/model.ts';
import { type SeriesFilter, type SeriesPoint, seriesOf } from '../domain/series.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { openWholeHistory } from './history.ts';

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
  const filter = { indicators: [indicator], ...(since ? { since } : {}), ...(until ? { until } : {}) };
  const { pages } = await openWholeHistory(store, writers, scope, filter);
  const summaries: ReportSummary[] = [];
  for await (const page of pages) summaries.push(...page);
  return seriesOf(summaries, indicator, request);
}
