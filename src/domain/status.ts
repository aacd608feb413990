// Status derivation: which report is current for each indicator of a place. Pure: it takes
// reports and summaries as values, so the rules can be tested without storage.

import { comparePartialDates } from './dates.ts';
import { staleAfter } from './freshness.ts';
import { type IndicatorId, indicatorOrder } from './indicators.ts';
import type {
  Figure,
  FigureSummary,
  IndicatorStatus,
  PlaceStatus,
  Report,
  ReportState,
  ReportSummary,
} from './model.ts';

/**
 * What became of a report: nothing, a correction replaced it, or it was withdrawn; and, for
 * a report current again because the correction that replaced it was retracted, that
 * correction.
 */
export interface ReportFate {
  state: ReportState;
  supersededBy?: string;
  restoredFrom?: string;
}

/** The summary with another fate. */
export function withFate(summary: ReportSummary, fate: ReportFate): ReportSummary {
  const { supersededBy: _, restoredFrom: __, ...rest } = summary;
  return {
    ...rest,
    state: fate.state,
    ...(fate.supersededBy ? { supersededBy: fate.supersededBy } : {}),
    ...(fate.restoredFrom ? { restoredFrom: fate.restoredFrom } : {}),
  };
}

/** True when the summary already records this fate. */
export function hasFate(summary: ReportSummary, fate: ReportFate): boolean {
  return (
    summary.state === fate.state &&
    summary.supersededBy === fate.supersededBy &&
    summary.restoredFrom === fate.restoredFrom
  );
}

export function summarizeFigure(figure: Figure): FigureSummary {
  if ('value' in figure) {
    return { indicator: figure.indicator, value: figure.value, qualifier: figure.qualifier };
  }
  if ('state' in figure) {
    return {
      indicator: figure.indicator,
      state: figure.state,
      ...(figure.since ? { since: figure.since } : {}),
    };
  }
  return { indicator: figure.indicator };
}

export function summarizeReport(report: Report, fate: ReportFate): ReportSummary {
  return {
    id: report.id,
    place: report.place,
    observed: report.observed,
    published: report.published,
    verification: report.verification,
    state: fate.state,
    ...(fate.supersededBy ? { supersededBy: fate.supersededBy } : {}),
    ...(fate.restoredFrom ? { restoredFrom: fate.restoredFrom } : {}),
    ...(report.corrects ? { corrects: report.corrects.report } : {}),
    figures: report.figures.map(summarizeFigure),
    source: { name: report.source.name, kind: report.source.kind },
  };
}

type Dated = Pick<ReportSummary, 'id' | 'observed' | 'published'>;

/**
 * Newer means observed later; for the same observed date, published later; the id breaks
 * the last tie so that the order is total and every derivation agrees.
 */
export function compareByObservation(a: Dated, b: Dated): number {
  return (
    comparePartialDates(a.observed, b.observed) ||
    a.published.localeCompare(b.published) ||
    a.id.localeCompare(b.id)
  );
}

/** Newest first by id, which is the order in which the service accepted the reports. */
export function compareNewestFirst(a: { id: string }, b: { id: string }): number {
  return b.id.localeCompare(a.id);
}

/**
 * The fate of each report, from the immutable facts alone: a correction names the report it
 * supersedes, and a retraction record exists for each withdrawn report. A report that is
 * both (two moderators acting at once) counts as retracted: withdrawn is the stronger claim.
 */
export function deriveFates(
  reports: readonly Pick<ReportSummary, 'id' | 'corrects'>[],
  retracted: ReadonlySet<string>,
): Map<string, ReportFate> {
  const supersededBy = new Map<string, string>();
  for (const report of [...reports].sort(compareNewestFirst)) {
    if (report.corrects && !retracted.has(report.id) && !supersededBy.has(report.corrects)) {
      supersededBy.set(report.corrects, report.id);
    }
  }
  // A report that no correction supersedes, but that a retracted correction named, is
  // current again because of that retraction: the newest such correction restored it.
  const restoredFrom = new Map<string, string>();
  for (const report of [...reports].sort(compareNewestFirst)) {
    if (report.corrects && retracted.has(report.id) && !restoredFrom.has(report.corrects)) {
      restoredFrom.set(report.corrects, report.id);
    }
  }
  const fates = new Map<string, ReportFate>();
  for (const { id } of reports) {
    const by = supersededBy.get(id);
    const from = restoredFrom.get(id);
    if (retracted.has(id)) fates.set(id, { state: 'retracted' });
    else if (by) fates.set(id, { state: 'superseded', supersededBy: by });
    else fates.set(id, { state: 'active', ...(from ? { restoredFrom: from } : {}) });
  }
  return fates;
}

/** Per indicator, the latest report that is neither superseded nor retracted. */
export function pickCurrent(summaries: readonly ReportSummary[]): Map<IndicatorId, ReportSummary> {
  const current = new Map<IndicatorId, ReportSummary>();
  for (const summary of summaries) {
    if (summary.state !== 'active') continue;
    for (const { indicator } of summary.figures) {
      const held = current.get(indicator);
      if (!held || compareByObservation(summary, held) > 0) current.set(indicator, summary);
    }
  }
  return current;
}

function indicatorStatusOf(report: Report, figure: Figure): IndicatorStatus {
  return {
    figure,
    report: report.id,
    observed: report.observed,
    published: report.published,
    verification: report.verification,
    source: figure.source ?? report.source,
    staleAfter: staleAfter(figure.indicator, report.observed),
    language: report.summary.language,
  };
}

function inRegistryOrder(entries: Iterable<[IndicatorId, IndicatorStatus]>): PlaceStatus['indicators'] {
  return Object.fromEntries(
    [...entries].sort(([a], [b]) => indicatorOrder(a) - indicatorOrder(b)),
  ) as PlaceStatus['indicators'];
}

/**
 * The full status of a place. `picks` comes from pickCurrent; `reports` must hold the full
 * report of every pick, since a status shows each figure with its whole provenance.
 */
export function buildStatus(
  picks: ReadonlyMap<IndicatorId, ReportSummary>,
  reports: ReadonlyMap<string, Report>,
  updated: string | null,
): PlaceStatus {
  const entries: [IndicatorId, IndicatorStatus][] = [];
  for (const [indicator, pick] of picks) {
    const report = reports.get(pick.id);
    const figure = report?.figures.find((f) => f.indicator === indicator);
    if (!report || !figure) throw new Error(`status needs the full report ${pick.id}`);
    entries.push([indicator, indicatorStatusOf(report, figure)]);
  }
  return { updated, indicators: inRegistryOrder(entries) };
}

/**
 * The status after one more active report: the same result as deriving it again from the
 * whole history, at the cost of one report instead of all of them.
 */
export function applyReport(status: PlaceStatus, report: Report): PlaceStatus {
  const entries = new Map(Object.entries(status.indicators) as [IndicatorId, IndicatorStatus][]);
  for (const figure of report.figures) {
    const held = entries.get(figure.indicator);
    const heldDates = held && { id: held.report, observed: held.observed, published: held.published };
    if (!heldDates || compareByObservation(report, heldDates) > 0) {
      entries.set(figure.indicator, indicatorStatusOf(report, figure));
    }
  }
  return { updated: latest(status.updated, report.published), indicators: inRegistryOrder(entries) };
}

export function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
