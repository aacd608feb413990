// The change log's model: what one change says, and the state it leaves each report it
// touches in. Pure: the change log (src/writers/change-log.ts) keeps the facts in its storage
// and asks these functions, so the rules are tested without storage.
//
// Each change carries the fates of the reports it touches (`effects`), derived from every
// fact the log holds at that moment by the same rule as the API's (deriveFates). So a client
// that applies the effects in order holds the log's view of every report, and, once the log
// holds every fact, the API's: even when facts reach the log in another order than they were
// decided (a correction before the report it corrects, a retraction before a correction of
// the same report), the effects of the later one state the outcome of both.
//
// Each change also carries the figures it changed (`figures`), so that a mirror rebuilds every
// place's status from the log alone: a report's own figures, a correction's changed ones
// before and after, a retraction's withdrawn ones and those it made current again. They are
// derived from what each report states, which the log keeps by report id.

import * as z from 'zod';
import type { FigureChange } from './figure-changes.ts';
import { type IndicatorId, indicatorIds, indicatorOrder } from './indicators.ts';
import {
  type FigureSummary,
  figureSummary,
  partialDate,
  type ReportSummary,
  type Retraction,
  reason,
  reportId,
  reportState,
  slug,
  timestamp,
} from './model.ts';
import { deriveFates, type ReportFate } from './status.ts';

/** How many changes one page of the log holds; a full page never changes again. */
export const changePageSize = 100;

const effect = z
  .strictObject({
    report: reportId,
    place: slug,
    state: reportState,
    supersededBy: reportId.optional(),
    restoredFrom: reportId.optional().meta({
      description: 'The retracted correction whose retraction made this report current again',
    }),
  })
  .meta({
    description:
      'The state the change leaves a report in, as GET /api/v1/reports/{id} shows it: a superseded or retracted report is a tombstone',
  });
export type ChangeEffect = z.infer<typeof effect>;

const statedFigure = z
  .strictObject({
    figure: figureSummary,
    report: reportId.meta({ description: 'The report that states it' }),
    observed: partialDate.meta({ description: "That report's observed period" }),
  })
  .meta({ description: 'A figure as a report states it, without free text' });

const changeFigure = z
  .strictObject({
    indicator: z.enum(indicatorIds),
    before: statedFigure.optional().meta({
      description: 'The figure as it stood before the change: the corrected or the withdrawn one',
    }),
    after: statedFigure.optional().meta({
      description: "The figure the change states: the new report's, the correction's, or the restored one's",
    }),
  })
  .meta({
    id: 'ChangeFigure',
    description:
      'One figure the change changed: absent `before`, it is new; absent `after`, it is gone (a correction dropped it, or a retraction withdrew it)',
  });
export type ChangeFigure = z.infer<typeof changeFigure>;

const touched = {
  report: reportId,
  place: slug,
  at: timestamp.meta({
    description: 'When the service accepted it: the report published, or the retraction made',
  }),
  effects: z.array(effect).min(1).meta({
    description:
      'Every report the change touches, with the state it now has; apply them in order to hold the state of the API',
  }),
  figures: z.array(changeFigure).meta({
    description:
      "What the change did to figures, in registry order: a new report's every figure (after); a correction's changed ones (before and after; those it left alone are the corrected report's); a retraction's withdrawn ones (before) and, when it restored a report, that report's (after)",
  }),
  publishedBy: z.string().min(1).optional().meta({
    description:
      'The name of the person or token that published the report or withdrew it; present only where the operator chose to show who published (PUBLISHED_BY_PUBLIC), and only for changes the service knows it of',
  }),
};

const observed = partialDate.meta({ description: "The report's observed period" });

export const change = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('new'), ...touched, observed }).meta({ description: 'A new report' }),
    z
      .strictObject({
        kind: z.literal('correction'),
        ...touched,
        observed,
        corrects: reportId.meta({ description: 'The corrected report, now superseded by this one' }),
        reason,
      })
      .meta({ description: 'A correction: a new report that supersedes the one it corrects' }),
    z
      .strictObject({
        kind: z.literal('retraction'),
        ...touched,
        reason,
        restored: reportId.optional().meta({
          description: 'When a correction was retracted: the report it had corrected, current again',
        }),
      })
      .meta({ description: 'A report withdrawn' }),
  ])
  .meta({ id: 'Change' });
export type Change = z.infer<typeof change>;

/** One page of the log as stored: the changes at positions page × size onwards. */
export const changePageDocument = z.strictObject({
  page: z.int().min(0),
  changes: z.array(change).max(changePageSize),
});
export type ChangePageDocument = z.infer<typeof changePageDocument>;

/** GET /api/v1/changes. */
export const changeList = z.strictObject({
  changes: z.array(change),
  nextCursor: z.string().meta({ description: 'The cursor to ask with next: never null' }),
  next: z.string().meta({ description: 'The full URL to ask next: the same path with `after=nextCursor`' }),
});
export type ChangeList = z.infer<typeof changeList>;

// -- what the log is told, and what it makes of it ----------------------------------------------

/** What a report states: its observed period and its figures, as summaries. */
export interface Stated {
  observed: string;
  figures: FigureSummary[];
}

