// The one writer of the documents every place shares: the list of places, the newest reports
// of all places and the feed of all places. A SQLite-backed Durable Object, one for the
// service. The writers of the places tell it, after each of their flushes, their place's
// summary and the reports that are new or changed; it keeps the newest of them and writes
// the three documents from its alarm, at most once per DOCUMENT_WRITE_INTERVAL_MS, however
// many places changed meanwhile.

import {
  headSize,
  inPlaceOrder,
  type PlacesDocument,
  type RecentDocument,
  summarizePlace,
} from '../domain/documents.ts';
import {
  deriveFeedDocument,
  disagreementsByReport,
  type FeedDocument,
  type FeedPlace,
  feedPlaceOf,
} from '../domain/feed.ts';
import type { PlaceSummary, Report, ReportSummary, Retraction } from '../domain/model.ts';
import type { SharedWork } from './messages.ts';
import { allPlacesEntries, writeScope } from './stored-answers.ts';
import { PacedWriter } from './stored-object.ts';

const schema = [
  'CREATE TABLE IF NOT EXISTS places (slug TEXT PRIMARY KEY, json TEXT NOT NULL)',
  // The newest reports of all places, with their state as their place's writer derived it.
  'CREATE TABLE IF NOT EXISTS summaries (id TEXT PRIMARY KEY, json TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, json TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS retractions (id TEXT PRIMARY KEY, json TEXT NOT NULL)',
];

interface Shared {
  places: PlacesDocument;
  recent: RecentDocument;
  feed: FeedDocument;
}

const allScope = { kind: 'all' } as const;

