// Feed entries: one per report, and one per change to it. A reader treats an id it has seen
// as read, so a correction, a retraction or a restoration arrives as an entry of its own,
// with an id never used before and the time of the change; the entry of the report it
// touches is updated as well (same id, newer `updated`), so that whoever opens it sees its
// fate. Pure: the documents are derived here and stored by the services.

import * as z from 'zod';
import { headSize } from './documents.ts';
import type { HistoryFilter } from './history.ts';
import { type IndicatorId, indicatorIds, indicatorOrder } from './indicators.ts';
import {
  type Disagreement,
  disagreement,
  type Figure,
  figure,
  type Place,
  place,
  type Report,
  type ReportSummary,
  type Retraction,
  reason,
  report,
  reportId,
  timestamp,
} from './model.ts';
import { latest, type ReportFate } from './status.ts';

/**
 * What an entry shows: a new report, a correction of it, its retraction, or an earlier
 * version restored because the correction that replaced it was retracted.
 */
export const feedChanges = ['new', 'correction', 'retraction', 'restored'] as const;

/**
 * An entry is a report (its chain's first, showing the chain's fate), or a change to an
 * earlier report (a correction, retraction or restoration), announced once at its time.
 */
export const feedEntryKinds = ['report', 'change'] as const;
export type FeedEntryKind = (typeof feedEntryKinds)[number];

/** One figure as it was before a change and as it is after; absent where there was none. */
export const figureChange = z.strictObject({
  indicator: z.enum(indicatorIds),
  before: figure.optional(),
  after: figure.optional(),
});
export type FigureChange = z.infer<typeof figureChange>;

export const feedPlace = place.pick({ slug: true, names: true, coordinates: true });
export type FeedPlace = z.infer<typeof feedPlace>;

export const feedEntry = z.strictObject({
  kind: z.enum(feedEntryKinds),
  /**
   * With `kind` and `change`, the entry's id for its whole life: for a report, the first
   * report of the chain; for a correction, the correcting report; for a retraction, the
   * report retracted; for a restoration, the retracted correction.
   */
  id: reportId,
  place: feedPlace,
  published: timestamp,
  updated: timestamp,
  change: z.enum(feedChanges),
  reason: reason.optional(),
  /** For a correction or a restored version: each figure that changed, before and after. */
  changes: z.array(figureChange).optional(),
  /**
   * The version the entry shows: for a report, the latest that was not retracted, or the
   * retracted one; for a change, the correction, the retracted report, or the restored version.
   */
  report,
  /** For a change: the report it changes (the one corrected or retracted). */
  changed: reportId.optional(),
  /** For a change: the version of the chain current now; absent when every one was retracted. */
  current: reportId.optional(),
  /**
   * Where the report's figure is one of several sources' that cannot all hold (the place's
   * status says so now): per indicator, the figures side by side. The entry never shows a
   * figure as more agreed than its sources.
   */
  disagreements: z
    .array(z.strictObject({ indicator: z.enum(indicatorIds), ...disagreement.shape }))
    .optional(),
});
export type FeedEntry = z.infer<typeof feedEntry>;

/** An indicator on which sources disagree, with their figures: as a feed entry carries it. */
export type IndicatorDisagreement = NonNullable<FeedEntry['disagreements']>[number];

/**
 * Per report, the disagreements its figures are part of, from the status of its place (or
 * the statuses of every place, for the feed of all places).
 */
export function disagreementsByReport(
  statuses: readonly { indicators: Partial<Record<string, { disagreement?: Disagreement | undefined }>> }[],
): Map<string, IndicatorDisagreement[]> {
  const byReport = new Map<string, IndicatorDisagreement[]>();
  for (const { indicators } of statuses) {
    for (const [indicator, status] of Object.entries(indicators)) {
      if (!status?.disagreement) continue;
      const entry = { indicator: indicator as IndicatorId, ...status.disagreement };
      for (const { report } of status.disagreement.figures) {
        byReport.set(report, [...(byReport.get(report) ?? []), entry]);
      }
    }
  }
  return byReport;
}

export const feedDocument = z.strictObject({
  place: place.optional(),
  entries: z.array(feedEntry),
  updated: timestamp.nullable(),
  /** Set when older history exists: the archive continues after this report id. */
  archiveAfter: reportId.optional(),
});
export type FeedDocument = z.infer<typeof feedDocument>;

export function feedPlaceOf(of: Place): FeedPlace {
  return { slug: of.slug, names: of.names, ...(of.coordinates ? { coordinates: of.coordinates } : {}) };
}

// A change and the report entry it updates share their time: the change, the news, comes first.
const kindRank: Record<FeedEntryKind, number> = { change: 0, report: 1 };

function newerFirst(a: FeedEntry, b: FeedEntry): number {
  return (
    b.updated.localeCompare(a.updated) || kindRank[a.kind] - kindRank[b.kind] || b.id.localeCompare(a.id)
  );
}