/**
 * A report as the log is told of it; a correction's reason may be unknown to the teller, and
 * so may what it states (a notice queued before tellers told it), which the log then reads.
 */
export interface ReportFact {
  id: string;
  place: string;
  published: string;
  corrects?: { report: string; reason?: string };
  stated?: Stated;
  /** What it changed in its place's status, when the teller folded it in; pushed, not logged. */
  figures?: FigureChange[];
  /** Who published it, when the teller knows. */
  publishedBy?: string;
}

export interface RetractionFact {
  report: string;
  place: string;
  reason: string;
  retracted: string;
  /** When a chain was withdrawn in one step: the other versions withdrawn with the report. */
  versions?: readonly string[];
  /** Who withdrew it, when the teller knows. */
  publishedBy?: string;
}

/**
 * What the writers tell the change log: a report or a retraction they took. `history` marks
 * one a writer found in the facts while reloading them: it is logged, but it is not news, and
 * is not pushed.
 */
export type ChangeNotice = (
  | { kind: 'report'; report: ReportFact }
  | { kind: 'retraction'; retraction: RetractionFact }
) & {
  history?: true;
  /** The indicators of the report it is about, when the teller knows them: pushed, not logged. */
  indicators?: IndicatorId[];
};

/** What the log knows of a report: its place, and what it corrects. */
export interface LoggedReport {
  id: string;
  place: string;
  corrects?: string;
}

/** The facts the log holds, as it looks them up. */
export interface LoggedFacts {
  report(id: string): LoggedReport | undefined;
  /** The reports that correct `id`. */
  correctionsOf(id: string): readonly LoggedReport[];
  isRetracted(id: string): boolean;
  /** What a report states; the log holds it for every report a change it takes names. */
  stated(id: string): Stated | undefined;
}

function statedIn(facts: LoggedFacts, id: string): Stated {
  const stated = facts.stated(id);
  if (!stated) throw new Error(`the change log does not hold what report ${id} states`);
  return stated;
}

type Side = { report: string } & Stated;

/**
 * The figures of `before` and `after` side by side, per indicator in registry order; with
 * `changedOnly`, those that are the same on both sides (figure and observed period) are left out.
 */
export function changeFigures(
  before: Side | undefined,
  after: Side | undefined,
  options: { changedOnly: boolean },
): ChangeFigure[] {
  const side = (s: Side | undefined, indicator: string) => {
    const figure = s?.figures.find((f) => f.indicator === indicator);
    return s && figure ? { figure, report: s.report, observed: s.observed } : undefined;
  };
  const indicators = [
    ...new Set([...(before?.figures ?? []), ...(after?.figures ?? [])].map((f) => f.indicator)),
  ];
  return indicators
    .sort((a, b) => indicatorOrder(a) - indicatorOrder(b))
    .flatMap((indicator) => {
      const was = side(before, indicator);
      const is = side(after, indicator);
      const same =
        JSON.stringify([was?.figure, was?.observed]) === JSON.stringify([is?.figure, is?.observed]);
      if (options.changedOnly && same) return [];
      return [{ indicator, ...(was ? { before: was } : {}), ...(is ? { after: is } : {}) }];
    });
}

const sideOf = (facts: LoggedFacts, id: string): Side => ({ report: id, ...statedIn(facts, id) });

/** A report or correction as the desk lists it among its writer's own. */
export type PublishedReport = Pick<ReportSummary, 'id' | 'place' | 'observed' | 'published' | 'state'>;

/** A report's fate from what the log holds: its own retraction, and its corrections and theirs. */
export function fateIn(facts: LoggedFacts, id: string): ReportFate {
  const rows = [{ id }, ...facts.correctionsOf(id)];
  const retracted = new Set(rows.map((r) => r.id).filter((r) => facts.isRetracted(r)));
  return deriveFates(rows, retracted).get(id) ?? { state: 'active' };
}

function effectOf(facts: LoggedFacts, id: string, place: string): ChangeEffect {
  const { state, supersededBy, restoredFrom } = fateIn(facts, id);
  return {
    report: id,
    place,
    state,
    ...(supersededBy ? { supersededBy } : {}),
    ...(restoredFrom ? { restoredFrom } : {}),
  };
}

/** The effect on a report the log knows, or none: one it learns of later states its own fate then. */
function effectIfKnown(facts: LoggedFacts, id: string | undefined): ChangeEffect[] {
  const known = id === undefined ? undefined : facts.report(id);
  return known ? [effectOf(facts, known.id, known.place)] : [];
}

/** What a report did to figures: a new one's every figure, a correction's changed ones. */
export function reportFigures(facts: LoggedFacts, id: string, corrects?: string): ChangeFigure[] {
  const stated = sideOf(facts, id);
  return corrects === undefined
    ? changeFigures(undefined, stated, { changedOnly: false })
    : changeFigures(sideOf(facts, corrects), stated, { changedOnly: true });
}

