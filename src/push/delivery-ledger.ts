// Every webhook delivery, kept in the subscription registry's storage from the moment its
// change is fanned out until it is settled: done (the receiver took it), dead (its attempts
// ran out) or dropped (its subscription was deleted or paused meanwhile). A queue message
// may be lost (a crash, a local queue that does not outlive its process), so the queue is
// never the only record of a delivery: one still pending when an attempt should long have
// been made is sent again, with the same webhook-id, for the receiver to keep once. The
// change log, in turn, keeps each change until the ledger has fanned it out and settled all
// of its deliveries (src/writers/change-log.ts).

export type SettledState = 'done' | 'dead' | 'dropped';

/** One webhook: a change (by its position) for one subscription, signed afresh at each attempt. */
export interface Delivery {
  /** The webhook-id. */
  id: string;
  subscription: string;
  position: number;
  body: string;
}

/** How far the deliveries of some changes got: fanned out, and of those, every one settled. */
export interface Progress {
  fanned: number[];
  settled: number[];
}

export const deliveryLedgerSchema = [
  // The positions of the changes fanned out, each once, whether or not any subscription matched.
  'CREATE TABLE IF NOT EXISTS fanned (position INTEGER PRIMARY KEY, at INTEGER NOT NULL)',
  `CREATE TABLE IF NOT EXISTS deliveries (
    id TEXT PRIMARY KEY,
    subscription TEXT NOT NULL,
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    expected_by INTEGER NOT NULL,
    settled_at INTEGER
  )`,
  'CREATE INDEX IF NOT EXISTS deliveries_position ON deliveries (position)',
  'CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries (state, expected_by)',
];

/** How long a settled delivery and a fanned change are remembered: long after anyone asks. */
const rememberedMs = 7 * 24 * 60 * 60 * 1000;

type Row = Record<string, SqlStorageValue>;

const deliveryOf = (row: Row): Delivery => ({
  id: String(row.id),
  subscription: String(row.subscription),
  position: Number(row.position),
  body: String(row.body),
});

export class DeliveryLedger {
  constructor(private readonly sql: SqlStorage) {}

  /** Which of `positions` were fanned out already: a change handed twice is fanned once. */
  fannedOf(positions: readonly number[]): Set<number> {
    if (positions.length === 0) return new Set();
    const rows = this.sql
      .exec(
        `SELECT position FROM fanned WHERE position IN (${positions.map(() => '?').join(',')})`,
        ...positions,
      )
      .toArray();
    return new Set(rows.map((row) => Number(row.position)));
  }

  /**
   * Records a change as fanned out with its deliveries, each pending until `expectedBy`;
   * answers false, recording nothing, when it was fanned out before.
   */
  record(position: number, deliveries: readonly Delivery[], expectedBy: number, now: number): boolean {
    if (this.sql.exec('INSERT OR IGNORE INTO fanned VALUES (?, ?)', position, now).rowsWritten === 0) {
      return false;
    }
    for (const d of deliveries) {
      this.sql.exec(
        "INSERT OR IGNORE INTO deliveries (id, subscription, position, body, state, attempts, expected_by) VALUES (?, ?, ?, ?, 'pending', 0, ?)",
        d.id,
        d.subscription,
        d.position,
        d.body,
        expectedBy,
      );
    }
    return true;
  }

  /** Whether the delivery is still to be made; one the ledger does not hold is. */
  isPending(id: string): boolean {
    const row = this.sql.exec('SELECT state FROM deliveries WHERE id = ?', id).toArray()[0];
    return row === undefined || row.state === 'pending';
  }

  settle(id: string, state: SettledState, now: number): boolean {
    return (
      this.sql.exec(
        "UPDATE deliveries SET state = ?, settled_at = ? WHERE id = ? AND state = 'pending'",
        state,
        now,
        id,
      ).rowsWritten > 0
    );
  }

  /** Every pending delivery of a subscription deleted: none will be made. */
  dropAll(subscription: string, now: number): void {
    this.sql.exec(
      "UPDATE deliveries SET state = 'dropped', settled_at = ? WHERE subscription = ? AND state = 'pending'",
      now,
      subscription,
    );
  }

  /** One more failed attempt; answers the attempts made (0 for a delivery the ledger does not hold). */
  failed(id: string): number {
    const row = this.sql
      .exec(
        "UPDATE deliveries SET attempts = attempts + 1 WHERE id = ? AND state = 'pending' RETURNING attempts",
        id,
      )
      .toArray()[0];
    return row === undefined ? 0 : Number(row.attempts);
  }

  /** Pending deliveries whose attempt is overdue at `now`, oldest first. */
  overdue(now: number, limit: number): Delivery[] {
    return this.sql
      .exec(
        "SELECT * FROM deliveries WHERE state = 'pending' AND expected_by <= ? ORDER BY expected_by LIMIT ?",
        now,
        limit,
      )
      .toArray()
      .map(deliveryOf);
  }

  postpone(ids: readonly string[], expectedBy: number): void {
    for (const id of ids) this.sql.exec('UPDATE deliveries SET expected_by = ? WHERE id = ?', expectedBy, id);
  }

  /** When the next pending delivery becomes overdue; undefined when none is pending. */
  nextOverdue(): number | undefined {
    const { at } = this.sql
      .exec("SELECT min(expected_by) AS at FROM deliveries WHERE state = 'pending'")
      .one();
    return at === null ? undefined : Number(at);
  }

  progress(positions: readonly number[]): Progress {
    const fanned = [...this.fannedOf(positions)].sort((a, b) => a - b);
    const unsettled = new Set(
      fanned.length === 0
        ? []
        : this.sql
            .exec(
              `SELECT DISTINCT position FROM deliveries WHERE state = 'pending' AND position IN (${fanned.map(() => '?').join(',')})`,
              ...fanned,
            )
            .toArray()
            .map((row) => Number(row.position)),
    );
    return { fanned, settled: fanned.filter((p) => !unsettled.has(p)) };
  }

  /** Forgets what was settled, or fanned out, long ago. */
  prune(now: number): void {
    this.sql.exec("DELETE FROM deliveries WHERE state != 'pending' AND settled_at < ?", now - rememberedMs);
    this.sql.exec(
      'DELETE FROM fanned WHERE at < ? AND position NOT IN (SELECT position FROM deliveries)',
      now - rememberedMs,
    );
  }
}
