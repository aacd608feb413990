// Accepting reports, corrections and retractions. Each accepted fact is written under its
// own key before any derived document changes, so a failure part-way loses nothing that
// a rebuild cannot restore.

import { checkPlaceExists, checkReportDates } from '../domain/checks.ts';
import { Conflict, InvalidInput, NotFound } from '../domain/errors.ts';
import { newReportId } from '../domain/ids.ts';
import type {
  CorrectionInput,
  Report,
  ReportInput,
  ReportSummary,
  ReportView,
  Retraction,
} from '../domain/model.ts';
import { summarizeReport } from '../domain/status.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Clock } from './clock.ts';
import { deriveOrMarkStale } from './derive.ts';
import type { Derive } from './paced-derivation.ts';

/**
 * The slugs, of those given, that name a place. Read from the places' own small keys: the
 * derived documents, which grow to 200 reports, are read once per flush, not per request.
 */
async function knownPlaces(store: StatusStore, slugs: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(slugs)];
  const places = await Promise.all(unique.map((slug) => store.getPlace(slug)));
  return new Set(places.flatMap((place) => (place ? [place.slug] : [])));
}

function validate(
  inputs: readonly ReportInput[],
  known: ReadonlySet<string>,
  now: Date,
  pointerPrefix: (i: number) => string,
) {
  const issues = inputs.flatMap((input, i) => [
    ...checkPlaceExists(input, known, pointerPrefix(i)),
    ...checkReportDates(input, now, pointerPrefix(i)),
  ]);
  if (issues.length > 0) throw new InvalidInput(issues);
}

function accept(input: ReportInput, clock: Clock, corrects?: Report['corrects']): Report {
  return {
    ...input,
    id: newReportId(clock.now, clock.random),
    published: clock.now.toISOString(),
    ...(corrects ? { corrects } : {}),
  };
}

/**
 * A batch shares one published time, so ids alone order it: they are handed out sorted,
 * so that a later report in the batch is also the later one for status derivation.
 */
function inSubmittedOrder(reports: Report[]): Report[] {
  const ids = reports.map((r) => r.id).sort();
  return reports.map((report, i) => ({ ...report, id: ids[i] ?? report.id }));
}

const active = { state: 'active' } as const;

/** Accepts reports all or nothing: every one is checked before any is written. */
export async function publishReports(
  store: StatusStore,
  derive: Derive,
  inputs: readonly ReportInput[],
  clock: Clock,
  pointerPrefix: (index: number) => string = () => '',
): Promise<Report[]> {
  const known = await knownPlaces(
    store,
    inputs.map((i) => i.place),
  );
  validate(inputs, known, clock.now, pointerPrefix);
  const reports = inSubmittedOrder(inputs.map((input) => accept(input, clock)));
  const summaries = reports.map((r) => summarizeReport(r, active));
  await writeFacts(store, reports, summaries);
  await derive({ reports, summaries, changed: [], rederive: [] });
  return reports;
}

/**
 * Writes reports, then their index entries, which make them visible. If an index write
 * fails, the entries written are taken back: a report without one is never shown, so the
 * request leaves nothing visible and the client may retry.
 */
async function writeFacts(
  store: StatusStore,
  reports: readonly Report[],
  summaries: readonly ReportSummary[],
) {
  await Promise.all(reports.map((r) => store.putReport(r)));
  try {
    await Promise.all(summaries.map((s) => store.putHistoryEntry(s)));
  } catch (error) {
    await store.deleteHistoryEntries(summaries).catch(() => undefined);
    throw error;
  }
}

/** Loads a report that moderation may act on: it exists and is neither superseded nor retracted. */
async function loadActive(store: StatusStore, id: string): Promise<Report> {
  const [report, summary, retraction] = await Promise.all([
    store.getReport(id),
    store.getHistoryEntry(id),
    store.getRetraction(id),
  ]);
  if (!report || !summary) throw new NotFound(`no report with id ${id}`);
  // The retraction fact counts even before the index shows it: it is never written twice.
  if (retraction || summary.state === 'retracted') throw new Conflict(`report ${id} is retracted`);
  if (summary.state === 'superseded') {
    throw new Conflict(`report ${id} is superseded by ${summary.supersededBy}; correct or retract that one`);
  }
  return report;
}

export async function correctReport(
  store: StatusStore,
  derive: Derive,
  id: string,
  input: CorrectionInput,
  clock: Clock,
): Promise<Report> {
  const original = await loadActive(store, id);
  const { reason, ...fields } = input;
  validate([fields], await knownPlaces(store, [fields.place]), clock.now, () => '');
  const correction = accept(fields, clock, { report: id, reason });
  const summary = summarizeReport(correction, active);
  const superseded = summarizeReport(original, { state: 'superseded', supersededBy: correction.id });
  await writeFacts(store, [correction], [summary]);
  const places = [original.place, correction.place];
  // The correction fact names what it supersedes, so a lost index update is repaired too.
  await deriveOrMarkStale(store, places, () => store.putHistoryEntry(superseded));
  await derive({ reports: [correction], summaries: [summary], changed: [superseded], rederive: places });
  return correction;
}

export async function retractReport(
  store: StatusStore,
  derive: Derive,
  id: string,
  reason: string,
  clock: Pick<Clock, 'now'>,
): Promise<Retraction> {
  const report = await loadActive(store, id);
  const retraction: Retraction = { report: id, reason, retracted: clock.now.toISOString() };
  const summary = summarizeReport(report, { state: 'retracted' });
  await store.putRetraction(retraction);
  await deriveOrMarkStale(store, [report.place], () => store.putHistoryEntry(summary));
  await derive({ reports: [], summaries: [], changed: [summary], rederive: [report.place] });
  return retraction;
}

export async function viewReport(store: StatusStore, id: string): Promise<ReportView> {
  const [report, summary] = await Promise.all([store.getReport(id), store.getHistoryEntry(id)]);
  // A report is visible once indexed: one whose acceptance failed part-way stays hidden.
  if (!report || !summary) throw new NotFound(`no report with id ${id}`);
  return viewOf(report, summary, summary?.state === 'retracted' ? await store.getRetraction(id) : undefined);
}

export function viewOf(report: Report, summary?: ReportSummary, retraction?: Retraction): ReportView {
  return {
    ...report,
    state: summary?.state ?? 'active',
    ...(summary?.supersededBy ? { supersededBy: summary.supersededBy } : {}),
    ...(retraction ? { retraction: { reason: retraction.reason, retracted: retraction.retracted } } : {}),
  };
}
