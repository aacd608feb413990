// The webhook subscriptions, and how their deliveries fare. A SQLite-backed Durable Object,
// one for the service: it decides which subscriptions a change goes to, signs each attempt
// with a secret that never leaves it, and keeps each subscription's delivery health, which
// every delivery updates and KV (one write per second per key) could not take. Each
// subscription is also written to KV under a key of its own, the record the registry reloads
// itself from if its storage is lost; its health is the registry's alone.
//
// It also keeps every delivery until it is settled (src/push/delivery-ledger.ts), and sends
// again, from its alarm, one whose attempt is long overdue. And it decides each delivery's
// lane: a subscription whose last attempt failed or answered slowly is sent on a queue of its
// own kind, so that a receiver that hangs never holds up the batches of healthy ones.

import { newReportId } from '../domain/ids.ts';
import { type Lane, queueOfLane, sendAll } from '../writers/push-messages.ts';
import { StoredObject } from '../writers/stored-object.ts';
import { type Delivery, DeliveryLedger, deliveryLedgerSchema, type Progress } from './delivery-ledger.ts';
import {
  type CreatedSubscription,
  matches,
  meetsRule,
  nextHealth,
  type Outcome,
  type PushedChange,
  reportsTouched,
  type Subscription,
  type SubscriptionInput,
  type SubscriptionRecord,
  subscriptionRecord,
} from './model.ts';
import {
  deliveryAttempts,
  pauseAfterMs,
  resendAfterMs,
  retryDelaySeconds,
  slowAnswerMs,
} from './settings.ts';
import { newSigningSecret, type SignedHeaders, signedHeaders } from './signature.ts';

const schema = [
  'CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, owner TEXT NOT NULL, json TEXT NOT NULL)',
  'CREATE INDEX IF NOT EXISTS subscriptions_owner ON subscriptions (owner)',
  // The reports each subscription with a rule was sent for it: their corrections and
  // retractions are sent to it too.
  'CREATE TABLE IF NOT EXISTS alerted (subscription TEXT NOT NULL, report TEXT NOT NULL, PRIMARY KEY (subscription, report))',
  // The subscriptions whose last attempt failed or answered slowly: sent on the slow lane.
  'CREATE TABLE IF NOT EXISTS slow (subscription TEXT PRIMARY KEY)',
  // Attempts signed and not yet answered: one waiting long puts its subscription on the slow
  // lane before it times out, so that deliveries queued meanwhile do not wait behind it.
  'CREATE TABLE IF NOT EXISTS waiting (id TEXT PRIMARY KEY, subscription TEXT NOT NULL, since INTEGER NOT NULL)',
  ...deliveryLedgerSchema,
];

/** Overdue deliveries sent again by one run of the alarm; the next run sends the rest. */
const resentAtOnce = 500;

type Row = Record<string, SqlStorageValue>;

const recordOf = (row: Row) => JSON.parse(String(row.json)) as SubscriptionRecord;

/** What the owner is shown: everything but the owner, the origin and the secret. */
function viewOf(record: SubscriptionRecord): Subscription {
  const { owner: _owner, origin: _origin, secret: _secret, ...view } = record;
  return view;
}

/** Where a matched change goes: which subscription, the origin its links use, and its lane. */
export interface Recipient {
  id: string;
  origin: string;
  lane: Lane;
}

/** One attempt, signed; or why none is made. */
export type Attempt =
  | { send: true; url: string; headers: SignedHeaders }
  | { send: false; why: 'deleted' | 'paused' | 'settled' }
  /** The subscription is on the slow lane now: the message is handed there, unattempted. */
  | { send: false; why: 'slow lane' };

/** What follows an attempt: nothing, another on `lane` after a wait, or none ever (its attempts ran out). */
export type AfterAttempt = { next: 'done' | 'dead' } | { next: 'retry'; lane: Lane; delaySeconds: number };

