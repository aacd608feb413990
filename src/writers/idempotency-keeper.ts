// The one place that decides whether an Idempotency-Key is new: a SQLite-backed Durable
// Object per key (scoped to the token), so two requests with one key always meet here, one
// at a time. The first request gets a ticket: the time and the randomness its reports'
// ids are made from. A retry, or a second request with the same body, gets the same ticket
// and so writes the same reports under the same keys: nothing is stored twice, even when
// the first request stopped after writing its facts and before it answered. Once a request
// has answered, its answer is replayed; another body with the key is refused.

import { hex } from '../encoding.ts';
import { StoredObject } from './stored-object.ts';

/** The time and randomness a request's reports are made from. */
export interface Ticket {
  at: number;
  seed: string;
}

export interface StoredAnswer {
  status: number;
  location: string;
  /** The JSON body, as sent. */
  body: string;
}

export type KeyDecision =
  | { kind: 'new'; ticket: Ticket }
  /** The key's request ran before (or runs now) and never answered: do it again, the same way. */
  | { kind: 'resume'; ticket: Ticket }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'conflict' };

interface KeyRecord {
  requestHash: string;
  ticket: Ticket;
  answer?: StoredAnswer;
}

function decisionFor(record: KeyRecord, requestHash: string): KeyDecision {
  if (record.requestHash !== requestHash) return { kind: 'conflict' };
  if (record.answer) return { kind: 'replay', answer: record.answer };
  return { kind: 'resume', ticket: record.ticket };
}

export class IdempotencyKeeper extends StoredObject {
  private get record(): KeyRecord | undefined {
    return this.state.get<KeyRecord>('record');
  }

  private set record(value: KeyRecord | undefined) {
    if (value) this.state.put('record', value);
    else this.state.delete('record');
  }

  async begin(scopedKey: string, requestHash: string): Promise<KeyDecision> {
    const known = this.record;
    if (known) return decisionFor(known, requestHash);
    // Nothing else runs in the object until the key's record exists: a second request with
    // the key waits, then finds the first one's record.
    return this.ctx.blockConcurrencyWhile(() => this.firstUse(scopedKey, requestHash));
  }

  private async firstUse(scopedKey: string, requestHash: string): Promise<KeyDecision> {
    const earlier = this.record ?? (await this.earlierAnswer(scopedKey));
    if (earlier) return decisionFor(earlier, requestHash);
    const seed = new Uint8Array(16);
    crypto.getRandomValues(seed);
    const ticket = { at: Date.now(), seed: hex(seed) };
    this.record = { requestHash, ticket };
    return { kind: 'new', ticket };
  }

  /** The request answered: its answer is what every later request with the key gets. */
  async complete(requestHash: string, answer: StoredAnswer): Promise<void> {
    const record = this.record;
    if (record?.requestHash === requestHash && !record.answer) this.record = { ...record, answer };
  }

  /** The request was refused (a 4xx) and stored nothing: the key may be used again. */
  async release(requestHash: string): Promise<void> {
    const record = this.record;
    if (record?.requestHash === requestHash && !record.answer) this.record = undefined;
  }

  /**
   * Keys used before this object kept them were recorded in KV (v1/idempotency/…); such a
   * record is taken over on the key's first use here, so its retries still replay.
   */
  private async earlierAnswer(scopedKey: string): Promise<KeyRecord | undefined> {
    const stored = await this.store.getStoredResponse(scopedKey);
    if (!stored) return undefined;
    const record = {
      requestHash: stored.requestHash,
      ticket: { at: 0, seed: '' },
      answer: { status: stored.status, location: stored.location, body: JSON.stringify(stored.body) },
    };
    this.record = record;
    return record;
  }
}