/** The change a report makes, once the log holds it (a correction: with its reason). */
export function reportChange(
  facts: LoggedFacts,
  fact: ReportFact & { corrects?: { report: string; reason: string } },
): Change {
  const common = {
    report: fact.id,
    place: fact.place,
    at: fact.published,
    observed: statedIn(facts, fact.id).observed,
    figures: reportFigures(facts, fact.id, fact.corrects?.report),
    ...(fact.publishedBy ? { publishedBy: fact.publishedBy } : {}),
  };
  const own = effectOf(facts, fact.id, fact.place);
  if (!fact.corrects) return { kind: 'new', ...common, effects: [own] };
  const { report: corrects, reason } = fact.corrects;
  return {
    kind: 'correction',
    ...common,
    corrects,
    reason,
    effects: [own, ...effectIfKnown(facts, corrects)],
  };
}

/**
 * What a retraction did to figures: those of the version that was in force, withdrawn, and
 * those of the report it made current again, if any.
 */
export function retractionFigures(facts: LoggedFacts, inForce: string, restored?: string): ChangeFigure[] {
  const back = restored === undefined ? undefined : sideOf(facts, restored);
  return changeFigures(sideOf(facts, inForce), back, { changedOnly: false });
}

/**
 * The version of a withdrawal that was in force: the newest one, since the versions withdrawn
 * are those not retracted before, and each correction is newer than what it corrects.
 */
const versionInForce = (withdrawn: readonly string[]) => [...withdrawn].sort().at(-1) ?? '';

/** The change a retraction makes, once the log holds it: a chain withdrawn in one step is one. */
export function retractionChange(facts: LoggedFacts, fact: RetractionFact): Change {
  const withdrawn = [fact.report, ...(fact.versions ?? [])];
  const corrected = effectIfKnown(facts, facts.report(fact.report)?.corrects).filter(
    (e) => !withdrawn.includes(e.report),
  );
  const restored = corrected.find((e) => e.state === 'active' && e.restoredFrom === fact.report);
  const versions = withdrawn.map((id) => effectOf(facts, id, facts.report(id)?.place ?? fact.place));
  return {
    kind: 'retraction',
    report: fact.report,
    place: fact.place,
    at: fact.retracted,
    reason: fact.reason,
    ...(restored ? { restored: restored.report } : {}),
    effects: [...versions, ...corrected],
    figures: retractionFigures(facts, versionInForce(withdrawn), restored?.report),
    ...(fact.publishedBy ? { publishedBy: fact.publishedBy } : {}),
  };
}

/** A change as the public reads it: who published it only where the operator chose to show it. */
export const publicChange = (c: Change, showPublishers: boolean): Change => {
  if (showPublishers || c.publishedBy === undefined) return c;
  const { publishedBy: _, ...rest } = c;
  return rest;
};

/** The reports whose statements a change's figures are made of. */
export function statingReports(change: Pick<Change, 'report'> & { corrects?: string; restored?: string }) {
  return [change.report, change.corrects, change.restored].filter((id) => id !== undefined);
}

/**
 * A change logged before changes carried figures, with them, from what its reports state:
 * the same figures as it would have been given when taken.
 */
export function withFigures(facts: LoggedFacts, change: Change): Change {
  if (change.kind === 'retraction') {
    return { ...change, figures: retractionFigures(facts, change.report, change.restored) };
  }
  const corrects = change.kind === 'correction' ? change.corrects : undefined;
  return {
    ...change,
    observed: statedIn(facts, change.report).observed,
    figures: reportFigures(facts, change.report, corrects),
  };
}

/**
 * Retractions found in storage, as notices: the versions of a chain withdrawn in one step
 * make one, as their writer told it.
 */
export function retractionNotices(found: readonly (Retraction & { place: string })[]): ChangeNotice[] {
  const single: ChangeNotice[] = [];
  const chains = new Map<string, RetractionFact[]>();
  for (const { withdrawnWithChainOf: chain, ...fact } of found) {
    if (chain === undefined) single.push({ kind: 'retraction', retraction: fact });
    else chains.set(chain, [...(chains.get(chain) ?? []), fact]);
  }
  const withdrawals = [...chains].flatMap(([chain, facts]): ChangeNotice[] => {
    const asked = facts.find((f) => f.report === chain) ?? facts[0];
    if (!asked) return [];
    const versions = facts.flatMap((f) => (f === asked ? [] : [f.report]));
    return [{ kind: 'retraction', retraction: { ...asked, ...(versions.length > 0 ? { versions } : {}) } }];
  });
  return [...single, ...withdrawals];
}

const noticeTime = (n: ChangeNotice) => (n.kind === 'report' ? n.report.published : n.retraction.retracted);
const noticeId = (n: ChangeNotice) => (n.kind === 'report' ? n.report.id : n.retraction.report);

/**
 * Facts found in storage, in the order the service took them: by time, a report before a
 * retraction made in the same millisecond, then by id (which sorts by acceptance).
 */
export function inTakenOrder(notices: readonly ChangeNotice[]): ChangeNotice[] {
  return [...notices].sort(
    (a, b) =>
      noticeTime(a).localeCompare(noticeTime(b)) ||
      (a.kind === b.kind ? 0 : a.kind === 'report' ? -1 : 1) ||
      noticeId(a).localeCompare(noticeId(b)),
  );
}