/** The one registry of subscriptions. */
export const registryOf = (env: Pick<Env, 'SUBSCRIPTIONS'>) => env.SUBSCRIPTIONS.getByName('subscriptions');

export class SubscriptionRegistry extends StoredObject {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, schema);
  }

  // -- the owner's calls ----------------------------------------------------------------------

  async create(owner: string, input: SubscriptionInput, origin: string): Promise<CreatedSubscription> {
    await this.ready();
    const now = new Date();
    const record: SubscriptionRecord = {
      id: `sub_${newReportId(now, (bytes) => crypto.getRandomValues(bytes))}`,
      url: input.url,
      ...(input.description ? { description: input.description } : {}),
      filters: input.filters ?? {},
      ...(input.rule ? { rule: input.rule } : {}),
      created: now.toISOString(),
      delivery: { state: 'active', deadLetters: 0 },
      owner,
      origin,
      secret: newSigningSecret(),
    };
    await this.store.putSubscription(subscriptionRecord, record);
    this.save(record);
    return { ...viewOf(record), secret: record.secret };
  }

  async list(owner: string): Promise<Subscription[]> {
    await this.ready();
    return this.sql
      .exec('SELECT json FROM subscriptions WHERE owner = ? ORDER BY id', owner)
      .toArray()
      .map((row) => viewOf(recordOf(row)));
  }

  async get(owner: string, id: string): Promise<Subscription | undefined> {
    await this.ready();
    const record = this.record(id);
    return record?.owner === owner ? viewOf(record) : undefined;
  }

  /** Deletes the owner's subscription; answers whether there was one. */
  async remove(owner: string, id: string): Promise<boolean> {
    await this.ready();
    if (this.record(id)?.owner !== owner) return false;
    await this.store.deleteSubscription(id);
    this.sql.exec('DELETE FROM subscriptions WHERE id = ?', id);
    this.ledger.dropAll(id, Date.now());
    this.sql.exec('DELETE FROM alerted WHERE subscription = ?', id);
    return true;
  }

  /** Sends to a paused subscription again, from the next change on. */
  async resume(owner: string, id: string): Promise<Subscription | undefined> {
    await this.ready();
    const record = this.record(id);
    if (record?.owner !== owner) return undefined;
    const { failingSince: _since, pausedAt: _at, ...health } = record.delivery;
    const resumed: SubscriptionRecord = { ...record, delivery: { ...health, state: 'active' } };
    await this.store.putSubscription(subscriptionRecord, resumed);
    this.save(resumed);
    return viewOf(resumed);
  }

  // -- the queue consumer's calls -----------------------------------------------------------

  /**
   * For each change, in order, the active subscriptions it goes to, or undefined for a change
   * fanned out before: one call for a batch of changes. A rule's match is remembered, so that
   * what follows the report is sent too.
   */
  async matchAll(
    changes: readonly { position: number; pushed: PushedChange }[],
  ): Promise<(Recipient[] | undefined)[]> {
    await this.ready();
    const fanned = this.ledger.fannedOf(changes.map((c) => c.position));
    const active = this.sql
      .exec('SELECT json FROM subscriptions ORDER BY id')
      .toArray()
      .map(recordOf)
      .filter((record) => record.delivery.state === 'active');
    const now = Date.now();
    return changes.map(({ position, pushed }) => {
      if (fanned.has(position)) return undefined;
      const touched = reportsTouched(pushed);
      const recipients: Recipient[] = [];
      for (const record of active) {
        const follows = record.rule !== undefined && this.wasAlerted(record.id, touched);
        if (!matches(record, pushed, follows)) continue;
        if (record.rule && meetsRule(record.rule, pushed.figures ?? [])) {
          this.sql.exec('INSERT OR IGNORE INTO alerted VALUES (?, ?)', record.id, pushed.change.report);
        }
        recipients.push({ id: record.id, origin: record.origin, lane: this.laneOf(record.id, now) });
      }
      return recipients;
    });
  }

  /**
   * Records a change as fanned out, with its deliveries: answers false, recording nothing,
   * when it was fanned out before, so that its deliveries are not queued twice.
   */
  async fan(position: number, deliveries: readonly Delivery[]): Promise<boolean> {
    await this.ready();
    const now = Date.now();
    const recorded = this.ctx.storage.transactionSync(() =>
      this.ledger.record(position, deliveries, now + resendAfterMs(this.env), now),
    );
    if (recorded && deliveries.length > 0) await this.alarmBy(now + resendAfterMs(this.env));
    return recorded;
  }

  /** How far the deliveries of these changes got, for the change log to forget the settled. */
  async progress(positions: readonly number[]): Promise<Progress> {
    await this.ready();
    return this.ledger.progress(positions);
  }

  /**
   * Signs one attempt at `at`, unless the delivery was settled (a copy sent again finds it
   * done), or the subscription was deleted or paused meanwhile, which drops it.
   */
  async sign(id: string, webhookId: string, body: string, at: number, lane: Lane): Promise<Attempt> {
    await this.ready();
    if (!this.ledger.isPending(webhookId)) return { send: false, why: 'settled' };
    const record = this.record(id);
    const dropped = !record ? 'deleted' : record.delivery.state === 'paused' ? 'paused' : undefined;
    if (!record || dropped) {
      this.ledger.settle(webhookId, 'dropped', at);
      return { send: false, why: dropped ?? 'deleted' };
    }
    if (lane === 'fast' && this.laneOf(id, at) === 'slow') return { send: false, why: 'slow lane' };
    this.sql.exec('INSERT OR REPLACE INTO waiting VALUES (?, ?, ?)', webhookId, id, at);
    return {
      send: true,
      url: record.url,
      headers: await signedHeaders(record.secret, webhookId, body, new Date(at)),
    };
  }

  /**
   * How an attempt fared, and how long it took. A subscription failing without a success for
   * too long is paused; one that failed or answered slowly goes on the slow lane until it
   * answers in time again. A failed delivery is tried again after a wait that doubles with
   * each attempt, until its attempts run out: then it is dead, and counted.
   */
  async outcome(id: string, webhookId: string, outcome: Outcome, tookMs: number): Promise<AfterAttempt> {
    await this.ready();
    const now = Date.parse(outcome.at);
    this.sql.exec('DELETE FROM waiting WHERE id = ?', webhookId);
    const record = this.record(id);
    if (record) {
      const health = nextHealth(record.delivery, outcome, pauseAfterMs(this.env));
      const updated = { ...record, delivery: health };
      // KV keeps what outlives the registry's storage: whether the subscription is paused.
      if (health.state !== record.delivery.state)
        await this.store.putSubscription(subscriptionRecord, updated);
      this.save(updated);
      if (!outcome.ok || tookMs > slowAnswerMs(this.env))
        this.sql.exec('INSERT OR IGNORE INTO slow VALUES (?)', id);
      else this.sql.exec('DELETE FROM slow WHERE subscription = ?', id);
    }
    if (outcome.ok) {
      this.ledger.settle(webhookId, 'done', now);
      return { next: 'done' };
    }
    const attempts = this.ledger.failed(webhookId);
    if (attempts >= deliveryAttempts) {
      await this.deadLettered(id, webhookId);
      return { next: 'dead' };
    }
    const delaySeconds = retryDelaySeconds(this.env, attempts);
    const expectedBy = now + delaySeconds * 1000 + resendAfterMs(this.env);
    this.ledger.postpone([webhookId], expectedBy);
    await this.alarmBy(expectedBy);
    return { next: 'retry', lane: this.laneOf(id, now), delaySeconds };
  }

  /** An attempt on the fast lane that took too long and was cut short: not counted, but slow. */
  async cutShort(id: string, webhookId: string): Promise<void> {
    await this.ready();
    this.sql.exec('DELETE FROM waiting WHERE id = ?', webhookId);
    this.sql.exec('INSERT OR IGNORE INTO slow VALUES (?)', id);
  }

  /**
   * A delivery given up on: its attempts ran out, or its message reached the dead-letter
   * queue. Counted against its subscription once.
   */
  async deadLettered(id: string, webhookId: string): Promise<void> {
    await this.ready();
    const settledNow = this.ledger.settle(webhookId, 'dead', Date.now());
    // A delivery the ledger never held (queued before it kept them) is counted as before.
    if (!settledNow && !this.ledger.isPending(webhookId)) return;
    const record = this.record(id);
    if (!record) return;
    const { delivery } = record;
    this.save({ ...record, delivery: { ...delivery, deadLetters: delivery.deadLetters + 1 } });
  }

  /** Sends again what is overdue: its message was lost, or never queued. */
  override async alarm(): Promise<void> {
    await this.ready();
    const now = Date.now();
    const overdue = this.ledger.overdue(now, resentAtOnce);
    for (const lane of ['fast', 'slow'] as const) {
      const messages = overdue
        .filter((d) => this.laneOf(d.subscription, now) === lane)
        .map((d) => ({ type: 'delivery' as const, subscription: d.subscription, id: d.id, body: d.body }));
      await sendAll(queueOfLane(this.env, lane), messages);
    }
    if (overdue.length > 0) {
      console.log(
        JSON.stringify({ level: 'info', message: 'overdue webhooks sent again', count: overdue.length }),
      );
    }
    this.ledger.postpone(
      overdue.map((d) => d.id),
      now + resendAfterMs(this.env),
    );
    this.ledger.prune(now);
    // An attempt whose answer never came back (its isolate ended) waits no more.
    this.sql.exec('DELETE FROM waiting WHERE since < ?', now - resendAfterMs(this.env));
    const next = this.ledger.nextOverdue();
    if (next !== undefined) await this.alarmBy(next);
  }

  // -- storage ------------------------------------------------------------------------------

  private record(id: string): SubscriptionRecord | undefined {
    const row = this.sql.exec('SELECT json FROM subscriptions WHERE id = ?', id).toArray()[0];
    return row ? recordOf(row) : undefined;
  }

  private save(record: SubscriptionRecord): void {
    this.sql.exec(
      'INSERT OR REPLACE INTO subscriptions (id, owner, json) VALUES (?, ?, ?)',
      record.id,
      record.owner,
      JSON.stringify(record),
    );
  }

  /** Slow: the last attempt failed or answered slowly, or one has been waiting long at `now`. */
  private laneOf(id: string, now: number): Lane {
    const slow = this.sql
      .exec(
        'SELECT 1 FROM slow WHERE subscription = ? UNION ALL SELECT 1 FROM waiting WHERE subscription = ? AND since < ?',
        id,
        id,
        now - slowAnswerMs(this.env),
      )
      .toArray();
    return slow.length > 0 ? 'slow' : 'fast';
  }

  /** Sets the alarm to `at` unless it goes off sooner already. */
  private async alarmBy(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  private get ledger(): DeliveryLedger {
    return new DeliveryLedger(this.sql);
  }

  private wasAlerted(id: string, reports: readonly string[]): boolean {
    const marks = reports.map(() => '?').join(', ');
    const query = `SELECT 1 FROM alerted WHERE subscription = ? AND report IN (${marks}) LIMIT 1`;
    return reports.length > 0 && this.sql.exec(query, id, ...reports).toArray().length > 0;
  }

  /** On the first call of an object whose storage is new: the subscriptions KV holds. */
  private async ready(): Promise<void> {
    if (this.state.get<boolean>('initialized') === true) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      if (this.state.get<boolean>('initialized') === true) return;
      for (const record of await this.store.allSubscriptions(subscriptionRecord)) this.save(record);
      this.state.put('initialized', true);
    });
  }
}
