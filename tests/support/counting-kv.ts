// A KV binding that counts the operations made through it: the real KV, observed. Used by
// the KV-cost tests and by the benchmark's own Worker.

export type KvOperation = 'get' | 'getWithMetadata' | 'list' | 'put' | 'delete';

export function countingKv(kv: KVNamespace) {
  const counts: Record<KvOperation, number> = { get: 0, getWithMetadata: 0, list: 0, put: 0, delete: 0 };
  const binding = new Proxy(kv, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property in counts) counts[property as KvOperation]++;
        return value.apply(target, args);
      };
    },
  });
  return { binding, counts };
}
