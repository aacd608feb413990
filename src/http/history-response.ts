// Answers a history listing from validated query parameters: shared by /reports and
// /places/{slug}/reports.

import type { Context } from 'hono';
import type { HistoryFilter } from '../domain/history.ts';
import type { ReportPage } from '../domain/model.ts';
import { readHistoryPage } from '../services/history.ts';
import type { HistoryScope } from '../store/keys.ts';
import type { AppEnv } from './app-env.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { defaultPageSize, type HistoryQuery } from './queries.ts';

export async function historyResponse(c: Context<AppEnv>, scope: HistoryScope, query: HistoryQuery) {
  const filter: HistoryFilter = {
    ...(query.indicator ? { indicators: query.indicator } : {}),
    ...(query.verification ? { verifications: query.verification } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
  };
  const position = query.cursor === undefined ? undefined : decodeCursor(query.cursor, filter);
  const page = await readHistoryPage(c.get('store'), scope, filter, query.limit ?? defaultPageSize, position);
  const nextCursor = page.next ? encodeCursor(page.next, filter) : null;
  let next: string | null = null;
  if (nextCursor) {
    const url = new URL(c.req.url);
    url.searchParams.set('cursor', nextCursor);
    next = url.href;
  }
  const body: ReportPage = { reports: page.summaries, nextCursor, next };
  return c.json(body);
}
