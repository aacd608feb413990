// How each of the service's Durable Objects starts: its own storage (every one is
// SQLite-backed, see wrangler.toml's migrations), its tables made in the constructor, which
// runs before any call reaches the object, so no call sees storage without them; and the KV
// status store (src/store/status-store.ts). A writer also has its pace (pacing.ts). A
// subclass keeps a constructor of `(ctx, env)`, which is how the platform makes it.

import { DurableObject } from 'cloudflare:workers';
import { StatusStore } from '../store/status-store.ts';
import { Pace, writeIntervalMs } from './pacing.ts';

export abstract class StoredObject extends DurableObject<Env> {
  protected readonly sql: SqlStorage;
  protected readonly state: SyncKvStorage;

  /** @param schema statements that make the object's tables when they are not there yet */
  constructor(ctx: DurableObjectState, env: Env, schema: readonly string[] = []) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.state = ctx.storage.kv;
    for (const statement of schema) this.sql.exec(statement);
  }

  protected get store(): StatusStore {
    return new StatusStore(this.env.STATUS_KV);
  }
}

/** An object that writes documents to KV, at most once per interval (pacing.ts). */
export abstract class PacedWriter extends StoredObject {
  protected readonly pace: Pace;

  /** @param writer what its logs call it when a run fails */
  constructor(ctx: DurableObjectState, env: Env, writer: string, schema: readonly string[] = []) {
    super(ctx, env, schema);
    this.pace = new Pace(ctx, () => writeIntervalMs(this.env), writer);
  }
}
