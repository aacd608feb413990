// The change log: every new report, correction and retraction, each at a position of its own,
// published as numbered pages in KV that clients poll with a cursor (GET /api/v1/changes). A
// SQLite-backed Durable Object, one for the service, because positions must come from one
// strongly consistent counter: KV lists keys written apart in no order a reader could trust
// not to skip one. The writers of the places tell it what they took, from a queue in their
// own storage that they empty only once it answered, so it may be told a fact twice and
// keeps each once (a report by its id, a retraction by the report's).
//
// A page is written whole, so a reader that sees an older version of the newest page only
// sees fewer changes, and asks again from the same position: it never skips one. Pages are
// written from the alarm, at most once per DOCUMENT_WRITE_INTERVAL_MS, newest page first, so
// the empty page that follows a full one is written before the full one shows it is full (a
// reader that still finds a page missing, as KV may show it late elsewhere, asks the log).
//
// Reports stored before the log existed are taken from the facts in KV on its first call (the
// history index of all places, the retractions, and each correction's reason), in the order
// the service took them; the scheduled repair tells it the newest entries of the index every
// minute, for whatever it was never told. A log whose storage was lost reloads its pages from
// KV, so that every position handed out keeps naming the same change.
//
// Each change carries the figures it changed (src/domain/changes.ts), made of what its
// reports state: the writers tell it with each report, and the log keeps it by report id.
// A log that took changes before they carried figures adds them once, on its first call,
// reading from KV what its reports state, and writes its pages again.

import {
  type Change,
  type ChangeNotice,
  type ChangePageDocument,
  changePageSize,
  fateIn,
  inTakenOrder,
  type LoggedFacts,
  type LoggedReport,
  type PublishedReport,
  type ReportFact,
  reportChange,
  retractionChange,
  retractionNotices,
  type Stated,
  statingReports,
  withFigures,
} from '../domain/changes.ts';
import type { ReportSummary } from '../domain/model.ts';
import { summarizeFigure } from '../domain/status.ts';
import { changePageKey } from '../store/keys.ts';
import { type ChangeMessage, type PushMessage, sendAll } from './push-messages.ts';
import { PacedWriter } from './stored-object.ts';

const schema = [
  // Every report the log holds, with what it corrects: what the fates are derived from.
  'CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, place TEXT NOT NULL, corrects TEXT)',
  'CREATE INDEX IF NOT EXISTS reports_corrects ON reports (corrects)',
  'CREATE TABLE IF NOT EXISTS retractions (id TEXT PRIMARY KEY)',
  // What each report states (observed period, figure summaries), which a report never
  // changes. Added after the log first ran: a report held before may lack it, and what the
  // log needs of it is read from KV then.
  'CREATE TABLE IF NOT EXISTS stated (id TEXT PRIMARY KEY, json TEXT NOT NULL)',
  // The log itself: each change at its position, from 0.
  'CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY, json TEXT NOT NULL)',
  // Who published each change, for a writer's own reports at the desk.
  "CREATE INDEX IF NOT EXISTS changes_by ON changes (json_extract(json, '$.publishedBy'), seq)",
  // Changes not yet handed to the push queue, with what their teller knew of their report
  // (its indicators, and what it changed in its place's status).
  'CREATE TABLE IF NOT EXISTS to_push (seq INTEGER PRIMARY KEY, json TEXT NOT NULL)',
  // Changes handed to the push queue, kept until the subscription registry has fanned each
  // out and settled all of its deliveries (src/push/settling.ts): a queue's message may be
  // lost, this row is not.
  'CREATE TABLE IF NOT EXISTS handed (seq INTEGER PRIMARY KEY, json TEXT NOT NULL, at INTEGER NOT NULL)',
];

/** What the scheduled repair saw when it last ran in full. */
export interface RepairSeen {
  position: number;
  stale: string | null;
  /** The derived keys the repair expected: a deploy that adds one has it run in full. */
  expected: string;
  at: number;
}

/**
 * How often the repair looks at KV though nothing told of a change: for what no writer and
 * no mark knows (a request whose hand-over and stale mark both failed, a key lost from KV).
 */
