// The production Worker with every KV write counted, the writers' (Durable Objects) as well
// as the requests': what a report costs of the daily KV write allowance, for
// bench/kv-writes.mjs. GET /__kv-writes answers the counts so far, by kind of key.

import * as production from '../src/index.ts';

const writes: Record<string, number> = {};
const counted = new WeakMap<KVNamespace, KVNamespace>();

/** The kind of a key: facts, index, derived documents, the change log (src/store/keys.ts). */
const kindOf = (key: string) => /^v1\/([a-z-]+)/.exec(key)?.[1] ?? 'other';

function countingKv(kv: KVNamespace): KVNamespace {
  const known = counted.get(kv);
  if (known) return known;
  const wrapped = new Proxy(kv, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      if (name !== 'put' && name !== 'delete') return value.bind(target);
      return (key: string, ...rest: unknown[]) => {
        const kind = kindOf(key);
        writes[kind] = (writes[kind] ?? 0) + 1;
        return value.call(target, key, ...rest);
      };
    },
  });
  counted.set(kv, wrapped);
  return wrapped;
}

const counting = (env: Env): Env => ({ ...env, STATUS_KV: countingKv(env.STATUS_KV) });

export class PlaceWriter extends production.PlaceWriter {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, counting(env));
  }
}
export class AllPlacesWriter extends production.AllPlacesWriter {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, counting(env));
  }
}
export class ChangeLog extends production.ChangeLog {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, counting(env));
  }
}
export class IdempotencyKeeper extends production.IdempotencyKeeper {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, counting(env));
  }
}
export class DeskSession extends production.DeskSession {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, counting(env));
  }
}
export class SubscriptionRegistry extends production.SubscriptionRegistry {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, counting(env));
  }
}
export class AccountRegistry extends production.AccountRegistry {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, counting(env));
  }
}

export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === '/__kv-writes') return Response.json(writes);
    return production.default.fetch(request, counting(env), ctx);
  },
  scheduled: (controller, env, ctx) => production.default.scheduled(controller, counting(env), ctx),
  queue: (batch, env) => production.default.queue(batch, counting(env)),
} satisfies ExportedHandler<Env>;