/**
 * Entries derived from a window of reports with their fates. A chain is a report and the
 * corrections that followed it; its entry shows the newest version not retracted, or, when
 * every version was retracted, the last one as a retraction. Each correction, retraction and
 * restoration in the chain is an entry of its own besides.
 */
export function deriveFeedEntries(
  reports: readonly Report[],
  fates: ReadonlyMap<string, ReportFate>,
  retractions: ReadonlyMap<string, Retraction>,
  placeOf: (slug: string) => FeedPlace | undefined,
): FeedEntry[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const rootOf = (r: Report): string => {
    let current = r;
    for (let hops = 0; current.corrects && hops < reports.length; hops++) {
      const previous = byId.get(current.corrects.report);
      if (!previous) return current.corrects.report;
      current = previous;
    }
    return current.id;
  };
  const chains = new Map<string, Report[]>();
  for (const r of [...reports].sort((a, b) => a.id.localeCompare(b.id))) {
    const root = rootOf(r);
    chains.set(root, [...(chains.get(root) ?? []), r]);
  }
  const entries: FeedEntry[] = [];
  for (const [root, members] of chains) {
    const first = members[0];
    if (!first) continue;
    const retraction = (r: Report) => retractions.get(r.id);
    const live = members.filter((r) => fates.get(r.id)?.state !== 'retracted');
    // With every version withdrawn, the entry shows the last withdrawal and its reason.
    const lastWithdrawn = members.reduce((a, b) =>
      (retraction(b)?.retracted ?? '') >= (retraction(a)?.retracted ?? '') ? b : a,
    );
    const shown = live.at(-1) ?? lastWithdrawn;
    const where = placeOf(shown.place);
    if (!where) continue;
    const changeTimes = members.map((r) => retraction(r)?.retracted ?? r.published);
    const updated = changeTimes.reduce<string | null>(latest, null) ?? first.published;
    entries.push({
      kind: 'report',
      id: root,
      place: where,
      published: byId.get(root)?.published ?? first.published,
      updated,
      ...changeOf(shown, root, live.length > 0, members, byId, retractions),
      report: shown,
    });
    const current = live.at(-1)?.id;
    for (const change of chainChanges(members, byId, retractions)) {
      const at = placeOf(change.report.place);
      if (at) entries.push({ ...change, place: at, ...(current ? { current } : {}) });
    }
  }
  return entries.sort(newerFirst);
}

type ChainChange = Omit<FeedEntry, 'place' | 'current'>;

/**
 * The changes of a chain, each at its own time. Retracting a correction brings back the
 * version it replaced: that is a restoration. A retraction of a version that a correction had
 * already replaced (a whole chain withdrawn at once) is told by the entry of the version then
 * current, not once per version.
 */
function chainChanges(
  members: readonly Report[],
  byId: ReadonlyMap<string, Report>,
  retractions: ReadonlyMap<string, Retraction>,
): ChainChange[] {
  const retractedAt = (id: string) => retractions.get(id)?.retracted;
  const changes: ChainChange[] = [];
  for (const r of members) {
    if (r.corrects) {
      const previous = byId.get(r.corrects.report);
      changes.push({
        kind: 'change',
        id: r.id,
        published: r.published,
        updated: r.published,
        change: 'correction',
        reason: r.corrects.reason,
        ...(previous ? { changes: figureChanges(previous.figures, r.figures) } : {}),
        report: r,
        changed: r.corrects.report,
      });
    }
    const retraction = retractions.get(r.id);
    if (!retraction) continue;
    const at = retraction.retracted;
    const replacedThen = members.some(
      (s) => s.corrects?.report === r.id && s.published <= at && (retractedAt(s.id) ?? at) >= at,
    );
    if (replacedThen) continue;
    const previous = r.corrects && byId.get(r.corrects.report);
    const previousAt = previous && retractedAt(previous.id);
    const restored = previous && (previousAt === undefined || previousAt > at) ? previous : undefined;
    changes.push({
      kind: 'change',
      id: r.id,
      published: at,
      updated: at,
      change: restored ? 'restored' : 'retraction',
      reason: retraction.reason,
      ...(restored ? { changes: figureChanges(r.figures, restored.figures) } : {}),
      report: restored ?? r,
      changed: r.id,
    });
  }
  return changes;
}

/** The figures that differ between two versions, in registry order. */
export function figureChanges(before: readonly Figure[], after: readonly Figure[]): FigureChange[] {
  const indicators = [...new Set([...before, ...after].map((f) => f.indicator))].sort(
    (a, b) => indicatorOrder(a) - indicatorOrder(b),
  );
  return indicators.flatMap((indicator) => {
    const was = before.find((f) => f.indicator === indicator);
    const is = after.find((f) => f.indicator === indicator);
    if (JSON.stringify(was) === JSON.stringify(is)) return [];
    return [{ indicator, ...(was ? { before: was } : {}), ...(is ? { after: is } : {}) }];
  });
}

/**
 * What the entry of a chain says happened last, and why. A version shown after a later
 * correction of it was retracted is restored, with that retraction's reason: the entry never
 * turns back into the old report without a word.
 */
