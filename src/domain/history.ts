// History filters: which summaries a listing shows. Pure, shared by the first page (served
// from a derived document) and the older pages (served from a KV listing).

import type { IndicatorId } from './indicators.ts';
import type { ReportSummary, Verification } from './model.ts';

/** The page size when a request names none; at most `maxPageSize`, the largest the API serves. */
export const defaultPageSize = 50;
export const maxPageSize = 200;

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
