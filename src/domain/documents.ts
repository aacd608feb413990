// Derived documents: what the hot reads serve with a single KV read. Each is computed from
// the immutable reports and may be thrown away and rebuilt at any time.

import * as z from 'zod';
import { maxPageSize } from './history.ts';
import type { IndicatorId } from './indicators.ts';
import {
  type FigureInForce,
  type IndicatorStatusSummary,
  type Place,
  type PlaceStatus,
  type PlaceSummary,
  place,
  placeStatus,
  placeSummary,
  type Report,
  type ReportSummary,
  reportSummary,
} from './model.ts';
import { compareNewestFirst, deriveStatus, latest, summarizeFigure } from './status.ts';

/** How many of the newest reports a document keeps: the largest page the API serves. */
export const headSize = maxPageSize;

export const placeDocument = z.strictObject({
  place,
  status: placeStatus,
  head: z.array(reportSummary),
  reportCount: z.int().min(0),
});
export type PlaceDocument = z.infer<typeof placeDocument>;

export const recentDocument = z.strictObject({
  head: z.array(reportSummary),
  reportCount: z.int().min(0),
});
export type RecentDocument = z.infer<typeof recentDocument>;

export const placesDocument = z.strictObject({ places: z.array(placeSummary) });
export type PlacesDocument = z.infer<typeof placesDocument>;

/** Merges summaries into a head, replacing those with the same id; newest first, bounded. */
export function mergeHead(head: readonly ReportSummary[], summaries: readonly ReportSummary[]) {
  const byId = new Map(head.map((s) => [s.id, s]));
  for (const s of summaries) byId.set(s.id, s);
  return [...byId.values()].sort(compareNewestFirst).slice(0, headSize);
}

/**
 * The document derived from a place's whole history. `history` holds every summary of
 * the place with its fate already applied; `reports` the full reports that reportsShown
 * names. It is derived whole each time, never folded in report by report: whether sources
 * disagree, and which count for a period stands beside a total, depends on every active
 * report, not only on the one that arrived.
 */
export function derivePlaceDocument(
  of: Place,
  history: readonly ReportSummary[],
  reports: ReadonlyMap<string, Report>,
  lastChange: string | null,
): PlaceDocument {
  const updated = history.reduce<string | null>((at, s) => latest(at, s.published), lastChange);
  return {
    place: of,
    status: deriveStatus(history, reports, updated),
    head: mergeHead([], history),
    reportCount: history.length,
  };
}

function summaryOf(status: FigureInForce): IndicatorStatusSummary {
  return {
    figure: summarizeFigure(status.figure),
    report: status.report,
    observed: status.observed,
    published: status.published,
    verification: status.verification,
    source: status.source,
    ...(status.figure.quote ? { quote: status.figure.quote } : {}),
    staleAfter: status.staleAfter,
  };
}

export function summarizePlace(doc: Pick<PlaceDocument, 'place' | 'status' | 'reportCount'>): PlaceSummary {
  const indicators: PlaceSummary['indicators'] = {};
  for (const [id, status] of Object.entries(doc.status.indicators) as [
    IndicatorId,
    PlaceStatus['indicators'][IndicatorId],
  ][]) {
    if (!status) continue;
    indicators[id] = {
      ...summaryOf(status),
      ...(status.period ? { period: summaryOf(status.period) } : {}),
      ...(status.disagreement ? { disagreement: status.disagreement } : {}),
    };
  }
  return {
    ...doc.place,
    updated: doc.status.updated,
    reportCount: doc.reportCount,
    indicators,
    coverage: doc.status.coverage,
  };
}

/** Places in a stable order: by English name, then slug. */
export function inPlaceOrder(places: readonly PlaceSummary[]): PlaceSummary[] {
  return [...places].sort(
    (a, b) => (a.names.en ?? '').localeCompare(b.names.en ?? '') || a.slug.localeCompare(b.slug),
  );
}
