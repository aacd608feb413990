// Answers a history listing from validated query parameters: shared by /reports,
// /places/{slug}/reports and the CSV export of history (/exports/reports.csv).

import type { Context } from 'hono';
import type { HistoryFilter } from '../domain/history.ts';
import type { ReportPage } from '../domain/model.ts';
import { readHistoryPage } from '../services/history.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { AppEnv } from './app-env.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { defaultPageSize, type HistoryQuery } from './queries.ts';

/** One page of history, with the cursor and the full URL of the next page (null on the last). */
export async function readHistory(
  c: Context<AppEnv>,
  scope: HistoryScope,
  query: HistoryQuery,
): Promise<ReportPage> {
  const filter: HistoryFilter = {
    ...(query.indicator ? { indicators: query.indicator } : {}),
    ...(query.verification ? { verifications: query.verification } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
  };
  const position = query.cursor === undefined ? undefined : decodeCursor(query.cursor, scope, filter);
  const page = await readHistoryPage(c.get('store'), scope, filter, query.limit ?? defaultPageSize, position);
  const nextCursor = page.next ? encodeCursor(page.next, scope, filter) : null;
  let next: string | null = null;
  if (nextCursor) {
    const url = new URL(c.req.url);
    url.searchParams.set('cursor', nextCursor);
    next = url.href;
  }
  return { reports: page.summaries, nextCursor, next };
}

export async function historyResponse(c: Context<AppEnv>, scope: HistoryScope, query: HistoryQuery) {
  const body: ReportPage = await readHistory(c, scope, query);
  return c.json(body, 200);
}
