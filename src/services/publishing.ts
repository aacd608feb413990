// Accepting new reports. Each report is written under its key in the index of all history,
// one write that stores it and makes it visible, before anything is derived; then each
// place's writer is handed its reports and derives the documents.

import { checkPlaceExists, checkReportDates } from '../domain/checks.ts';
import type { PlaceDocument } from '../domain/documents.ts';
import { newReportId } from '../domain/ids.ts';
import { slug as placeSlug, type Report, type ReportInput } from '../domain/model.ts';
import { plausibilityWarnings, type Warning } from '../domain/plausibility.ts';
import { summarizeReport } from '../domain/status.ts';
import { InvalidBody, UnconfirmedWarnings } from '../problems.ts';
import type { StatusStore } from '../store/status-store.ts';
import { warningDetail } from '../words/warnings.ts';
import type { Writers } from '../writers/stubs.ts';
import type { Clock } from './clock.ts';
import { loadPlaceDocument, loadPlacesList } from './reading.ts';

/**
 * Refuses inputs that name an unknown place or impossible dates, naming each field. Only
 * when a place is unknown is the list of places read, for the nearest to suggest.
 */
export async function validate(
  store: StatusStore,
  writers: Writers,
  inputs: readonly ReportInput[],
  known: ReadonlySet<string>,
  now: Date,
  pointerPrefix: (i: number) => string,
): Promise<void> {
  const places = inputs.some((input) => !known.has(input.place)) ? await loadPlacesList(store, writers) : [];
  const issues = inputs.flatMap((input, i) => [
    ...checkPlaceExists(input, known, pointerPrefix(i), places),
    ...checkReportDates(input, now, pointerPrefix(i)),
  ]);
  if (issues.length > 0) throw new InvalidBody(issues);
}

export function accept(input: ReportInput, clock: Clock, corrects?: Report['corrects']): Report {
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

/**
 * Writes each report with its index entry, one write a report, which makes it visible. If
 * one of them fails, those written are taken back once every write has settled: a request
 * leaves nothing visible and the client may retry. A repeat of a request with an
 * Idempotency-Key takes nothing back: an earlier run may have handed the reports over.
 */
async function writeFacts(
  store: StatusStore,
  reports: readonly Report[],
  { repeat, publishedBy }: { repeat: boolean; publishedBy: string | undefined },
) {
  const written = await Promise.allSettled(
    reports.map((r) => store.putReport(r, summarizeReport(r, { state: 'active' }), publishedBy)),
  );
  const failed = written.find((w) => w.status === 'rejected');
  if (!failed) return;
  if (!repeat) await store.deleteReports(reports.map((r) => r.id)).catch(() => undefined);
  throw failed.reason;
}

/**
 * Hands each place's writer its new reports. The facts are safe whatever happens here: a
 * writer that cannot be reached leaves its place marked stale, and the scheduled repair
 * hands the reports over from the index of all history.
 */
export async function handOver(
  store: StatusStore,
  writers: Writers,
  reports: readonly Report[],
  publishedBy: string | undefined,
): Promise<void> {
  const byPlace = Map.groupBy(reports, (r) => r.place);
  await Promise.all(
    [...byPlace].map(async ([slug, ofPlace]) => {
      try {
        await writers.place(slug).accept(slug, { reports: ofPlace, ...(publishedBy ? { publishedBy } : {}) });
      } catch (error) {
        console.error(
          JSON.stringify({
            level: 'error',
            message: 'writer unreachable; marked stale',
            slug,
            error: String(error),
          }),
        );
        await store.markStale(slug).catch(() => undefined);
      }
    }),
  );
}

/** Each named place's document, by slug: what it holds now, for the warnings. */
async function placesNow(
  store: StatusStore,
  writers: Writers,
  slugs: readonly string[],
): Promise<Map<string, PlaceDocument>> {
  const unique = [...new Set(slugs)].filter((s) => placeSlug.safeParse(s).success);
  const docs = await Promise.all(unique.map((s) => loadPlaceDocument(store, writers, s)));
  return new Map(docs.flatMap((doc) => (doc ? [[doc.place.slug, doc] as const] : [])));
}

/** Refuses a write with a warning its writer has not confirmed, naming each. */
export function refuseUnconfirmed(warnings: readonly Warning[], confirmed: ReadonlySet<string>): void {
  const unconfirmed = warnings.filter((w) => !confirmed.has(w.code));
  if (unconfirmed.length === 0) return;
  throw new UnconfirmedWarnings(
    unconfirmed.map((w) => ({
      pointer: w.pointer,
      rule: w.code,
      detail: warningDetail(w, 'en'),
      words: { kind: 'warning', warning: w },
    })),
  );
}

export interface Publishing {
  /** Check everything and store nothing: the answer says what would be stored. */
  dryRun?: boolean;
  /** The warning codes the writer has seen and stands by. */
  confirmed?: ReadonlySet<string>;
  pointerPrefix?: (index: number) => string;
  /** The name of the principal that publishes the reports, recorded with each. */
  publishedBy?: string;
}

export interface Published {
  reports: Report[];
  warnings: Warning[];
}

/**
 * Accepts reports all or nothing: every one is checked before any is written. A warning
 * the writer has not confirmed refuses them all, and a dry run stores nothing either way.
 */
export async function publishReports(
  store: StatusStore,
  writers: Writers,
  inputs: readonly ReportInput[],
  clock: Clock,
  { dryRun = false, confirmed = new Set(), pointerPrefix = () => '', publishedBy }: Publishing = {},
): Promise<Published> {
  const places = await placesNow(
    store,
    writers,
    inputs.map((i) => i.place),
  );
  await validate(store, writers, inputs, new Set(places.keys()), clock.now, pointerPrefix);
  const warnings = inputs.flatMap((input, i) => {
    const doc = places.get(input.place);
    return doc ? plausibilityWarnings(input, doc.status, pointerPrefix(i)) : [];
  });
  const reports = inSubmittedOrder(inputs.map((input) => accept(input, clock)));
  if (dryRun) return { reports, warnings };
  refuseUnconfirmed(warnings, confirmed);
  await writeFacts(store, reports, { repeat: clock.repeat === true, publishedBy });
  await handOver(store, writers, reports, publishedBy);
  return { reports, warnings };
}
