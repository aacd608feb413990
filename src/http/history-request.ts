// A history listing as the API's query parameters ask for it: shared by /api/v1/reports,
// /api/v1/places/{slug}/reports and /exports/reports.csv.

import type { Context } from 'hono';
import { defaultPageSize, filtersNothing } from '../domain/history.ts';
import type { ReportPage } from '../domain/model.ts';
import { isPlainLink } from '../render/origin-template.ts';
import { historyPage, nextPageBase, openWholeHistory, type WholeHistory } from '../services/history.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { AppEnv } from './app-env.ts';
import { storedJson } from './openapi.ts';
import { type HistoryQuery, historyFilterOf } from './queries.ts';

/**
 * A history page as the API answers it. The newest page at the default size, unfiltered, is
 * served as its writer stored it, its `next` link filled in for the URL asked.
 */
export async function historyAnswer(c: Context<AppEnv>, scope: HistoryScope, query: HistoryQuery) {
  const asksNewest = query.cursor === undefined && (query.limit ?? defaultPageSize) === defaultPageSize;
  const nextBase = nextPageBase(c.req.url);
  if (asksNewest && filtersNothing(historyFilterOf(query)) && isPlainLink(nextBase)) {
    const stored = await c.get('store').openAnswer({ kind: 'history', scope });
    const body = await stored?.body(nextBase);
    if (stored && body) return storedJson<ReportPage>(c, body, stored.etag);
  }
  return storedJson<ReportPage>(c, JSON.stringify(await historyOf(c, scope, query)));
}

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
