// History filters: which summaries a listing shows, and the page a document of the newest
// reports gives. Pure, shared by the first page (served from a derived document) and the
// older pages (served from a KV listing).

import type { IndicatorId } from './indicators.ts';
import type { ReportSummary, Verification } from './model.ts';

/** The page size when a request names none; at most `maxPageSize`, the largest the API serves. */
export const defaultPageSize = 50;
export const maxPageSize = 200;

/** A history scope: every report, or the reports of one place. */
export type HistoryScope = { kind: 'all' } | { kind: 'place'; slug: string };

export interface HistoryFilter {
  indicators?: readonly IndicatorId[];
  verifications?: readonly Verification[];
  /** Bounds on the published time, inclusive. */
  since?: string;
  until?: string;
}

/** Whether a filter lets every report through. */
export const filtersNothing = (filter: HistoryFilter) =>
  !filter.indicators?.length && !filter.verifications?.length && !filter.since && !filter.until;

export function matchesFilter(summary: ReportSummary, filter: HistoryFilter): boolean {
  if (filter.until && summary.published > filter.until) return false;
  if (filter.since && summary.published < filter.since) return false;
  if (filter.verifications?.length && !filter.verifications.includes(summary.verification)) {
    return false;
  }
  if (filter.indicators?.length) {
    return summary.figures.some((f) => filter.indicators?.includes(f.indicator));
  }
  return true;
}

/**
 * History runs newest first, so once a summary was published before `since`, every later
 * one was too and the listing can stop.
 */
export function isPastRange(summary: ReportSummary, filter: HistoryFilter): boolean {
  return filter.since !== undefined && summary.published < filter.since;
}

/** Where the next page starts: after report `after`, from KV list position `list`. */
export interface HistoryPosition {
  after: string;
  list?: string;
}

export interface HistoryPage {
  summaries: ReportSummary[];
  next: HistoryPosition | undefined;
}

/** The page a document of the newest reports gives: `reportCount` says whether older ones exist beyond its head. */
export function pageFromDocument(
  doc: { head: readonly ReportSummary[]; reportCount: number },
  filter: HistoryFilter,
  limit: number,
): HistoryPage {
  const summaries: ReportSummary[] = [];
  const complete = doc.head.length >= doc.reportCount;
  for (const [index, summary] of doc.head.entries()) {
    if (isPastRange(summary, filter)) return { summaries, next: undefined };
    if (!matchesFilter(summary, filter)) continue;
    summaries.push(summary);
    if (summaries.length === limit) {
      const more = index < doc.head.length - 1 || !complete;
      return { summaries, next: more ? { after: summary.id } : undefined };
    }
  }
  const last = doc.head.at(-1);
  return { summaries, next: complete || !last ? undefined : { after: last.id } };
}
