// The one writer of a place's derived documents (its place document and its feed), and the
// one that decides, one at a time, what must not race for that place: whether one of its
// reports may be corrected or retracted, and edits of the place. A SQLite-backed Durable
// Object, one per place, named by the slug.
//
// Requests write a new report's facts to KV themselves, then hand the report over here.
// The writer keeps what it is told in its own storage (nothing is lost if it is evicted)
// and writes the documents from its alarm, at most once per DOCUMENT_WRITE_INTERVAL_MS, so
// a burst from any number of isolates in any number of locations writes each document
// about once a second. A moderation is recorded as an intent before any of its facts is
// written and is written again from that record until it is complete, so a crash part-way
// never leaves half of it. The scheduled repair tells the writer what the KV index holds,
// for anything it never heard of.

import { derivePlaceDocument, headSize, type PlaceDocument, summarizePlace } from '../domain/documents.ts';
import {
  deriveFeedDocument,
  disagreementsByReport,
  type FeedDocument,
  type FeedPlace,
  feedPlaceOf,
} from '../domain/feed.ts';
import { figureChangesOf } from '../domain/figure-changes.ts';
import type { Place, Report, ReportSummary, Retraction } from '../domain/model.ts';
import { deriveFates, hasFate, reportsShown } from '../domain/status.ts';
import {
  chainRetractions,
  chainVersions,
  type ModerationRefusal,
  type NamedReport,
} from '../domain/withdrawal.ts';
import type { Moderation, ModerationOutcome, PlaceSaved, PlaceWork } from './messages.ts';
import { writeModerationFacts } from './moderation-facts.ts';
import { writeIntervalMs } from './pacing.ts';
import { PlaceTables } from './place-tables.ts';
import { placeEntries, writeScope } from './stored-answers.ts';
import { PacedWriter } from './stored-object.ts';
import { writersOf } from './stubs.ts';

/** How many hops of corrections across places a chain is followed back, when reloading. */
const longestChain = 8;

/** How many notices one call to the change log carries at most: a reload may queue thousands. */
const noticesPerCall = 500;

/** How often, at most, in an interval between flushes the writer takes new reports in ahead. */
const advancesPerInterval = 4;

interface Derived {
  place: Place;
  placeDocument: PlaceDocument;
  /** The new reports the status now includes. */
  applied: string[];
  /** The reports whose figures the status shows, whose full text the writer keeps. */
  shown: string[];
}

function log(level: 'error' | 'info', message: string, fields: Record<string, unknown>) {
  console.log(JSON.stringify({ level, message, ...fields }));
}