const fullRepairEveryMs = 24 * 60 * 60 * 1000;

/** How many changes one push hands to the queue at most. */
const pushedAtOnce = 500;

type Row = Record<string, SqlStorageValue>;

/** What a notice is about: a report, or the retraction of one. */
const noticeKey = (n: ChangeNotice) =>
  n.kind === 'report' ? n.report.id : `retraction ${n.retraction.report}`;

const loggedReport = (row: Row): LoggedReport => ({
  id: String(row.id),
  place: String(row.place),
  ...(row.corrects ? { corrects: String(row.corrects) } : {}),
});

/** A report notice from an index entry; a correction's reason is read from its fact. */
function noticeOfSummary(summary: ReportSummary): ChangeNotice {
  const { id, place, published, corrects, observed, figures } = summary;
  return {
    kind: 'report',
    report: {
      id,
      place,
      published,
      ...(corrects ? { corrects: { report: corrects } } : {}),
      stated: { observed, figures },
    },
  };
}

export class ChangeLog extends PacedWriter {
  private readonly facts: LoggedFacts;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, 'change log', schema);
    const { sql } = this;
    this.facts = {
      report: (id) => sql.exec('SELECT * FROM reports WHERE id = ?', id).toArray().map(loggedReport)[0],
      correctionsOf: (id) =>
        sql.exec('SELECT * FROM reports WHERE corrects = ?', id).toArray().map(loggedReport),
      isRetracted: (id) => sql.exec('SELECT 1 FROM retractions WHERE id = ?', id).toArray().length > 0,
      stated: (id) =>
        sql
          .exec('SELECT json FROM stated WHERE id = ?', id)
          .toArray()
          .map((row) => JSON.parse(String(row.json)) as Stated)[0],
    };
  }

  // -- calls --------------------------------------------------------------------------------

  /** What a place's writer took, in the order it took it; what the log holds already is skipped. */
  async record(notices: readonly ChangeNotice[]): Promise<void> {
    await this.ready(notices);
    if ((await this.take(notices, { push: true })) > 0) {
      await this.pushSoon();
      await this.changed();
    }
  }

  /**
   * From the scheduled repair: the newest entries of the KV index of all places. A report the
   * log was never told of (its writer lost what it had queued) is added, and so is a
   * retraction the index shows and the log lacks. Answers how many changes were added.
   */
  async reconcile(entries: readonly ReportSummary[]): Promise<number> {
    await this.ready();
    const unknown = entries.filter((e) => !this.facts.report(e.id));
    const unretracted = entries.filter((e) => e.state === 'retracted' && !this.facts.isRetracted(e.id));
    const retractions = await Promise.all(unretracted.map((e) => this.store.getRetraction(e.id)));
    const notices = [
      ...unknown.map(noticeOfSummary),
      ...retractionNotices(
        retractions.flatMap((r, i) => {
          const place = unretracted[i]?.place;
          return r && place ? [{ ...r, place }] : [];
        }),
      ),
    ];
    const added = await this.take(inTakenOrder(notices), { push: true });
    if (added > 0) {
      await this.pushSoon();
      await this.changed();
    }
    return added;
  }

  /**
   * The page holding position `from`, for a read that found it missing in KV (not written
   * yet, or not yet visible there); undefined when the log has not reached `from`.
   */
  async pageFrom(from: number): Promise<ChangePageDocument | undefined> {
    await this.ready();
    if (from > this.logged) return undefined;
    const page = Math.floor(from / changePageSize);
    // The next flush writes the pages from this one on again, whatever was written before.
    this.state.put('written', Math.min(this.written, page * changePageSize));
    this.pace.forgetWritten();
    await this.changed();
    return this.pageDocument(page);
  }

  /** The newest changes, newest first, as the log holds them: who published each included. */
  async newest(limit: number): Promise<Change[]> {
    await this.ready();
    return this.sql
      .exec('SELECT json FROM changes ORDER BY seq DESC LIMIT ?', limit)
      .toArray()
      .map((row) => JSON.parse(String(row.json)) as Change);
  }

  /**
   * The newest reports and corrections `name` published, newest first, each with the state
   * it is in now: what the desk lists as the writer's own.
   */
  async publishedBy(name: string, limit: number): Promise<PublishedReport[]> {
    await this.ready();
    return this.sql
      .exec(
        "SELECT json FROM changes WHERE json_extract(json, '$.publishedBy') = ? AND json_extract(json, '$.kind') != 'retraction' ORDER BY seq DESC LIMIT ?",
        name,
        limit,
      )
      .toArray()
      .flatMap((row) => {
        const change = JSON.parse(String(row.json)) as Change;
        if (change.kind === 'retraction') return [];
        const { report: id, place, observed, at: published } = change;
        return [{ id, place, observed, published, state: fateIn(this.facts, id).state }];
      });
  }

  /**
   * Whether the scheduled repair must look at KV: something was logged since its last full
   * run, a request marked a place stale since (`stale`, the value of the stale flag), the
   * repair now expects other derived keys (a deploy added one), or its last full run is a day
   * old. `seen` is what the repair hands back once its run is done.
   */
  async repairDue(
    { stale, expected }: Pick<RepairSeen, 'stale' | 'expected'>,
    now: number,
  ): Promise<{ due: boolean; seen: RepairSeen }> {
    await this.ready();
    const seen: RepairSeen = { position: this.logged, stale, expected, at: now };
    const last = this.state.get<RepairSeen>('repair seen');
    const due =
      last === undefined ||
      last.position !== seen.position ||
      last.stale !== seen.stale ||
      last.expected !== seen.expected ||
      now - last.at >= fullRepairEveryMs;
    return { due, seen };
  }

  /** The repair ran in full on what it was told it had seen. */
  async repaired(seen: RepairSeen): Promise<void> {
    this.state.put('repair seen', seen);
  }

  /** Changes handed to the push queue and not yet forgotten, after position `after`, oldest first. */
  async handed(after: number, limit: number): Promise<{ position: number; at: number }[]> {
    await this.ready();
    return this.sql
      .exec('SELECT seq, at FROM handed WHERE seq > ? ORDER BY seq LIMIT ?', after, limit)
      .toArray()
      .map((row) => ({ position: Number(row.seq), at: Number(row.at) }));
  }

  /**
   * What became of handed changes (src/push/settling.ts): `settled`, whose deliveries are all
   * settled, are forgotten; `lost`, whose message never reached the registry, are handed again.
   */
  async settleHanded(settled: readonly number[], lost: readonly number[]): Promise<void> {
    await this.ready();
    this.ctx.storage.transactionSync(() => {
      for (const seq of settled) this.sql.exec('DELETE FROM handed WHERE seq = ?', seq);
      for (const seq of lost) {
        this.sql.exec('INSERT OR REPLACE INTO to_push SELECT seq, json FROM handed WHERE seq = ?', seq);
        this.sql.exec('DELETE FROM handed WHERE seq = ?', seq);
      }
    });
    if (lost.length > 0) await this.pushSoon();
  }

  override async alarm(): Promise<void> {
    await this.work();
  }

  // -- taking changes -------------------------------------------------------------------------

  /** How many changes the log holds: the position of the next one. */
  private get logged(): number {
    return Number(this.sql.exec('SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM changes').one().n);
  }

  /** The position up to which every page is written to KV. */
  private get written(): number {
    return this.state.get<number>('written') ?? 0;
  }

  /** Takes notices in order, all or none; answers how many changes were added. */
  private async take(notices: readonly ChangeNotice[], options: { push: boolean }): Promise<number> {
    const reasons = await this.reasonsOfCorrections(notices);
    await this.holdStated(this.statingReportsOf(notices));
    return this.ctx.storage.transactionSync(() => {
      const first = this.logged;
      let next = first;
      for (const notice of notices) {
        const taken =
          notice.kind === 'report' ? this.takeReport(notice.report, reasons) : this.takeRetraction(notice);
        if (!taken) continue;
        this.sql.exec('INSERT INTO changes (seq, json) VALUES (?, ?)', next, JSON.stringify(taken));
        if (options.push && !notice.history) {
          const figures = notice.kind === 'report' ? notice.report.figures : undefined;
          const known = {
            ...(notice.indicators ? { indicators: notice.indicators } : {}),
            ...(figures ? { figures } : {}),
          };
          this.sql.exec('INSERT INTO to_push VALUES (?, ?)', next, JSON.stringify(known));
        }
        next++;
      }
      return next - first;
    });
  }

  private takeReport(fact: ReportFact, reasons: ReadonlyMap<string, string>): Change | undefined {
    const corrects = fact.corrects?.report;
    const inserted = this.sql.exec(
      'INSERT OR IGNORE INTO reports (id, place, corrects) VALUES (?, ?, ?)',
      fact.id,
      fact.place,
      corrects ?? null,
    );
    if (inserted.rowsWritten === 0) return undefined;
    if (fact.stated) this.keepStated(fact.id, fact.stated);
    const { id, place, published, publishedBy } = fact;
    const told = { id, place, published, ...(publishedBy ? { publishedBy } : {}) };
    if (!corrects) return reportChange(this.facts, told);
    const reason = fact.corrects?.reason ?? reasons.get(fact.id);
    if (reason === undefined) throw new Error(`the reason of correction ${fact.id} is unknown`);
    return reportChange(this.facts, { ...told, corrects: { report: corrects, reason } });
  }

  private takeRetraction(notice: Extract<ChangeNotice, { kind: 'retraction' }>): Change | undefined {
    const { retraction } = notice;
    let inserted = 0;
    for (const id of [retraction.report, ...(retraction.versions ?? [])]) {
      inserted += this.sql.exec('INSERT OR IGNORE INTO retractions (id) VALUES (?)', id).rowsWritten;
    }
    return inserted === 0 ? undefined : retractionChange(this.facts, retraction);
  }

  /**
   * The reasons of corrections new to the log that the teller did not know, from their facts
   * in KV: read before anything is taken, so that a fact KV does not show yet (it may show it
   * up to a minute late elsewhere) fails the call, and the teller tells it again later.
   */
  private async reasonsOfCorrections(notices: readonly ChangeNotice[]): Promise<Map<string, string>> {
    const unknown = notices.flatMap((n) =>
      n.kind === 'report' &&
      n.report.corrects &&
      n.report.corrects.reason === undefined &&
      !this.facts.report(n.report.id)
        ? [n.report.id]
        : [],
    );
    const reports = await Promise.all(unknown.map((id) => this.store.getReport(id)));
    const reasons = new Map<string, string>();
    for (const [i, report] of reports.entries()) {
      if (!report?.corrects)
        throw new Error(`correction ${unknown[i]} is not in KV yet; tell the change log again`);
      reasons.set(report.id, report.corrects.reason);
    }
    return reasons;
  }

  /**
   * The reports whose statements the changes of `notices` are made of, as far as the log can
   * tell before taking them, less those whose notice tells what they state.
   */
  private statingReportsOf(notices: readonly ChangeNotice[]): Set<string> {
    const corrects = new Map<string, string | undefined>();
    const told = new Set<string>();
    const ids = new Set<string>();
    for (const notice of notices) {
      if (notice.kind === 'report') {
        const { id, stated, corrects: corrected } = notice.report;
        if (this.facts.report(id)) continue;
        corrects.set(id, corrected?.report);
        if (stated) told.add(id);
        for (const stating of statingReports({ report: id, corrects: corrected?.report })) ids.add(stating);
      } else {
        const id = notice.retraction.report;
        if (this.facts.isRetracted(id)) continue;
        const corrected = corrects.has(id) ? corrects.get(id) : this.facts.report(id)?.corrects;
        for (const stating of statingReports({ report: id, restored: corrected })) ids.add(stating);
        // A chain withdrawn in one step withdraws the figures of whichever version was in force.
        for (const version of notice.retraction.versions ?? []) ids.add(version);
      }
    }
    return new Set([...ids].filter((id) => !told.has(id)));
  }

  /**
   * Makes the log hold what these reports state, reading from KV those it lacks (told before
   * tellers told it, or held before the log kept it). A report KV does not show yet fails
   * the call, and the teller tells it again later.
   */
  private async holdStated(ids: Iterable<string>): Promise<void> {
    const missing = [...ids].filter((id) => !this.facts.stated(id));
    const reports = await Promise.all(missing.map((id) => this.store.getReport(id)));
    for (const [i, report] of reports.entries()) {
      if (!report) throw new Error(`report ${missing[i]} is not in KV yet; tell the change log again`);
      this.keepStated(report.id, { observed: report.observed, figures: report.figures.map(summarizeFigure) });
    }
  }

  private keepStated(id: string, stated: Stated): void {
    this.sql.exec('INSERT OR IGNORE INTO stated (id, json) VALUES (?, ?)', id, JSON.stringify(stated));
  }

  private async changed(): Promise<void> {
    this.state.put('dirty', true);
    // The places' writers call, and rarely a read that found a page missing in KV.
    await this.pace.soonForWriters(() => this.work());
  }

  // -- writing the pages ------------------------------------------------------------------------

  private pageDocument(page: number): ChangePageDocument {
    const changes = this.sql
      .exec(
        'SELECT json FROM changes WHERE seq >= ? AND seq < ? ORDER BY seq',
        page * changePageSize,
        (page + 1) * changePageSize,
      )
      .toArray()
      .map((row) => JSON.parse(String(row.json)) as Change);
    return { page, changes };
  }

  // -- pushing the changes ------------------------------------------------------------------

  #pushing: Promise<void> | undefined;

  /** Hands what is unpushed to the queue now; if the queue fails, the alarm tries again. */
  private async pushSoon(): Promise<void> {
    try {
      await this.push();
    } catch (error) {
      console.log(
        JSON.stringify({ level: 'error', message: 'push queue failed; will retry', error: String(error) }),
      );
      await this.pace.retryLater();
    }
  }

  /** One push at a time: a second waits for the first, then pushes what is left. */
  private async push(): Promise<void> {
    while (this.#pushing) await this.#pushing;
    this.#pushing = this.pushUnpushed();
    try {
      await this.#pushing;
    } finally {
      this.#pushing = undefined;
    }
  }

  private async pushUnpushed(): Promise<void> {
    for (;;) {
      const rows = this.sql
        .exec(
          'SELECT p.seq, p.json AS known, c.json FROM to_push p JOIN changes c ON c.seq = p.seq ORDER BY p.seq LIMIT ?',
          pushedAtOnce,
        )
        .toArray();
      if (rows.length === 0) return;
      const messages = rows.map(
        (row): PushMessage => ({
          type: 'change',
          position: Number(row.seq),
          change: JSON.parse(String(row.json)) as Change,
          ...(JSON.parse(String(row.known)) as Pick<ChangeMessage, 'indicators' | 'figures'>),
        }),
      );
      await sendAll(this.env.PUSH_QUEUE, messages);
      const last = Number(rows.at(-1)?.seq);
      this.ctx.storage.transactionSync(() => {
        this.sql.exec(
          'INSERT OR REPLACE INTO handed SELECT seq, json, ? FROM to_push WHERE seq <= ?',
          Date.now(),
          last,
        );
        this.sql.exec('DELETE FROM to_push WHERE seq <= ?', last);
      });
    }
  }

  private async work(): Promise<void> {
    const done = await this.pace.run(async () => {
      await this.push();
      if (this.state.get<boolean>('dirty') === true && this.pace.mayFlush()) await this.flush();
    });
    if (done && this.state.get<boolean>('dirty') === true) await this.pace.later();
  }

  /**
   * Writes every page with changes not yet written, newest first: the page after a full one
   * (empty, at first) is written before the full one, so a reader who saw a page full finds
   * the next.
   */
  private async flush(): Promise<void> {
    const logged = this.logged;
    const first = Math.floor(this.written / changePageSize);
    let written = false;
    for (let page = Math.floor(logged / changePageSize); page >= first; page--) {
      const wrote = await this.pace.write(changePageKey(page), this.pageDocument(page), (doc) =>
        this.store.putChangePage(doc),
      );
      written ||= wrote;
    }
    this.state.put('written', logged);
    if (written) this.pace.flushed();
    if (this.logged === logged) this.state.put('dirty', false);
  }

  // -- the first call: the pages already in KV, or else the facts ---------------------------------

  /** `telling`: what the first call tells, which is news, not history: it is pushed. */
  private async ready(telling: readonly ChangeNotice[] = []): Promise<void> {
    if (this.state.get<boolean>('initialized') === true && this.state.get<boolean>('figured') === true)
      return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.state.get<boolean>('initialized') !== true) await this.reload(telling);
      if (this.state.get<boolean>('figured') !== true) await this.addFigures();
    });
    // Written once the object takes calls again: the first page exists even while it is empty.
    await this.changed();
  }

  private async reload(telling: readonly ChangeNotice[]): Promise<void> {
    const restored = await this.restorePages();
    const news = telling.filter((n) => !n.history);
    if (restored === 0) await this.backfill(new Set(news.map(noticeKey)));
    this.state.put('initialized', true);
  }

  /**
   * Gives the changes taken before changes carried figures their figures, one KV read per
   * report the log does not hold the statement of, and has their pages written again.
   */
  private async addFigures(): Promise<void> {
    const rows = this.sql
      .exec("SELECT seq, json FROM changes WHERE json_extract(json, '$.figures') IS NULL ORDER BY seq")
      .toArray();
    const changes = rows.map((row) => ({
      seq: Number(row.seq),
      change: JSON.parse(String(row.json)) as Change,
    }));
    await this.holdStated(new Set(changes.flatMap(({ change }) => statingReports(change))));
    this.ctx.storage.transactionSync(() => {
      for (const { seq, change } of changes) {
        this.sql.exec(
          'UPDATE changes SET json = ? WHERE seq = ?',
          JSON.stringify(withFigures(this.facts, change)),
          seq,
        );
      }
      const first = changes[0];
      if (first) this.state.put('written', Math.min(this.written, first.seq));
      this.state.put('figured', true);
    });
  }

  /** Takes back the pages KV holds, one read per page; answers how many changes they held. */
  private async restorePages(): Promise<number> {
    let count = 0;
    for (let page = 0; ; page++) {
      const doc = await this.store.getChangePage(page);
      for (const change of doc?.changes ?? []) {
        if (change.kind === 'retraction') {
          // A chain withdrawn in one step is one change, whose effects name every version.
          for (const { report, state } of change.effects) {
            if (report === change.report || state === 'retracted')
              this.sql.exec('INSERT OR IGNORE INTO retractions (id) VALUES (?)', report);
          }
        } else {
          const corrects = change.kind === 'correction' ? change.corrects : null;
          this.sql.exec(
            'INSERT OR IGNORE INTO reports VALUES (?, ?, ?)',
            change.report,
            change.place,
            corrects,
          );
        }
        this.sql.exec('INSERT INTO changes (seq, json) VALUES (?, ?)', count++, JSON.stringify(change));
      }
      if (!doc || doc.changes.length < changePageSize) break;
    }
    this.state.put('written', count);
    return count;
  }

  /**
   * Reports stored before the log existed, from the facts: one list call per 1,000 reports
   * and per 1,000 retractions, one read per retraction and per correction (for its reason).
   * What the first call tells (`news`) is left to that call, which takes it after them and
   * pushes it.
   */
  private async backfill(news: ReadonlySet<string>): Promise<void> {
    const { store } = this;
    const [entries, retractedIds] = await Promise.all([store.wholeHistory(), store.retractedIds()]);
    const summaries = entries.flatMap((e) => (e.summary ? [e.summary] : []));
    const placeOf = new Map(summaries.map((s) => [s.id, s.place]));
    const retractions = await Promise.all(
      [...retractedIds].filter((id) => placeOf.has(id)).map((id) => store.getRetraction(id)),
    );
    const facts: ChangeNotice[] = [
      ...summaries.map(noticeOfSummary),
      ...retractionNotices(
        retractions.flatMap((r) => {
          const place = r && placeOf.get(r.report);
          return r && place ? [{ ...r, place }] : [];
        }),
      ),
    ];
    const notices = facts.filter((n) => !news.has(noticeKey(n)));
    await this.take(inTakenOrder(notices), { push: false });
  }
}
