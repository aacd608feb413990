// Status derivation: which report is current for each indicator of a place. Pure: it takes
// reports and summaries as values, so the rules can be tested without storage.

import { basisOf, canBothHold, periodsOverlap, withBasis } from './counts.ts';
import { comparePartialDates } from './dates.ts';
import { staleAfter } from './freshness.ts';
import { type IndicatorId, indicatorIds, indicatorOrder } from './indicators.ts';
import type {
  Coverage,
  Disagreement,
  Figure,
  FigureInForce,
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

/** A figure as listings show it; a count with its basis stated, as its indicator assumes where left out. */
export function summarizeFigure(figure: Figure): FigureSummary {
  if ('value' in figure) {
    return {
      indicator: figure.indicator,
      value: figure.value,
      ...(figure.high === undefined ? {} : { high: figure.high }),
      qualifier: figure.qualifier,
      basis: basisOf(figure),
      ...(figure.since ? { since: figure.since } : {}),
    };
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

/** The basis of a summary's figure of `indicator`, when that figure is a count. */
function countBasisIn(summary: ReportSummary, indicator: IndicatorId) {
  const figure = summary.figures.find((f) => f.indicator === indicator);
  return figure && 'value' in figure ? basisOf(figure) : undefined;
}

/** A running total outranks a count for a period, whatever their dates: it never stands in for one. */
const rankOf = (summary: ReportSummary, indicator: IndicatorId) =>
  countBasisIn(summary, indicator) === 'period' ? 0 : 1;

/**
 * Per indicator, the headline: the latest report that is neither superseded nor retracted;
 * for a count, the latest running total, and only where there is none the latest count for
 * a period.
 */
export function pickCurrent(summaries: readonly ReportSummary[]): Map<IndicatorId, ReportSummary> {
  const current = new Map<IndicatorId, ReportSummary>();
  for (const summary of summaries) {
    if (summary.state !== 'active') continue;
    for (const { indicator } of summary.figures) {
      const held = current.get(indicator);
      const ranked = held ? rankOf(summary, indicator) - rankOf(held, indicator) : 1;
      if (ranked > 0 || (ranked === 0 && held && compareByObservation(summary, held) > 0)) {
        current.set(indicator, summary);
      }
    }
  }
  return current;
}

/** What a status shows beside an indicator's headline. */
export interface Beside {
  /** For a running total: the latest count for a period only. */
  period?: ReportSummary;
  /**
   * Other active reports whose figure of the same basis covers a period overlapping the
   * headline's, the newest of each report's source: where sources may disagree.
   */
  alongside: ReportSummary[];
}

/** Per count indicator with a headline, what is shown beside it (pure, from the summaries). */
export function pickBeside(
  summaries: readonly ReportSummary[],
  picks: ReadonlyMap<IndicatorId, ReportSummary>,
): Map<IndicatorId, Beside> {
  const beside = new Map<IndicatorId, Beside>();
  for (const [indicator, headline] of picks) {
    const basis = countBasisIn(headline, indicator);
    if (basis === undefined) continue;
    const active = summaries.filter((s) => s.state === 'active' && s.id !== headline.id);
    const periods = active.filter((s) => basis === 'total' && countBasisIn(s, indicator) === 'period');
    const period = periods.reduce<ReportSummary | undefined>(
      (held, s) => (!held || compareByObservation(s, held) > 0 ? s : held),
      undefined,
    );
    // The newest report of each source is enough: a source that revised its own figure does
    // not disagree with itself, and the full reports read stay as few as the sources.
    const newestOfSource = new Map<string, ReportSummary>();
    for (const s of active) {
      if (countBasisIn(s, indicator) !== basis || !periodsOverlap(s.observed, headline.observed)) continue;
      const held = newestOfSource.get(s.source.name);
      if (!held || compareByObservation(s, held) > 0) newestOfSource.set(s.source.name, s);
    }
    const alongside = [...newestOfSource.values()];
    beside.set(indicator, { ...(period ? { period } : {}), alongside });
  }
  return beside;
}

/** Every report a status of these summaries shows a figure of: the headlines and what is beside them. */
export function reportsShown(summaries: readonly ReportSummary[]): string[] {
  const picks = pickCurrent(summaries);
  const beside = [...pickBeside(summaries, picks).values()];
  return [
    ...new Set([
      ...[...picks.values()].map((s) => s.id),
      ...beside.flatMap((b) => [...(b.period ? [b.period.id] : []), ...b.alongside.map((s) => s.id)]),
    ]),
  ];
}

function inForce(report: Report, figure: Figure): FigureInForce {
  return {
    figure: withBasis(figure),
    report: report.id,
    observed: report.observed,
    published: report.published,
    verification: report.verification,
    source: figure.source ?? report.source,
    staleAfter: staleAfter(figure.indicator, report.observed),
    language: report.summary.language,
  };
}

/** A source, as one voice: the same name, however it is capitalised. */
const voiceOf = (figure: FigureInForce) => figure.source.name.normalize('NFC').toLocaleLowerCase('und');

/**
 * Whether the sources of an indicator's figures disagree: each source's newest figure for
 * the period, and whether any two of them cannot both hold (src/domain/counts.ts). One
 * source that revised its own figure does not disagree with itself.
 */
export function disagreementOf(figures: readonly FigureInForce[]): Disagreement | undefined {
  const newestFirst = [...figures].sort((a, b) =>
    compareByObservation({ id: b.report, ...b }, { id: a.report, ...a }),
  );
  const bySource = new Map<string, FigureInForce>();
  for (const entry of newestFirst) if (!bySource.has(voiceOf(entry))) bySource.set(voiceOf(entry), entry);
  const latest = [...bySource.values()];
  const counts = latest.flatMap((e) => ('value' in e.figure ? [e.figure] : []));
  if (counts.length < 2) return undefined;
  const disagree = counts.some((a, i) => counts.slice(i + 1).some((b) => !canBothHold(a, b)));
  if (!disagree) return undefined;
  return {
    low: Math.min(...counts.map((c) => c.value)),
    high: Math.max(...counts.map((c) => c.high ?? c.value)),
    sourceCount: latest.length,
    figures: latest.map((e) => ({
      figure: summarizeFigure(e.figure),
      report: e.report,
      observed: e.observed,
      published: e.published,
      verification: e.verification,
      source: e.source,
    })),
  };
}

function inRegistryOrder(entries: Iterable<[IndicatorId, IndicatorStatus]>): PlaceStatus['indicators'] {
  return Object.fromEntries(
    [...entries].sort(([a], [b]) => indicatorOrder(a) - indicatorOrder(b)),
  ) as PlaceStatus['indicators'];
}

/** Every indicator of the registry, reported or not: a place with no report on water is not one where water is fine. */
export function coverageOf(indicators: PlaceStatus['indicators']): Record<IndicatorId, Coverage> {
  return Object.fromEntries(
    indicatorIds.map((id) => [id, indicators[id] ? 'reported' : 'not_reported']),
  ) as Record<IndicatorId, Coverage>;
}

/**
 * The full status of a place. `picks` comes from pickCurrent and `beside` from pickBeside;
 * `reports` must hold the full report of each, since a status shows each figure with its
 * whole provenance.
 */
export function buildStatus(
  picks: ReadonlyMap<IndicatorId, ReportSummary>,
  reports: ReadonlyMap<string, Report>,
  updated: string | null,
  beside: ReadonlyMap<IndicatorId, Beside> = new Map(),
): PlaceStatus {
  const figureOf = (indicator: IndicatorId, id: string): FigureInForce => {
    const report = reports.get(id);
    const figure = report?.figures.find((f) => f.indicator === indicator);
    if (!report || !figure) throw new Error(`status needs the full report ${id}`);
    return inForce(report, figure);
  };
  const entries: [IndicatorId, IndicatorStatus][] = [];
  for (const [indicator, pick] of picks) {
    const headline = figureOf(indicator, pick.id);
    const { period, alongside = [] } = beside.get(indicator) ?? {};
    const disagreement = disagreementOf([headline, ...alongside.map((s) => figureOf(indicator, s.id))]);
    entries.push([
      indicator,
      {
        ...headline,
        ...(period ? { period: figureOf(indicator, period.id) } : {}),
        ...(disagreement ? { disagreement } : {}),
      },
    ]);
  }
  const indicators = inRegistryOrder(entries);
  return { updated, indicators, coverage: coverageOf(indicators) };
}

/** The status derived from a place's whole history; `reports` holds those reportsShown names. */
export function deriveStatus(
  history: readonly ReportSummary[],
  reports: ReadonlyMap<string, Report>,
  updated: string | null,
): PlaceStatus {
  const picks = pickCurrent(history);
  return buildStatus(picks, reports, updated, pickBeside(history, picks));
}

export function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
