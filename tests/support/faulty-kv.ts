// A fault injector around the real (miniflare) KV binding: it fails chosen operations,
// answers 429 like production KV to a second write to one key within a second, and can
// delay every call. Everything it does not break goes to real storage.

export type KvOperation = 'get' | 'getWithMetadata' | 'put' | 'list' | 'delete';

export interface Faults {
  /** Fail this call (the n-th of its kind, counting from 1) instead of running it. */
  fail?: (operation: KvOperation, key: string, n: number) => boolean;
  /** Refuse a write to a key written less than this many milliseconds before. */
  writeIntervalMs?: number;
  delayMs?: number;
  /** Keep what each write wrote, and its options, beside its key and time. */
  keepValues?: boolean;
}

/** A write that reached storage: its key, when it was done, and (kept on request) what it wrote. */
export interface KvWrite {
  key: string;
  at: number;
  value?: unknown;
  options?: KVNamespacePutOptions;
}

export function faultyKv(kv: KVNamespace, faults: Faults) {
  const counts: Record<string, number> = {};
  const lastWrite = new Map<string, number>();
  const injected: string[] = [];
  /** Every write that reached storage, with its time. */
  const writes: KvWrite[] = [];
  const binding = new Proxy(kv, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const operation = String(property) as KvOperation;
      return async (...args: unknown[]) => {
        const first = args[0];
        const key =
          typeof first === 'string'
            ? first
            : String((first as { prefix?: string } | undefined)?.prefix ?? '');
        counts[operation] = (counts[operation] ?? 0) + 1;
        if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
        if (faults.fail?.(operation, key, counts[operation] ?? 0)) {
          injected.push(`${operation} ${key}`);
          throw new Error(`injected fault: ${operation} ${key}`);
        }
        if (operation === 'put' && faults.writeIntervalMs !== undefined) {
          const now = Date.now();
          const previous = lastWrite.get(key);
          if (previous !== undefined && now - previous < faults.writeIntervalMs) {
            injected.push(`429 put ${key}`);
            throw new Error(`KV PUT failed: 429 Too Many Requests (${key})`);
          }
          lastWrite.set(key, now);
        }
        const result = await value.apply(target, args);
        if (operation === 'put') {
          const at = Date.now();
          const [, written, options] = args as [string, unknown, KVNamespacePutOptions | undefined];
          writes.push(faults.keepValues ? { key, at, value: written, options } : { key, at });
        }
        return result;
      };
    },
  });
  return { binding, injected, writes };
}
