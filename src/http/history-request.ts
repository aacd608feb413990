// A history listing as the API's query parameters ask for it: shared by /api/v1/reports,
// /api/v1/places/{slug}/reports and /exports/reports.csv.

import type { Context } from 'hono';
import type { HistoryScope } from '../domain/history.ts';
import type { ReportPage } from '../domain/model.ts';
import { openWholeHistory, type WholeHistory } from '../services/history.ts';
import { type HistoryRequest, historyPage, historyPageAnswer } from '../services/history-answers.ts';
import type { AppEnv } from './app-env.ts';
import { storedJson } from './openapi.ts';
import { type HistoryQuery, historyFilterOf } from './queries.ts';

const historyRequest = (c: Context<AppEnv>, scope: HistoryScope, query: HistoryQuery): HistoryRequest => ({
  scope,
  filter: historyFilterOf(query),
  limit: query.limit,
  cursor: query.cursor,
  url: c.req.url,
});

/** A history page as the API answers it, as stored when its writer stored it. */
export async function historyAnswer(c: Context<AppEnv>, scope: HistoryScope, query: HistoryQuery) {
  const answer = await historyPageAnswer(c.get('store'), c.get('writers'), historyRequest(c, scope, query));
  return storedJson<ReportPage>(c, answer.body, answer.etag);
}

export function historyOf(c: Context<AppEnv>, scope: HistoryScope, query: HistoryQuery): Promise<ReportPage> {
  return historyPage(c.get('store'), c.get('writers'), historyRequest(c, scope, query));
}

/** The whole history the filters of a query pick, for one file (`limit=all`). */
export function wholeHistoryOf(
  c: Context<AppEnv>,
  scope: HistoryScope,
  query: Omit<HistoryQuery, 'limit' | 'cursor'>,
): Promise<WholeHistory> {
  return openWholeHistory(c.get('store'), c.get('writers'), scope, historyFilterOf(query));
}
