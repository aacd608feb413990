// What a place's writer knows, in its Durable Object's SQLite storage: the summary of every
// report of the place, the full reports its documents show, retractions, corrections filed
// under other places that continue its chains, moderations in progress, and deliveries to
// other writers. Documents are derived from this local, strongly consistent copy, not from
// KV listings, which other locations may see up to a minute late; the copy itself is
// derived from the facts in KV and can be reloaded from them at any time.

import type { ChangeNotice } from '../domain/changes.ts';
import { type PlaceDocument, placeDocument } from '../domain/documents.ts';
import type { FeedPlace } from '../domain/feed.ts';
import type { FigureChange } from '../domain/figure-changes.ts';
import { type Place, place, type Report, type ReportSummary, type Retraction } from '../domain/model.ts';
import { hasFate, type ReportFate, summarizeReport, withFate } from '../domain/status.ts';
import type { Moderation, PlaceWork } from './messages.ts';

const schema = [
  // Every report of the place; `state` as the writer last derived it.
  `CREATE TABLE IF NOT EXISTS summaries (
     id TEXT PRIMARY KEY, corrects TEXT, published TEXT NOT NULL, state TEXT NOT NULL, json TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS summaries_corrects ON summaries (corrects)',
  // Full reports: those of the feed window and of the current status, pruned beyond them.
  'CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, json TEXT NOT NULL)',
  // Corrections filed under another place that continue a chain of this place's reports.
  `CREATE TABLE IF NOT EXISTS chained (
     id TEXT PRIMARY KEY, corrects TEXT NOT NULL, state TEXT NOT NULL, report TEXT NOT NULL, place TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS chained_corrects ON chained (corrects)',
  // Retractions of this place's reports and of chained corrections; `claimant` decided it.
  `CREATE TABLE IF NOT EXISTS retractions (
     id TEXT PRIMARY KEY, retracted TEXT NOT NULL, claimant TEXT, json TEXT NOT NULL)`,
  // For reports that continue a chain begun in other places: those places, oldest first.
  'CREATE TABLE IF NOT EXISTS chains (id TEXT PRIMARY KEY, places TEXT NOT NULL)',
  // Moderations decided but whose facts may not all be written yet: one per report at most.
  'CREATE TABLE IF NOT EXISTS intents (report TEXT PRIMARY KEY, claimant TEXT NOT NULL, json TEXT NOT NULL)',
  // New reports not yet folded into the stored document.
  'CREATE TABLE IF NOT EXISTS unapplied (id TEXT PRIMARY KEY)',
  // Reports whose summary the writer of all places has not been given since it changed.
  'CREATE TABLE IF NOT EXISTS unshared (id TEXT PRIMARY KEY)',
  // Work for the writers of other places, delivered in order.
  'CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, place TEXT NOT NULL, json TEXT NOT NULL)',
  // Reports and retractions of the place the change log has not yet taken, in the order taken here.
  'CREATE TABLE IF NOT EXISTS unlogged (seq INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL)',
  // What each report not yet logged changed in the status, as the flush that folded it in saw.
  'CREATE TABLE IF NOT EXISTS figure_changes (report TEXT PRIMARY KEY, json TEXT NOT NULL)',
];

type Row = Record<string, SqlStorageValue>;

const text = (row: Row | undefined, column: string): string => String(row?.[column] ?? '');
const parsed = <T>(row: Row, column: string): T => JSON.parse(text(row, column)) as T;

export class PlaceTables {
  /** The summaries table, parsed: see allSummaries. */
  private held: Map<string, ReportSummary> | undefined;

  constructor(
    private readonly sql: SqlStorage,
    private readonly kv: SyncKvStorage,
  ) {
    for (const statement of schema) sql.exec(statement);
  }

  // -- the writer's own state ---------------------------------------------------------------

  get slug(): string | undefined {
    return this.kv.get<string>('slug');
  }

  get initialized(): boolean {
    return this.kv.get<boolean>('initialized') === true;
  }

  markInitialized(slug: string): void {
    this.kv.put('slug', slug);
    this.kv.put('initialized', true);
  }

  get place(): Place | undefined {
    const parsedPlace = place.safeParse(this.kv.get('place'));
    return parsedPlace.success ? parsedPlace.data : undefined;
  }

  setPlace(value: Place): void {
    this.kv.put('place', value);
    this.changed({ recompute: false });
  }

  /** The document as last derived; undefined when it must be derived from the whole history. */
  get document(): PlaceDocument | undefined {
    // Checked, since one derived by an earlier version may no longer have today's shape.
    const stored = placeDocument.safeParse(this.kv.get('document'));
    return stored.success ? stored.data : undefined;
  }

  setDocument(value: PlaceDocument): void {
    this.kv.put('document', value);
  }

  /** Counts changes, so a flush knows whether anything arrived while it was writing. */
  get changeSeq(): number {
    return this.kv.get<number>('changeSeq') ?? 0;
  }

  get dirty(): boolean {
    return this.kv.get<boolean>('dirty') === true;
  }

  /** Fates must be derived again (a retraction, a correction, or a reload) before the next write. */
  get recompute(): boolean {
    return this.kv.get<boolean>('recompute') === true;
  }

  changed({ recompute }: { recompute: boolean }): void {
    const seq = this.changeSeq + 1;
    this.kv.put('changeSeq', seq);
    this.kv.put('dirty', true);
    if (recompute) {
      this.kv.put('recompute', true);
      this.kv.put('recomputeSeq', seq);
    }
  }

  /**
   * After a flush that began at `seq`: clean, unless something changed since; and its fates
   * derived, unless a change since asks for them again (new reports alone do not).
   */
  flushed(seq: number): void {
    if ((this.kv.get<number>('recomputeSeq') ?? 0) <= seq) this.kv.put('recompute', false);
    if (this.changeSeq !== seq) return;
    this.kv.put('dirty', false);
  }

  // -- what arrives -----------------------------------------------------------------------

  /** Adds what the work carries; reports already known are left as they are. */
  add(work: PlaceWork): void {
    let recompute = false;
    for (const report of work.reports ?? []) this.addOwnReport(report, work.publishedBy);
    for (const [id, places] of Object.entries(work.chains ?? {})) this.setChain(id, places);
    for (const { report, place: where } of work.chained ?? []) {
      this.addChained(report, where);
      recompute = true;
    }
    for (const retraction of work.retractions ?? []) {
      this.addRetraction(retraction, null);
      recompute = true;
    }
    // A report that arrives after a correction of it must be derived with that correction.
    if ((work.reports ?? []).some((r) => r.corrects || this.hasCorrections(r.id))) recompute = true;
    this.changed({ recompute });
  }

  /** @param publishedBy who published it, when the request knew */
  addOwnReport(report: Report, publishedBy?: string): void {
    const summary = summarizeReport(report, { state: 'active' });
    if (this.addSummary(summary, { reason: report.corrects?.reason, publishedBy })) {
      this.sql.exec('INSERT OR IGNORE INTO unapplied (id) VALUES (?)', report.id);
    }
    this.putReport(report);
  }

  /**
   * Adds a summary the writer did not know; true when it was new. Every report the writer
   * learns of, however (handed over, found by the repair, reloaded), is queued for the change
   * log in the same step, so none is stored here and missed there.
   */
  addSummary(
    summary: ReportSummary,
    { reason, publishedBy }: { reason?: string | undefined; publishedBy?: string | undefined } = {},
  ): boolean {
    const cursor = this.sql.exec(
      'INSERT OR IGNORE INTO summaries (id, corrects, published, state, json) VALUES (?, ?, ?, ?, ?)',
      summary.id,
      summary.corrects ?? null,
      summary.published,
      summary.state,
      JSON.stringify(summary),
    );
    if (cursor.rowsWritten === 0) return false;
    this.held?.set(summary.id, summary);
    this.share(summary.id);
    const { id, place: where, published, corrects, observed, figures } = summary;
    const correction = corrects ? { corrects: { report: corrects, ...(reason ? { reason } : {}) } } : {};
    this.toLog({
      kind: 'report',
      report: {
        id,
        place: where,
        published,
        ...correction,
        stated: { observed, figures },
        ...(publishedBy ? { publishedBy } : {}),
      },
      indicators: summary.figures.map((f) => f.indicator),
    });
    return true;
  }

  hasSummary(id: string): boolean {
    return this.sql.exec('SELECT 1 FROM summaries WHERE id = ?', id).toArray().length > 0;
  }

  putReport(report: Report): void {
    this.sql.exec(
      'INSERT OR IGNORE INTO reports (id, json) VALUES (?, ?)',
      report.id,
      JSON.stringify(report),
    );
  }

  addChained(report: Report, where: FeedPlace): void {
    this.sql.exec(
      'INSERT OR IGNORE INTO chained (id, corrects, state, report, place) VALUES (?, ?, ?, ?, ?)',
      report.id,
      report.corrects?.report ?? '',
      'active',
      JSON.stringify(report),
      JSON.stringify(where),
    );
  }

  /** Adds a retraction; true when it was new. `publishedBy`: who withdrew it, when the request knew. */
  addRetraction(retraction: Retraction, claimant: string | null, publishedBy?: string): boolean {
    const cursor = this.sql.exec(
      'INSERT OR IGNORE INTO retractions (id, retracted, claimant, json) VALUES (?, ?, ?, ?)',
      retraction.report,
      retraction.retracted,
      claimant,
      JSON.stringify(retraction),
    );
    this.share(retraction.report);
    // The change log is told of a retraction by the writer of the retracted report's place;
    // a chained correction's is told by the writer of its own; a chain withdrawn in one step
    // is told whole, once (logWithdrawal).
    const own = this.summary(retraction.report);
    const added = cursor.rowsWritten > 0;
    if (added && own && retraction.withdrawnWithChainOf === undefined)
      this.toLog({
        kind: 'retraction',
        retraction: { ...retraction, place: own.place, ...(publishedBy ? { publishedBy } : {}) },
        indicators: own.figures.map((f) => f.indicator),
      });
    return added;
  }

  /**
   * Tells the change log of a chain withdrawn in one step, as one retraction: that of the
   * version the withdrawal was asked of, naming the other versions withdrawn with it.
   */
  logWithdrawal(records: readonly Retraction[], publishedBy?: string): void {
    const asked = records.find((r) => r.report === r.withdrawnWithChainOf) ?? records[0];
    const own = asked && this.summary(asked.report);
    if (!asked || !own) return;
    const { withdrawnWithChainOf: _, ...fact } = asked;
    const versions = records.flatMap((r) => (r.report === asked.report ? [] : [r.report]));
    const indicators = records.flatMap((r) => this.summary(r.report)?.figures.map((f) => f.indicator) ?? []);
    this.toLog({
      kind: 'retraction',
      retraction: {
        ...fact,
        place: own.place,
        ...(versions.length > 0 ? { versions } : {}),
        ...(publishedBy ? { publishedBy } : {}),
      },
      indicators: [...new Set(indicators)],
    });
  }

  setChain(id: string, places: readonly string[]): void {
    if (places.length === 0) return;
    this.sql.exec('INSERT OR REPLACE INTO chains (id, places) VALUES (?, ?)', id, JSON.stringify(places));
  }

  /** The places of the chain a report continues, other than its own. */
  chainOf(id: string): string[] {
    const row = this.sql.exec('SELECT places FROM chains WHERE id = ?', id).toArray()[0];
    return row ? parsed<string[]>(row, 'places') : [];
  }

  // -- fates --------------------------------------------------------------------------------

  /** The corrections of a report, and whether each is filed under another place. */
  correctionsOf(id: string): { id: string; elsewhere: boolean }[] {
    return this.sql
      .exec(
        'SELECT id, 0 AS elsewhere FROM summaries WHERE corrects = ? UNION SELECT id, 1 FROM chained WHERE corrects = ?',
        id,
        id,
      )
      .toArray()
      .map((row) => ({ id: text(row, 'id'), elsewhere: Number(row.elsewhere) === 1 }));
  }

  private hasCorrections(id: string): boolean {
    return (
      this.sql
        .exec(
          'SELECT 1 FROM summaries WHERE corrects = ? UNION SELECT 1 FROM chained WHERE corrects = ?',
          id,
          id,
        )
        .toArray().length > 0
    );
  }

  /** Every known report with what it corrects, for deriving fates. */
  fateInputs(): { id: string; corrects?: string }[] {
    const rows = this.sql
      .exec('SELECT id, corrects FROM summaries UNION ALL SELECT id, corrects FROM chained')
      .toArray();
    return rows.map((row) => {
      const corrects = row.corrects ? String(row.corrects) : undefined;
      return { id: text(row, 'id'), ...(corrects ? { corrects } : {}) };
    });
  }

  retractedIds(): Set<string> {
    return new Set(
      this.sql
        .exec('SELECT id FROM retractions')
        .toArray()
        .map((row) => text(row, 'id')),
    );
  }

  /** Stores derived fates; answers the summaries whose state changed. */
  applyFates(fates: ReadonlyMap<string, ReportFate>): ReportSummary[] {
    const changed: ReportSummary[] = [];
    for (const row of this.sql.exec('SELECT json FROM summaries').toArray()) {
      const summary = parsed<ReportSummary>(row, 'json');
      const fate = fates.get(summary.id) ?? { state: 'active' };
      if (hasFate(summary, fate)) continue;
      const updated = withFate(summary, fate);
      this.sql.exec(
        'UPDATE summaries SET state = ?, json = ? WHERE id = ?',
        updated.state,
        JSON.stringify(updated),
        updated.id,
      );
      this.held?.set(updated.id, updated);
      this.share(updated.id);
      changed.push(updated);
    }
    for (const row of this.sql.exec('SELECT id, state FROM chained').toArray()) {
      const state = fates.get(text(row, 'id'))?.state ?? 'active';
      if (state !== text(row, 'state'))
        this.sql.exec('UPDATE chained SET state = ? WHERE id = ?', state, row.id);
    }
    return changed;
  }

  /** What became of one report, from what the writer knows: its stored state. */
  summary(id: string): ReportSummary | undefined {
    const row = this.sql.exec('SELECT json FROM summaries WHERE id = ?', id).toArray()[0];
    return row ? parsed<ReportSummary>(row, 'json') : undefined;
  }

  /** The fate of one report, derived now from its retraction and the corrections known. */
  fateOf(id: string): ReportFate {
    const retracted = this.retractedIds();
    if (retracted.has(id)) return { state: 'retracted' };
    const corrections = this.sql
      .exec(
        'SELECT id FROM summaries WHERE corrects = ? UNION SELECT id FROM chained WHERE corrects = ? ORDER BY id DESC',
        id,
        id,
      )
      .toArray()
      .map((row) => text(row, 'id'))
      .filter((correction) => !retracted.has(correction));
    const by = corrections[0];
    return by ? { state: 'superseded', supersededBy: by } : { state: 'active' };
  }

  retractionClaimant(id: string): string | undefined {
    const row = this.sql.exec('SELECT claimant FROM retractions WHERE id = ?', id).toArray()[0];
    return row?.claimant ? String(row.claimant) : undefined;
  }

  // -- what documents are derived from ------------------------------------------------------

  count(): number {
    return Number(this.sql.exec('SELECT COUNT(*) AS n FROM summaries').one().n);
  }

  /** The newest summaries, newest first. */
  /** At most `limit` summaries older than report `before` (from the newest when undefined), newest first. */
  older(before: string | undefined, limit: number): ReportSummary[] {
    const rows =
      before === undefined
        ? this.sql.exec('SELECT json FROM summaries ORDER BY id DESC LIMIT ?', limit)
        : this.sql.exec('SELECT json FROM summaries WHERE id < ? ORDER BY id DESC LIMIT ?', before, limit);
    return rows.toArray().map((row) => parsed<ReportSummary>(row, 'json'));
  }

  newest(limit: number): ReportSummary[] {
    return this.sql
      .exec('SELECT json FROM summaries ORDER BY id DESC LIMIT ?', limit)
      .toArray()
      .map((row) => parsed<ReportSummary>(row, 'json'));
  }

  /**
   * Every summary, parsed once and then kept beside the table as it is written: the place's
   * document is derived from all of them at every write.
   */
  allSummaries(): ReportSummary[] {
    this.held ??= new Map(
      this.sql
        .exec('SELECT json FROM summaries')
        .toArray()
        .map((row) => {
          const summary = parsed<ReportSummary>(row, 'json');
          return [summary.id, summary] as const;
        }),
    );
    return [...this.held.values()];
  }

  /** The time of the latest retraction of one of the place's own reports. */
  latestOwnRetraction(): string | null {
    const row = this.sql
      .exec('SELECT MAX(r.retracted) AS at FROM retractions r JOIN summaries s ON s.id = r.id')
      .one();
    return row.at ? String(row.at) : null;
  }

  reports(ids: readonly string[]): Map<string, Report> {
    const found = new Map<string, Report>();
    for (const id of ids) {
      const row = this.sql.exec('SELECT json FROM reports WHERE id = ?', id).toArray()[0];
      if (row) found.set(id, parsed<Report>(row, 'json'));
    }
    return found;
  }

  /** Keeps the full reports of `keep` and drops the others: documents need no more. */
  pruneReports(keep: readonly string[]): void {
    const kept = new Set(keep);
    for (const row of this.sql.exec('SELECT id FROM reports').toArray()) {
      if (!kept.has(text(row, 'id'))) this.sql.exec('DELETE FROM reports WHERE id = ?', row.id);
    }
  }

  chainedCorrections(): { report: Report; place: FeedPlace; state: ReportFate['state'] }[] {
    return this.sql
      .exec('SELECT report, place, state FROM chained')
      .toArray()
      .map((row) => ({
        report: parsed<Report>(row, 'report'),
        place: parsed<FeedPlace>(row, 'place'),
        state: text(row, 'state') as ReportFate['state'],
      }));
  }

  hasChained(id: string): boolean {
    return this.sql.exec('SELECT 1 FROM chained WHERE id = ?', id).toArray().length > 0;
  }

  retractions(ids: readonly string[]): Map<string, Retraction> {
    const found = new Map<string, Retraction>();
    for (const id of ids) {
      const row = this.sql.exec('SELECT json FROM retractions WHERE id = ?', id).toArray()[0];
      if (row) found.set(id, parsed<Retraction>(row, 'json'));
    }
    return found;
  }

  unapplied(): string[] {
    return this.sql
      .exec('SELECT id FROM unapplied')
      .toArray()
      .map((row) => text(row, 'id'));
  }

  markApplied(ids: readonly string[]): void {
    for (const id of ids) this.sql.exec('DELETE FROM unapplied WHERE id = ?', id);
  }

  // -- moderation ---------------------------------------------------------------------------

  /** The moderation in progress of a report: its own, or the withdrawal of its chain. */
  intentFor(report: string): { claimant: string; moderation: Moderation } | undefined {
    const row = this.sql.exec('SELECT claimant, json FROM intents WHERE report = ?', report).toArray()[0];
    if (row) return { claimant: text(row, 'claimant'), moderation: parsed<Moderation>(row, 'json') };
    const chain = this.intents().find(
      (m) => m.kind === 'retraction' && m.withdrawn?.some((version) => version.id === report),
    );
    return chain ? { claimant: chain.claimant, moderation: chain } : undefined;
  }

  intents(): Moderation[] {
    return this.sql
      .exec('SELECT json FROM intents')
      .toArray()
      .map((row) => parsed<Moderation>(row, 'json'));
  }

  addIntent(moderation: Moderation): void {
    this.sql.exec(
      'INSERT INTO intents (report, claimant, json) VALUES (?, ?, ?)',
      moderation.original.id,
      moderation.claimant,
      JSON.stringify(moderation),
    );
  }

  removeIntent(report: string): void {
    this.sql.exec('DELETE FROM intents WHERE report = ?', report);
  }

  // -- deliveries -----------------------------------------------------------------------------

  share(id: string): void {
    this.sql.exec('INSERT OR IGNORE INTO unshared (id) VALUES (?)', id);
  }

  /** What the writer of all places was not told yet, of what the writer has taken in. */
  unshared(): string[] {
    return this.sql
      .exec('SELECT id FROM unshared WHERE id NOT IN (SELECT id FROM unapplied)')
      .toArray()
      .map((row) => text(row, 'id'));
  }

  markShared(ids: readonly string[]): void {
    for (const id of ids) this.sql.exec('DELETE FROM unshared WHERE id = ?', id);
  }

  send(toPlace: string, work: PlaceWork): void {
    this.sql.exec('INSERT INTO outbox (place, json) VALUES (?, ?)', toPlace, JSON.stringify(work));
  }

  outbox(): { seq: number; place: string; work: PlaceWork }[] {
    return this.sql
      .exec('SELECT seq, place, json FROM outbox ORDER BY seq')
      .toArray()
      .map((row) => ({
        seq: Number(row.seq),
        place: text(row, 'place'),
        work: parsed<PlaceWork>(row, 'json'),
      }));
  }

  delivered(seq: number): void {
    this.sql.exec('DELETE FROM outbox WHERE seq = ?', seq);
  }

  /** While set, what the writer takes comes from a reload of the facts: history, not news. */
  reloading = false;

  private toLog(notice: ChangeNotice): void {
    const told: ChangeNotice = this.reloading ? { ...notice, history: true } : notice;
    this.sql.exec('INSERT INTO unlogged (json) VALUES (?)', JSON.stringify(told));
  }

  /** What reports changed in the status, kept until the change log takes them. */
  setFigureChanges(changes: ReadonlyMap<string, readonly FigureChange[]>): void {
    for (const [report, figures] of changes) {
      this.sql.exec('INSERT OR REPLACE INTO figure_changes VALUES (?, ?)', report, JSON.stringify(figures));
    }
  }

  private figuresOf(notice: ChangeNotice): ChangeNotice {
    if (notice.kind !== 'report') return notice;
    const row = this.sql
      .exec('SELECT json FROM figure_changes WHERE report = ?', notice.report.id)
      .toArray()[0];
    return row
      ? { ...notice, report: { ...notice.report, figures: parsed<FigureChange[]>(row, 'json') } }
      : notice;
  }

  /**
   * The oldest notices the change log has not taken, in order, with what their reports
   * changed: up to the first about a report the writer has not taken in yet, which
   * waits with every notice after it until it is (ahead of a flush, or at one).
   */
  unlogged(limit: number): { seq: number; notice: ChangeNotice }[] {
    const waiting = new Set(this.unapplied());
    const rows = this.sql
      .exec('SELECT seq, json FROM unlogged ORDER BY seq LIMIT ?', limit)
      .toArray()
      .map((row) => ({ seq: Number(row.seq), notice: parsed<ChangeNotice>(row, 'json') }));
    const shown = rows.findIndex(({ notice }) => notice.kind === 'report' && waiting.has(notice.report.id));
    return (shown === -1 ? rows : rows.slice(0, shown)).map(({ seq, notice }) => ({
      seq,
      notice: this.figuresOf(notice),
    }));
  }

  /** The change log took every notice up to `seq`. */
  logged(seq: number): void {
    this.sql.exec(
      "DELETE FROM figure_changes WHERE report IN (SELECT json_extract(json, '$.report.id') FROM unlogged WHERE seq <= ?)",
      seq,
    );
    this.sql.exec('DELETE FROM unlogged WHERE seq <= ?', seq);
  }

  hasPendingWork(): boolean {
    return (
      this.dirty ||
      this.sql.exec('SELECT 1 FROM outbox LIMIT 1').toArray().length > 0 ||
      this.sql.exec('SELECT 1 FROM intents LIMIT 1').toArray().length > 0 ||
      this.sql.exec('SELECT 1 FROM unshared LIMIT 1').toArray().length > 0 ||
      this.sql.exec('SELECT 1 FROM unlogged LIMIT 1').toArray().length > 0
    );
  }
}
