// The webhook subscriptions, and how their deliveries fare. A SQLite-backed Durable Object,
// one for the service: it decides which subscriptions a change goes to, signs each attempt
// with a secret that never leaves it, and keeps each subscription's delivery health, which
// every delivery updates and KV (one write per second per key) could not take. Each
// subscription is also written to KV under a key of its own, the record the registry reloads
// itself from if its storage is lost; its health is the registry's alone.

import { newReportId } from '../domain/ids.ts';
import { StoredObject } from '../writers/stored-object.ts';
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
import { pauseAfterMs } from './settings.ts';
import { newSigningSecret, type SignedHeaders, signedHeaders } from './signature.ts';

const schema = [
  'CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, owner TEXT NOT NULL, json TEXT NOT NULL)',
  'CREATE INDEX IF NOT EXISTS subscriptions_owner ON subscriptions (owner)',
  // The reports each subscription with a rule was sent for it: their corrections and
  // retractions are sent to it too.
  'CREATE TABLE IF NOT EXISTS alerted (subscription TEXT NOT NULL, report TEXT NOT NULL, PRIMARY KEY (subscription, report))',
];

type Row = Record<string, SqlStorageValue>;

const recordOf = (row: Row) => JSON.parse(String(row.json)) as SubscriptionRecord;

/** What the owner is shown: everything but the owner, the origin and the secret. */
function viewOf(record: SubscriptionRecord): Subscription {
  const { owner: _owner, origin: _origin, secret: _secret, ...view } = record;
  return view;
}

/** Where a matched change goes: which subscription, and the origin its links use. */
export interface Recipient {
  id: string;
  origin: string;
}

/** One attempt, signed; or why none is made. */
export type Attempt =
  | { send: true; url: string; headers: SignedHeaders }
  | { send: false; why: 'deleted' | 'paused' };

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
   * For each change, in order, the active subscriptions it goes to: one call for a batch of
   * changes. A rule's match is remembered, so that what follows the report is sent too.
   */
  async matchAll(changes: readonly PushedChange[]): Promise<Recipient[][]> {
    await this.ready();
    const active = this.sql
      .exec('SELECT json FROM subscriptions ORDER BY id')
      .toArray()
      .map(recordOf)
      .filter((record) => record.delivery.state === 'active');
    return changes.map((pushed) => {
      const touched = reportsTouched(pushed);
      const recipients: Recipient[] = [];
      for (const record of active) {
        const follows = record.rule !== undefined && this.wasAlerted(record.id, touched);
        if (!matches(record, pushed, follows)) continue;
        if (record.rule && meetsRule(record.rule, pushed.figures ?? [])) {
          this.sql.exec('INSERT OR IGNORE INTO alerted VALUES (?, ?)', record.id, pushed.change.report);
        }
        recipients.push({ id: record.id, origin: record.origin });
      }
      return recipients;
    });
  }

  /** Signs one attempt at `at`, unless the subscription was deleted or paused meanwhile. */
  async sign(id: string, webhookId: string, body: string, at: number): Promise<Attempt> {
    await this.ready();
    const record = this.record(id);
    if (!record) return { send: false, why: 'deleted' };
    if (record.delivery.state === 'paused') return { send: false, why: 'paused' };
    return {
      send: true,
      url: record.url,
      headers: await signedHeaders(record.secret, webhookId, body, new Date(at)),
    };
  }

  /** How an attempt fared. A subscription failing without a success for too long is paused. */
  async outcome(id: string, outcome: Outcome): Promise<void> {
    await this.ready();
    const record = this.record(id);
    if (!record) return;
    const health = nextHealth(record.delivery, outcome, pauseAfterMs(this.env));
    const updated = { ...record, delivery: health };
    // KV keeps what outlives the registry's storage: whether the subscription is paused.
    if (health.state !== record.delivery.state) await this.store.putSubscription(subscriptionRecord, updated);
    this.save(updated);
  }

  /** An event was given up on after its last retry. */
  async deadLettered(id: string): Promise<void> {
    await this.ready();
    const record = this.record(id);
    if (!record) return;
    const { delivery } = record;
    this.save({ ...record, delivery: { ...delivery, deadLetters: delivery.deadLetters + 1 } });
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
