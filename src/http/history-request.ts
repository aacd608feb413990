// A history listing as the API's query parameters ask for it: shared by /api/v1/reports,
// /api/v1/places/{slug}/reports and /exports/reports.csv.

import type { Context } from 'hono';
import type { ReportPage } from '../domain/model.ts';
import { historyPage, openWholeHistory, type WholeHistory } from '../services/history.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { AppEnv } from './app-env.ts';
import { type HistoryQuery, historyFilterOf } from './queries.ts';

export function historyOf(c: Context<AppEnv>, scope: HistoryScope, query: HistoryQuery): Promise<ReportPage> {
  return historyPage(c.get('store'), {
    scope,
    filter: historyFilterOf(query),
    limit: query.limit,
    cursor: query.cursor,
    url: c.req.url,
  });
}

/** The whole history the filters of a query pick, for one file (`limit=all`). */
export function wholeHistoryOf(
  c: Context<AppEnv>,
  scope: HistoryScope,
  query: Omit<HistoryQuery, 'limit' | 'cursor'>,
): Promise<WholeHistory> {
  return openWholeHistory(c.get('store'), c.get('writers'), scope, historyFilterOf(query));
}