export class AllPlacesWriter extends PacedWriter {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, 'all-places writer', schema);
  }

  // -- calls --------------------------------------------------------------------------------

  /** A place's summary and its new or changed reports, from the place's writer. */
  async accept(work: SharedWork): Promise<void> {
    await this.ready();
    this.upsertPlace(work.place);
    for (const summary of work.summaries) this.upsert('summaries', summary.id, summary);
    for (const report of work.reports) this.insert('reports', report.id, report);
    for (const retraction of work.retractions) this.insert('retractions', retraction.report, retraction);
    await this.changed();
  }

  /**
   * From the scheduled repair: the newest entries of the KV index of all places and every
   * place's summary as its document shows it. What the writer lacks is added; what it holds
   * stays, since the places' writers keep it current and KV may show it late.
   */
  async reconcile(entries: readonly ReportSummary[], places: readonly PlaceSummary[]): Promise<void> {
    await this.ready();
    for (const entry of entries) this.insert('summaries', entry.id, entry);
    for (const place of places) this.insert('places', place.slug, place);
    this.pace.forgetWritten();
    await this.changed();
  }

  /** Reloads from KV: the newest reports from the index, the places from their documents. */
  async resync(): Promise<void> {
    await this.ctx.blockConcurrencyWhile(() => this.reload());
    await this.changed();
  }

  async placesDocument(): Promise<PlacesDocument> {
    return (await this.sharedForRead()).places;
  }

  async recentDocument(): Promise<RecentDocument> {
    return (await this.sharedForRead()).recent;
  }

  async feedDocument(): Promise<FeedDocument> {
    return (await this.sharedForRead()).feed;
  }

  override async alarm(): Promise<void> {
    await this.work();
  }

  // -- storage --------------------------------------------------------------------------------

  private upsertPlace(place: PlaceSummary): void {
    this.upsert('places', place.slug, place);
  }

  private upsert(table: string, id: string, value: unknown): void {
    this.sql.exec(`INSERT OR REPLACE INTO ${table} VALUES (?, ?)`, id, JSON.stringify(value));
  }

  private insert(table: string, id: string, value: unknown): void {
    this.sql.exec(`INSERT OR IGNORE INTO ${table} VALUES (?, ?)`, id, JSON.stringify(value));
  }

  private rows<T>(query: string, ...bindings: SqlStorageValue[]): T[] {
    return this.sql
      .exec(query, ...bindings)
      .toArray()
      .map((row) => JSON.parse(String(row.json)) as T);
  }

  private get dirty(): boolean {
    return this.state.get<boolean>('dirty') === true;
  }

  private get changeSeq(): number {
    return this.state.get<number>('changeSeq') ?? 0;
  }

  private async changed(): Promise<void> {
    this.state.put('changeSeq', this.changeSeq + 1);
    this.state.put('dirty', true);
    await this.pace.soonForWriters(() => this.work());
  }

  // -- writing --------------------------------------------------------------------------------

  private async work(): Promise<void> {
    const done = await this.pace.run(async () => {
      // The front page, stored, whose figure went stale is rendered again.
      if (this.pace.expired()) this.state.put('dirty', true);
      if (this.dirty && this.pace.mayFlush()) await this.flush();
    });
    if (done && this.dirty) await this.pace.later();
  }

  private async flush(): Promise<void> {
    const seq = this.changeSeq;
    const shared = await this.derive();
    const written = await writeScope(
      this.store,
      this.pace,
      allScope,
      await allPlacesEntries(shared, this.env),
      this.env,
    );
    this.prune(shared.recent.head);
    if (written) this.pace.flushed();
    if (this.changeSeq === seq) this.state.put('dirty', false);
  }

  /** Keeps only what the newest reports need. */
  private prune(head: readonly ReportSummary[]): void {
    const oldest = head.at(-1)?.id;
    if (!oldest || head.length < headSize) return;
    for (const table of ['summaries', 'reports', 'retractions']) {
      this.sql.exec(`DELETE FROM ${table} WHERE id < ?`, oldest);
    }
  }

  private async derive(): Promise<Shared> {
    const places = inPlaceOrder(this.rows<PlaceSummary>('SELECT json FROM places'));
    const head = this.rows<ReportSummary>('SELECT json FROM summaries ORDER BY id DESC LIMIT ?', headSize);
    const reportCount = places.reduce((sum, p) => sum + p.reportCount, 0);
    const reports = await this.fullReports(head.map((s) => s.id));
    const retracted = head.filter((s) => s.state === 'retracted').map((s) => s.id);
    const placeOf = new Map<string, FeedPlace>(places.map((p) => [p.slug, feedPlaceOf(p)]));
    const feed = deriveFeedDocument({
      window: head,
      reportCount,
      reports: head.flatMap((s) => reports.get(s.id) ?? []),
      fates: new Map(head.map((s) => [s.id, { state: s.state, supersededBy: s.supersededBy }])),
      retractions: new Map(
        this.rows<Retraction>(
          `SELECT json FROM retractions WHERE id IN (${retracted.map(() => '?').join(',')})`,
          ...retracted,
        ).map((r) => [r.report, r]),
      ),
      placeOf: (slug) => placeOf.get(slug),
      disagreements: disagreementsByReport(places),
    });
    return { places: { places }, recent: { head, reportCount }, feed };
  }

  private async fullReports(ids: readonly string[]): Promise<Map<string, Report>> {
    const found = new Map<string, Report>();
    for (const id of ids) {
      const [report] = this.rows<Report>('SELECT json FROM reports WHERE id = ?', id);
      if (report) found.set(id, report);
    }
    const missing = ids.filter((id) => !found.has(id));
    for (const report of await Promise.all(missing.map((id) => this.store.getReport(id)))) {
      if (!report) continue;
      this.insert('reports', report.id, report);
      found.set(report.id, report);
    }
    return found;
  }

  private async sharedForRead(): Promise<Shared> {
    await this.ready();
    const shared = await this.derive();
    // A read found a document missing in KV: the next flush writes all of them again.
    this.pace.forgetWritten();
    await this.changed();
    return shared;
  }

  // -- reloading --------------------------------------------------------------------------------

  private async ready(): Promise<void> {
    if (this.state.get<boolean>('initialized') === true) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.state.get<boolean>('initialized') !== true) await this.reload();
    });
  }

  private async reload(): Promise<void> {
    const { store } = this;
    const [listing, slugs] = await Promise.all([store.listHistory(), store.placeSlugs()]);
    const docs = await Promise.all(slugs.map((slug) => store.getPlaceDocument(slug)));
    for (const doc of docs) if (doc) this.upsertPlace(summarizePlace(doc));
    const newest = listing.entries.slice(0, headSize).flatMap((e) => (e.summary ? [e.summary] : []));
    for (const summary of newest) this.upsert('summaries', summary.id, summary);
    const retractions = await Promise.all(
      newest.filter((s) => s.state === 'retracted').map((s) => store.getRetraction(s.id)),
    );
    for (const retraction of retractions) {
      if (retraction) this.insert('retractions', retraction.report, retraction);
    }
    this.pace.forgetWritten();
    this.state.put('initialized', true);
  }
}