export class PlaceWriter extends PacedWriter {
  private readonly tables: PlaceTables;
  /** Moderations being written by a call right now, which the alarm must not write again. */
  private readonly writing = new Set<string>();
  /** When the writer last took reports in ahead of a flush; in memory: a lost one costs only time. */
  private advancedAheadAt = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, 'place writer');
    this.tables = new PlaceTables(this.sql, this.state);
  }

  // -- calls --------------------------------------------------------------------------------

  /** New reports, and what reaches this place through chains, whose facts are stored. */
  async accept(slug: string, work: PlaceWork): Promise<void> {
    await this.ready(slug);
    this.tables.add(work);
    await this.afterChange();
    // Not awaited: the request that handed the report over is answered without waiting.
    this.ctx.waitUntil(this.advanceAhead());
  }

  /**
   * Decides a correction or a retraction of one of the place's reports, and writes it. The
   * retraction of a superseded report withdraws its whole chain, in one step.
   */
  async moderate(slug: string, moderation: Moderation): Promise<ModerationOutcome> {
    await this.ready(slug);
    const decision = this.decide(slug, moderation);
    if (decision !== 'write') return decision;
    const id = moderation.original.id;
    await this.writeModeration(this.tables.intentFor(id)?.moderation ?? moderation);
    await this.afterChange();
    return moderation.kind === 'retraction' ? this.retracted(id) : { accepted: true };
  }

  /** Creates or updates the place; its reports, status and pending work stay as they are. */
  async savePlace(slug: string, place: Place): Promise<PlaceSaved> {
    await this.ready(slug);
    // Edits of one place are written one at a time, so the last decided is the one stored.
    const created = await this.ctx.blockConcurrencyWhile(async () => {
      const isNew = this.tables.place === undefined;
      await this.store.putPlace(place);
      this.tables.setPlace(place);
      return isNew;
    });
    await this.afterChange();
    return { created, place };
  }

  /**
   * Creates the place unless one has its slug already: then nothing is written, and the
   * answer is false. Decided here, one at a time, so that two admins creating one slug at
   * once never overwrite each other.
   */
  async createPlace(slug: string, place: Place): Promise<boolean> {
    await this.ready(slug);
    const created = await this.ctx.blockConcurrencyWhile(async () => {
      if (this.tables.place !== undefined) return false;
      await this.store.putPlace(place);
      this.tables.setPlace(place);
      return true;
    });
    if (created) await this.afterChange();
    return created;
  }

  /** The place, if it exists; asked only when KV did not show it (yet) where a request ran. */
  async knownPlace(slug: string): Promise<Place | undefined> {
    return this.tables.initialized ? this.tables.place : this.store.getPlace(slug);
  }

  /** The place's document as it stands, for a read that found none in KV; it is written again. */
  async placeDocument(slug: string): Promise<PlaceDocument | undefined> {
    return (await this.documentsForRead(slug))?.placeDocument;
  }

  /** The place's feed document, for a read that found none in KV; it is written again. */
  async feedDocument(slug: string): Promise<FeedDocument | undefined> {
    return (await this.documentsForRead(slug))?.feed;
  }

  /**
   * A page of the place's history from its own record of every report, state included: at
   * most `limit` summaries older than report `before`, newest first. The place's history is
   * read from here, where the index of all history in KV would be walked past every other
   * place's reports.
   */
  async history(slug: string, before: string | undefined, limit: number): Promise<ReportSummary[]> {
    if (!this.tables.initialized && !(await this.store.getPlace(slug))) return [];
    await this.ready(slug);
    return this.tables.older(before, limit);
  }

  /**
   * From the scheduled repair: the newest entries of the place in the KV history index. Whatever
   * of them the writer does not know (a request that stopped before handing a report over,
   * a lost delivery) is added from the facts, and the documents are written again.
   */
  async reconcile(slug: string, entries: readonly ReportSummary[]): Promise<void> {
    if (!this.tables.initialized) {
      await this.ready(slug);
    } else {
      await this.addMissing(slug, entries);
    }
    this.pace.forgetWritten();
    this.tables.changed({ recompute: true });
    await this.afterChange();
  }

  /** Reloads everything from the facts in KV: after a bulk load, or to start over. */
  async resync(slug: string): Promise<void> {
    await this.ctx.blockConcurrencyWhile(() => this.reload(slug));
    await this.afterChange();
  }

  override async alarm(): Promise<void> {
    await this.work();
  }

  // -- moderation ---------------------------------------------------------------------------

  private decide(slug: string, moderation: Moderation): 'write' | ModerationOutcome {
    const { original, claimant } = moderation;
    const id = original.id;
    if (original.place !== slug) throw new Error(`report ${id} is not a report of ${slug}`);
    // The request read the report from the index: the writer may not have been told of it
    // yet, if the request that published it stopped before handing it over.
    if (this.tables.addSummary(original)) this.tables.changed({ recompute: true });
    const intent = this.tables.intentFor(id);
    if (intent) return intent.claimant === claimant ? 'write' : this.refuse('busy', id);
    const fate = this.tables.fateOf(id);
    if (fate.state === 'retracted') {
      const same = moderation.kind === 'retraction' && this.tables.retractionClaimant(id) === claimant;
      return same ? this.retracted(id) : this.refuse('retracted', id);
    }
    if (fate.state === 'superseded' && moderation.kind === 'retraction')
      return this.decideWithdrawal(moderation);
    if (fate.state === 'superseded') {
      const same = moderation.kind === 'correction' && fate.supersededBy === moderation.correction.id;
      return same ? { accepted: true } : this.refuse('superseded', id, fate.supersededBy);
    }
    this.tables.addIntent(moderation);
    return 'write';
  }

  /**
   * The retraction of a superseded report: every version of its chain not yet retracted is
   * withdrawn, in one intent, so nothing is restored on the way and a crash leaves all or none.
   */
  private decideWithdrawal(
    moderation: Extract<Moderation, { kind: 'retraction' }>,
  ): 'write' | ModerationOutcome {
    const { tables } = this;
    const id = moderation.original.id;
    const versions = chainVersions(id, {
      own: (version) => tables.summary(version),
      correctionsOf: (version) => tables.correctionsOf(version),
    });
    if (!versions) return this.refuse('chainAcrossPlaces', id);
    const retracted = tables.retractedIds();
    const withdrawn = versions.flatMap((version) =>
      retracted.has(version) ? [] : (tables.summary(version) ?? []),
    );
    const busy = withdrawn.find((version) => tables.intentFor(version.id));
    if (busy) return this.refuse('busy', busy.id);
    const { restored: _, ...retraction } = moderation;
    tables.addIntent({ ...retraction, withdrawn });
    return 'write';
  }

  /** The answer to a retraction that was written: the report's record, as the writer holds it. */
  private retracted(id: string): ModerationOutcome {
    const retraction = this.tables.retractions([id]).get(id);
    return { accepted: true, ...(retraction ? { retraction } : {}) };
  }

  /** `by`: for a superseded report, the correction that superseded it. */
  private refuse(kind: ModerationRefusal['kind'], id: string, by?: string): ModerationOutcome {
    const report = this.named(id);
    const refusal: ModerationRefusal =
      kind === 'superseded' ? { kind, report, by: this.named(by ?? id) } : { kind, report };
    return { accepted: false, refusal };
  }

  /** A report of the place, or a correction of one filed elsewhere, as a refusal names it. */
  private named(id: string): NamedReport {
    const { tables } = this;
    const chained = tables.chainedCorrections().find((c) => c.report.id === id);
    if (chained) {
      const { observed, published } = chained.report;
      return { place: chained.place, observed, published };
    }
    const here = tables.place;
    const slug = tables.slug ?? '';
    const own = tables.summary(id);
    return {
      place: here ? feedPlaceOf(here) : { slug, names: { en: slug } },
      observed: own?.observed ?? '',
      published: own?.published ?? '',
    };
  }

  /** The places, other than the correction's own, whose chains a correction continues. */
  private chainPlacesOf(moderation: Extract<Moderation, { kind: 'correction' }>): string[] {
    const own = moderation.correction.place;
    const places = [moderation.original.place, ...this.tables.chainOf(moderation.original.id)];
    return [...new Set(places)].filter((slug) => slug !== own);
  }

  /** Writes a decided moderation's facts, then takes it into the tables. */
  private async writeModeration(moderation: Moderation): Promise<void> {
    const id = moderation.original.id;
    if (this.writing.has(id)) return;
    this.writing.add(id);
    try {
      const chainPlaces = moderation.kind === 'correction' ? this.chainPlacesOf(moderation) : [];
      await writeModerationFacts(this.store, moderation, chainPlaces);
      this.takeModeration(moderation, chainPlaces);
    } catch (error) {
      // The intent stays recorded; the alarm writes it again until it is complete.
      log('error', 'moderation not yet written; will retry', { report: id, error: String(error) });
      await this.pace.retryLater();
    } finally {
      this.writing.delete(id);
    }
  }

  private takeModeration(moderation: Moderation, chainPlaces: readonly string[]): void {
    const { tables } = this;
    const id = moderation.original.id;
    if (moderation.kind === 'correction') {
      const { correction, correctionPlace, publishedBy } = moderation;
      const here = moderation.original.place;
      if (correction.place === here) {
        tables.addOwnReport(correction, publishedBy);
        tables.setChain(correction.id, chainPlaces);
      } else {
        tables.addChained(correction, correctionPlace);
        tables.send(correction.place, {
          reports: [correction],
          chains: { [correction.id]: chainPlaces },
          ...(publishedBy ? { publishedBy } : {}),
        });
      }
      for (const slug of chainPlaces) {
        if (slug !== here) tables.send(slug, { chained: [{ report: correction, place: correctionPlace }] });
      }
    } else if (moderation.withdrawn) {
      const records = chainRetractions(
        moderation.retraction,
        moderation.withdrawn.map((v) => v.id),
      );
      for (const record of records) tables.addRetraction(record, moderation.claimant);
      tables.logWithdrawal(records, moderation.publishedBy);
    } else {
      tables.addRetraction(moderation.retraction, moderation.claimant, moderation.publishedBy);
      for (const slug of tables.chainOf(id)) tables.send(slug, { retractions: [moderation.retraction] });
    }
    tables.removeIntent(id);
    tables.changed({ recompute: true });
  }

  // -- the alarm: intents, documents, deliveries --------------------------------------------

  /** After a change: written in the call when the interval is 0, else from the alarm. */
  private afterChange(): Promise<void> {
    return this.pace.soon(() => this.work());
  }

  /** Everything pending, in order: moderations, the documents, what other writers are told. */
  private async work(): Promise<void> {
    const { tables } = this;
    const done = await this.pace.run(async () => {
      for (const moderation of tables.intents()) await this.writeModeration(moderation);
      // A stored page whose figure went stale is rendered again.
      if (this.pace.expired()) tables.changed({ recompute: false });
      if (tables.dirty && this.pace.mayFlush()) await this.flush();
      // The writer of all places and the change log are told only what the writer has taken
      // in (at a flush, or ahead of one): while new reports wait, what came before them is told
      // without waiting (a stream of reports would otherwise hold everything back until it
      // stops), but nothing while fates are to be derived again. The change log last, so that
      // nothing befalling it delays a document.
      if (!tables.recompute) await this.share();
      await this.deliver();
      if (!tables.recompute) await this.log();
    });
    if (done && tables.hasPendingWork()) await this.pace.later();
  }

  /**
   * Takes a derivation in as the writer's own: what the new reports changed, and that they
   * are in. What the writer has taken in is what it tells the writer of all places and the
   * change log; its own documents in KV follow at its next flush, within the interval. A
   * write that fails leaves the writer dirty, so the documents taken in are written by the
   * next try.
   */
  private takeIn(derived: Derived): void {
    const { tables } = this;
    const folded = new Set(derived.applied);
    tables.setFigureChanges(figureChangesOf(tables.document?.status, derived.placeDocument.status, folded));
    tables.setDocument(derived.placeDocument);
    tables.markApplied(derived.applied);
    tables.pruneReports([...derived.placeDocument.head.map((s) => s.id), ...derived.shown]);
  }

  private async flush(): Promise<void> {
    const { tables } = this;
    const slug = tables.slug;
    const seq = tables.changeSeq;
    const derived = await this.derive();
    if (slug && derived) {
      const feed = await this.deriveFeed(derived.place, derived.placeDocument);
      this.takeIn(derived);
      const scope = { kind: 'place', slug } as const;
      const entries = await placeEntries({ place: derived.placeDocument, feed }, this.env);
      if (await writeScope(this.store, this.pace, scope, entries, this.env)) this.pace.flushed();
    }
    tables.flushed(seq);
  }

  /**
   * While new reports wait for the next flush (KV takes a document about once a second), the
   * writer takes them in at once, at most a few times an interval, and tells the writer of all
   * places and the change log. Both are paced the same way: told only after each flush, they
   * would show a report up to two intervals after its 201; told ahead, about when the place's
   * own documents do (docs/architecture.md#how-soon-a-report-shows). Nothing is taken ahead
   * while fates are to be derived again: the flush that derives them takes them.
   */
  private async advanceAhead(): Promise<void> {
    const { tables } = this;
    const gap = writeIntervalMs(this.env) / advancesPerInterval;
    const now = Date.now();
    if (gap === 0 || now < this.advancedAheadAt + gap) return;
    if (!tables.dirty || tables.recompute || tables.document === undefined) return;
    this.advancedAheadAt = now;
    const done = await this.pace.run(async () => {
      const derived = await this.derive();
      if (derived) this.takeIn(derived);
      await this.share();
      await this.log();
    });
    if (done) await this.pace.later();
  }

  /** Tells the writer of all places what changed here: the place's summary and its reports. */
  private async share(): Promise<void> {
    const { tables } = this;
    const document = tables.document;
    const ids = tables.unshared();
    if (!document) return;
    const summary = summarizePlace(document);
    if (ids.length === 0 && (await this.pace.unchanged('shared place', summary))) return;
    const summaries = ids.flatMap((id) => tables.summary(id) ?? []);
    await writersOf(this.env)
      .allPlaces()
      .accept({
        place: summary,
        summaries,
        reports: [...tables.reports(ids).values()],
        retractions: [...tables.retractions(ids).values()],
      });
    tables.markShared(ids);
    await this.pace.remember('shared place', summary);
  }

  /** Tells the change log what the writer took, in order; it keeps each change once. */
  private async log(): Promise<void> {
    const changeLog = writersOf(this.env).changeLog();
    for (let batch = this.tables.unlogged(noticesPerCall); batch.length > 0; ) {
      await changeLog.record(batch.map((b) => b.notice));
      this.tables.logged(batch.at(-1)?.seq ?? 0);
      batch = this.tables.unlogged(noticesPerCall);
    }
  }

  /** Delivers work for the writers of other places, in the order it was decided. */
  private async deliver(): Promise<void> {
    const writers = writersOf(this.env);
    for (const { seq, place, work } of this.tables.outbox()) {
      await writers.place(place).accept(place, work);
      this.tables.delivered(seq);
    }
  }

  // -- deriving the documents ---------------------------------------------------------------

  /** Full reports by id: from the tables, else from KV (and kept); missing ones are left out. */
  private async fullReports(ids: readonly string[]): Promise<Map<string, Report>> {
    const found = this.tables.reports(ids);
    const missing = ids.filter((id) => !found.has(id));
    const fetched = await Promise.all(missing.map((id) => this.store.getReport(id)));
    for (const report of fetched) {
      if (!report) continue;
      this.tables.putReport(report);
      found.set(report.id, report);
    }
    return found;
  }

  /**
   * The document derived from the place's whole history, whose summaries the writer holds;
   * full reports are read only for the figures the status shows.
   */
  private async derivedInFull(place: Place): Promise<{ placeDocument: PlaceDocument; shown: string[] }> {
    const { tables } = this;
    const history = tables.allSummaries();
    const shown = reportsShown(history);
    const reports = await this.fullReports(shown);
    return {
      placeDocument: derivePlaceDocument(place, history, reports, tables.latestOwnRetraction()),
      shown,
    };
  }

  private async derive(): Promise<Derived | undefined> {
    const { tables } = this;
    const place = tables.place;
    if (!place) return undefined;
    const applied = tables.unapplied();
    if (tables.recompute || tables.document === undefined) {
      tables.applyFates(deriveFates(tables.fateInputs(), tables.retractedIds()));
    }
    const { placeDocument, shown } = await this.derivedInFull(place);
    return { place, placeDocument, applied, shown };
  }

  private async deriveFeed(place: Place, { head, reportCount, status }: PlaceDocument) {
    const { tables } = this;
    const window = await this.fullReports(head.map((s) => s.id));
    const oldest = head.at(-1)?.id ?? '';
    const inWindow = new Set(head.map((s) => s.id));
    // Corrections filed elsewhere continue the entries of this place's reports they correct.
    const chained = tables
      .chainedCorrections()
      .filter(({ report }) => inWindow.has(report.corrects?.report ?? '') || report.id > oldest);
    const places = new Map<string, FeedPlace>([[place.slug, feedPlaceOf(place)]]);
    for (const c of chained) places.set(c.place.slug, c.place);
    const fates = new Map([
      ...head.map((s) => [s.id, { state: s.state, supersededBy: s.supersededBy }] as const),
      ...chained.map((c) => [c.report.id, { state: c.state }] as const),
    ]);
    const retracted = [...fates].flatMap(([id, fate]) => (fate.state === 'retracted' ? [id] : []));
    return deriveFeedDocument({
      window: head,
      reportCount,
      reports: [...head.flatMap((s) => window.get(s.id) ?? []), ...chained.map((c) => c.report)],
      fates,
      retractions: tables.retractions(retracted),
      placeOf: (slug) => places.get(slug),
      place,
      disagreements: disagreementsByReport([status]),
    });
  }

  private async documentsForRead(
    slug: string,
  ): Promise<{ placeDocument: PlaceDocument; feed: FeedDocument } | undefined> {
    if (!this.tables.initialized && !(await this.store.getPlace(slug))) return undefined;
    await this.ready(slug);
    const derived = await this.derive();
    const documents = derived && {
      placeDocument: derived.placeDocument,
      feed: await this.deriveFeed(derived.place, derived.placeDocument),
    };
    // A read found no document in KV: make sure the next flush writes it, whatever digest says.
    this.pace.forgetWritten();
    this.tables.changed({ recompute: false });
    await this.afterChange();
    return documents;
  }

  // -- reloading from the facts -------------------------------------------------------------

  /** The first call after the object was created loads what the facts in KV hold. */
  private async ready(slug: string): Promise<void> {
    if (this.tables.initialized) {
      if (this.tables.slug !== slug) throw new Error(`writer of ${this.tables.slug} asked about ${slug}`);
      return;
    }
    await this.ctx.blockConcurrencyWhile(async () => {
      if (!this.tables.initialized) await this.reload(slug);
    });
  }

  private async reload(slug: string): Promise<void> {
    this.tables.reloading = true;
    try {
      await this.reloadFromFacts(slug);
    } finally {
      this.tables.reloading = false;
    }
  }

  private async reloadFromFacts(slug: string): Promise<void> {
    const { store, tables } = this;
    const [place, entries, chainedIds, retracted] = await Promise.all([
      store.getPlace(slug),
      store.wholeHistory(slug),
      store.chainedCorrections(slug),
      store.retractedIds(),
    ]);
    if (place) tables.setPlace(place);
    const summaries = entries.flatMap((e) => (e.summary ? [e.summary] : []));
    // Oldest first, the order the service took them in, which the change log is told them in.
    for (const summary of [...summaries].reverse()) tables.addSummary(summary);
    await this.addChainedFromFacts(chainedIds);
    const known = new Set([...summaries.map((s) => s.id), ...chainedIds]);
    const retractions = await Promise.all(
      [...retracted].filter((id) => known.has(id)).map((id) => store.getRetraction(id)),
    );
    const withdrawals = new Map<string, Retraction[]>();
    for (const retraction of retractions) {
      if (!retraction || !tables.addRetraction(retraction, null)) continue;
      const chain = retraction.withdrawnWithChainOf;
      if (chain) withdrawals.set(chain, [...(withdrawals.get(chain) ?? []), retraction]);
    }
    for (const records of withdrawals.values()) tables.logWithdrawal(records);
    await this.addChainsFromFacts(summaries);
    // The index entries whose recorded state differs from what the facts say are repaired.
    const fates = deriveFates(tables.fateInputs(), tables.retractedIds());
    tables.applyFates(fates);
    const stale = summaries.flatMap((s) => {
      const fate = tables.summary(s.id);
      return fate && !hasFate(s, fate) ? [fate] : [];
    });
    await Promise.all(stale.map((s) => store.putHistoryEntry(s)));
    for (const s of tables.newest(headSize)) tables.share(s.id);
    this.pace.forgetWritten();
    tables.markInitialized(slug);
    tables.changed({ recompute: true });
  }

  private async addChainedFromFacts(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.tables.hasChained(id));
    const reports = await Promise.all(missing.map((id) => this.store.getReport(id)));
    for (const report of reports) {
      if (!report) continue;
      const place = await this.store.getPlace(report.place);
      this.tables.addChained(
        report,
        place ? feedPlaceOf(place) : { slug: report.place, names: { en: report.place } },
      );
    }
  }

  /** For reports that correct reports of other places: the places of their chains. */
  private async addChainsFromFacts(summaries: readonly ReportSummary[]): Promise<void> {
    const own = new Set(summaries.map((s) => s.id));
    for (const summary of summaries) {
      const places: string[] = [];
      let previous = summary.corrects;
      for (let hops = 0; previous && hops < longestChain; hops++) {
        const entry = own.has(previous)
          ? this.tables.summary(previous)
          : await this.store.getHistoryEntry(previous);
        if (!entry) break;
        if (!own.has(entry.id)) places.push(entry.place);
        previous = entry.corrects;
      }
      this.tables.setChain(summary.id, [...new Set(places)]);
    }
  }

  /** Adds, from the facts, what the given index entries show that the writer does not know. */
  private async addMissing(slug: string, entries: readonly ReportSummary[]): Promise<void> {
    const { store, tables } = this;
    for (const entry of entries) {
      if (entry.place !== slug) continue;
      tables.addSummary(entry);
      const fate = tables.fateOf(entry.id);
      if (entry.state === 'retracted' && fate.state !== 'retracted') {
        const retraction = await store.getRetraction(entry.id);
        if (retraction) tables.addRetraction(retraction, null);
      }
      const by = entry.supersededBy;
      if (entry.state === 'superseded' && by && fate.supersededBy !== by) {
        const correction = await store.getReport(by);
        if (correction?.place === slug) tables.addOwnReport(correction);
        else if (correction) await this.addChainedFromFacts([correction.id]);
      }
    }
  }
}