function changeOf(
  shown: Report,
  root: string,
  anyLive: boolean,
  members: readonly Report[],
  byId: ReadonlyMap<string, Report>,
  retractions: ReadonlyMap<string, Retraction>,
): Pick<FeedEntry, 'change' | 'reason' | 'changes'> {
  if (!anyLive) {
    const why = retractions.get(shown.id)?.reason;
    return { change: 'retraction', ...(why ? { reason: why } : {}) };
  }
  const withdrawnLater = members
    .filter((r) => r.id > shown.id && retractions.has(r.id))
    .sort((a, b) =>
      (retractions.get(b.id)?.retracted ?? '').localeCompare(retractions.get(a.id)?.retracted ?? ''),
    );
  const undone = withdrawnLater[0];
  const undoneWhy = undone && retractions.get(undone.id)?.reason;
  if (undone && undoneWhy) {
    return { change: 'restored', reason: undoneWhy, changes: figureChanges(undone.figures, shown.figures) };
  }
  if (shown.id === root || !shown.corrects) return { change: 'new' };
  const previous = byId.get(shown.corrects.report);
  return {
    change: 'correction',
    reason: shown.corrects.reason,
    ...(previous ? { changes: figureChanges(previous.figures, shown.figures) } : {}),
  };
}

/** What a feed document is derived from: the newest reports of its scope, with their fates. */
export interface FeedWindow {
  /** The scope's newest summaries, newest first, at most `headSize`. */
  window: readonly ReportSummary[];
  /** How many reports the scope holds in all: more than the window means an archive exists. */
  reportCount: number;
  /** Full reports of the window, and of corrections filed elsewhere that continue its chains. */
  reports: readonly Report[];
  fates: ReadonlyMap<string, ReportFate>;
  retractions: ReadonlyMap<string, Retraction>;
  placeOf: (slug: string) => FeedPlace | undefined;
  /** The place of a place's feed; absent for the feed of all places. */
  place?: Place;
  /** From disagreementsByReport: what each report's entry says of sources that disagree. */
  disagreements?: ReadonlyMap<string, IndicatorDisagreement[]>;
}

/** A scope's feed document; a report of the window whose full text is missing is left out. */
export function deriveFeedDocument(from: FeedWindow): FeedDocument {
  const window = from.window.slice(0, headSize);
  const entries = deriveFeedEntries(from.reports, from.fates, from.retractions, from.placeOf).map((entry) => {
    const disagreements = entry.kind === 'report' ? from.disagreements?.get(entry.report.id) : undefined;
    return disagreements ? { ...entry, disagreements } : entry;
  });
  const oldest = window.at(-1);
  return {
    ...(from.place ? { place: from.place } : {}),
    entries,
    updated: latestUpdate(entries),
    ...(from.reportCount > window.length && oldest ? { archiveAfter: oldest.id } : {}),
  };
}

export function latestUpdate(entries: readonly FeedEntry[]): string | null {
  return entries.reduce<string | null>((at, e) => latest(at, e.updated), null);
}

/** The entries a feed shows: those matching every filter, newest first, at most `limit`. */
export function selectEntries(
  entries: readonly FeedEntry[],
  filter: Pick<HistoryFilter, 'indicators' | 'verifications'>,
  limit: number,
): FeedEntry[] {
  const { indicators, verifications } = filter;
  return entries
    .filter(
      (e) =>
        (!verifications?.length || verifications.includes(e.report.verification)) &&
        (!indicators?.length ||
          e.report.figures.some((f) => indicators.includes(f.indicator)) ||
          (e.changes ?? []).some((c) => indicators.includes(c.indicator))),
    )
    .slice(0, limit);
}

/**
 * Where the archive (RFC 5005) continues after a feed page: after the oldest report (or
 * correction) shown that no later change moved up. Every report newer than it was published later, so it
 * ranks higher and is on the page: the archive leaves no gap (it may repeat an entry that a
 * correction brought back up, which readers recognise by its id).
 */
export function archiveStart(
  doc: FeedDocument,
  filter: Pick<HistoryFilter, 'indicators' | 'verifications'>,
  limit: number,
): string | undefined {
  const matching = selectEntries(doc.entries, filter, doc.entries.length);
  const shown = matching.slice(0, limit);
  const moreInWindow = matching.length > shown.length;
  if (!moreInWindow && !doc.archiveAfter) return undefined;
  // A correction's entry stands at the time it was published, as an uncorrected report's does.
  const unmoved = shown
    .filter((e) => e.change === (e.kind === 'report' ? 'new' : 'correction'))
    .map((e) => e.id);
  const candidates = unmoved.length > 0 ? unmoved : shown.map((e) => e.id);
  if (!moreInWindow && doc.archiveAfter) candidates.push(doc.archiveAfter);
  return candidates.reduce<string | undefined>(
    (min, id) => (min === undefined || id < min ? id : min),
    undefined,
  );
}
