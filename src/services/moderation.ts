// Corrections and retractions. Whether a report may be moderated is decided by the writer
// of the place it was filed under, one request at a time, so of two moderations of one
// report sent at once exactly one wins; the writer then writes the facts (see
// src/writers/place-writer.ts). Here the request finds the report and builds what it asks.

import { correctedReport } from '../domain/corrections.ts';
import { feedPlaceOf } from '../domain/feed.ts';
import { issuesFromZod } from '../domain/issues.ts';
import type { Language } from '../domain/languages.ts';
import {
  type CorrectionInput,
  type Report,
  type ReportInput,
  type ReportSummary,
  type ReportView,
  type Retraction,
  reportInput,
} from '../domain/model.ts';
import { plausibilityWarnings, type Warning } from '../domain/plausibility.ts';
import type { ChainOfVersions } from '../domain/withdrawal.ts';
import { Conflict, InvalidBody, NotFound } from '../problems.ts';
import type { StatusStore } from '../store/status-store.ts';
import { refusalDetail } from '../words/refusals.ts';
import type { ModerationOutcome } from '../writers/messages.ts';
import type { Writers } from '../writers/stubs.ts';
import { type Clock, claimantOf } from './clock.ts';
import { knownPlaces } from './places.ts';
import { accept, refuseUnconfirmed, validate } from './publishing.ts';
import { loadPlaceDocument, viewOf } from './reading.ts';

/** A report as published and as the index holds it: one whose acceptance failed is not found. */
async function loadIndexed(
  store: StatusStore,
  id: string,
): Promise<{ report: Report; summary: ReportSummary }> {
  const entry = await store.getReportEntry(id);
  if (!entry?.summary) throw new NotFound(`no report with id ${id}`);
  return { report: entry.published.value, summary: entry.summary };
}

/** The writer's decision; a refusal is worded in the reader's language. */
function decided(
  outcome: ModerationOutcome,
  language: Language,
): Extract<ModerationOutcome, { accepted: true }> {
  if (!outcome.accepted) throw new Conflict(refusalDetail(outcome.refusal, language));
  return outcome;
}

/**
 * The corrected report checked by every rule of a report: a correction naming only what
 * changes may leave something that no longer holds (a quote that a new original lacks).
 */
function wholeReport(corrected: ReportInput): ReportInput {
  const checked = reportInput.safeParse(corrected);
  if (checked.success) return checked.data;
  throw new InvalidBody(
    issuesFromZod(checked.error, corrected).map((issue) => ({ ...issue, rule: 'the corrected report' })),
  );
}

/**
 * The warnings of a correction, for what it changes: its figures, against the place's current
 * figures (the corrected report's own among them: a correction of 12,000 to 12 is as likely
 * a slip as a report of it, and one of 12 to 12,000 is confirmed once), and its observed
 * date. Pointers name the correction's body.
 */
async function correctionWarnings(
  store: StatusStore,
  writers: Writers,
  fields: ReportInput,
  input: CorrectionInput,
): Promise<Warning[]> {
  const doc = await loadPlaceDocument(store, writers, fields.place);
  if (!doc) return [];
  return plausibilityWarnings(fields, doc.status).flatMap((warning): Warning[] => {
    if (warning.code === 'old-observation') return input.observed === undefined ? [] : [warning];
    const stated = (input.figures ?? []).findIndex((f) => f.indicator === warning.figure.indicator);
    return stated < 0 ? [] : [{ ...warning, pointer: `/figures/${stated}/value` }];
  });
}

/**
 * Corrects a report: the correction is the original with what the input changes, checked as
 * a report is, and refused for a warning its writer has not confirmed.
 */
export async function correctReport(
  store: StatusStore,
  writers: Writers,
  id: string,
  input: CorrectionInput,
  clock: Clock,
  confirmed: ReadonlySet<string> = new Set(),
  language: Language = 'en',
  publishedBy?: string,
): Promise<Report> {
  const original = await loadIndexed(store, id);
  const fields = wholeReport(correctedReport(original.report, input));
  const { reason } = input;
  const places = await knownPlaces(store, writers, [fields.place]);
  await validate(store, writers, [fields], new Set(places.keys()), clock.now, () => '');
  refuseUnconfirmed(await correctionWarnings(store, writers, fields, input), confirmed);
  const correction = accept(fields, clock, { report: id, reason });
  const place = places.get(fields.place);
  if (!place) throw new NotFound(`no place with slug "${fields.place}"`);
  const slug = original.summary.place;
  decided(
    await writers.place(slug).moderate(slug, {
      kind: 'correction',
      claimant: correction.id,
      original: original.summary,
      correction,
      correctionPlace: feedPlaceOf(place),
      ...(publishedBy ? { publishedBy } : {}),
    }),
    language,
  );
  return correction;
}

/**
 * Retracts a report. Retracting a correction that is current makes the report it corrected
 * current again; retracting a superseded version withdraws its whole chain (the original
 * and every correction) in one step, as its place's writer decides.
 */
export async function retractReport(
  store: StatusStore,
  writers: Writers,
  id: string,
  reason: string,
  clock: Clock,
  language: Language = 'en',
  publishedBy?: string,
): Promise<ReportView> {
  const { report, summary } = await loadIndexed(store, id);
  const restored = report.corrects ? await store.getHistoryEntry(report.corrects.report) : undefined;
  const asked: Retraction = { report: id, reason, retracted: clock.now.toISOString() };
  const slug = summary.place;
  const outcome = decided(
    await writers.place(slug).moderate(slug, {
      kind: 'retraction',
      claimant: claimantOf(clock),
      original: summary,
      retraction: asked,
      ...(publishedBy ? { publishedBy } : {}),
      ...(restored ? { restored } : {}),
    }),
    language,
  );
  const { supersededBy: _, ...rest } = summary;
  return viewOf(report, { ...rest, state: 'retracted' }, outcome.retraction ?? asked);
}

/** How many hops along a chain are followed at most: far more than any chain has. */
const longestChain = 64;

/**
 * How many versions came before a report, from the index: back along what each version
 * corrects to the original (0 for an original). One read per version.
 */
export async function earlierVersions(
  store: StatusStore,
  view: Pick<ReportView, 'corrects'>,
): Promise<number> {
  let earlier = 0;
  for (let id = view.corrects?.report, hops = 0; id && hops < longestChain; hops++) {
    const entry = await store.getHistoryEntry(id);
    if (!entry || entry.state === 'retracted') break;
    earlier++;
    id = entry.corrects;
  }
  return earlier;
}

/**
 * The chain of a superseded report, from the index: back along what each version corrects
 * to the original, forward along what superseded each to the current version. Undefined for
 * a report that is not superseded. One read per version.
 */
export async function chainOfSuperseded(
  store: StatusStore,
  view: Pick<ReportView, 'state' | 'supersededBy' | 'corrects'>,
): Promise<ChainOfVersions | undefined> {
  if (view.state !== 'superseded' || !view.supersededBy) return undefined;
  const earlier = await earlierVersions(store, view);
  let later = 0;
  let current: ReportSummary | undefined;
  for (let id: string | undefined = view.supersededBy, hops = 0; id && hops < longestChain; hops++) {
    const entry = await store.getHistoryEntry(id);
    if (!entry) break;
    later++;
    current = entry;
    id = entry.state === 'superseded' ? entry.supersededBy : undefined;
  }
  return current ? { current, corrections: earlier + later } : undefined;
}
