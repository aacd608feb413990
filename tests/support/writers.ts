// Reaching the writers (Durable Objects) from tests: their stubs, the KV binding they write
// through (to observe it or inject faults, as the request's binding is), and writers that
// cannot be reached. The objects themselves stay real, with their real SQLite storage.

import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { type Writers, writersOf } from '../../src/writers/stubs.ts';
import { observedNamespace } from './observed-namespace.ts';

export const writers: Writers = writersOf(env);

type Stub =
  | ReturnType<Writers['place']>
  | ReturnType<Writers['allPlaces']>
  | ReturnType<Writers['changeLog']>;

/** Makes the object behind `stub` use `wrap(its binding)` for one binding, until it is evicted. */
export async function wrapWriterBinding<
  K extends 'STATUS_KV' | 'ALL_PLACES_WRITER' | 'PLACE_WRITER' | 'CHANGE_LOG',
>(stub: Stub, name: K, wrap: (binding: Env[K]) => Env[K]): Promise<void> {
  await runInDurableObject(stub, (instance: object) => {
    const own = Reflect.get(instance, 'env') as Env;
    const wrapped = wrap(own[name]);
    Object.defineProperty(instance, 'env', {
      value: new Proxy(own, { get: (target, key) => (key === name ? wrapped : Reflect.get(target, key)) }),
      configurable: true,
    });
  });
}

/** Makes the object behind `stub` write through `wrap(its KV)` until it is evicted. */
export function wrapWriterKv(stub: Stub, wrap: (kv: KVNamespace) => KVNamespace): Promise<void> {
  return wrapWriterBinding(stub, 'STATUS_KV', wrap);
}

/** The Worker's bindings with every place writer failing each call, as if it could not be reached. */
export function unreachablePlaceWriters(bindings: Env): Env {
  const unreachable = observedNamespace(bindings.PLACE_WRITER, () => {
    throw new Error('injected fault: place writer unreachable');
  });
  return { ...bindings, PLACE_WRITER: unreachable };
}
