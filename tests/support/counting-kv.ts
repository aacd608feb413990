// A KV binding that counts the operations made through it and the bytes they return: the
// real KV, observed. Used by the KV-cost tests and by the benchmark's own Worker.

export type KvOperation = 'get' | 'getWithMetadata' | 'list' | 'put' | 'delete';

type ValueType = 'text' | 'json' | 'arrayBuffer' | 'stream';

const utf8 = new TextEncoder();
const utf8Length = (text: string) => utf8.encode(text).byteLength;

/** The value type a read asks for, named or in its options; text when it names none. */
function valueTypeOf(typeOrOptions: unknown): ValueType {
  if (typeof typeOrOptions === 'string') return typeOrOptions as ValueType;
  return (typeOrOptions as { type?: ValueType } | undefined)?.type ?? 'text';
}

/** The same read asking for text, so that JSON is counted as the bytes it arrived as. */
function asText([key, typeOrOptions, ...rest]: unknown[]): unknown[] {
  const text = typeof typeOrOptions === 'string' ? 'text' : { ...(typeOrOptions as object), type: 'text' };
  return [key, text, ...rest];
}

/** The stream, counting each chunk as the caller reads it: a cancelled read counts what it took. */
function countedStream(stream: ReadableStream<Uint8Array>, count: (bytes: number) => void) {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        count(value.byteLength);
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing is read ahead of the caller, so nothing unread is counted.
    { highWaterMark: 0 },
  );
}

export function countingKv(kv: KVNamespace) {
  const counts: Record<KvOperation, number> = { get: 0, getWithMetadata: 0, list: 0, put: 0, delete: 0 };
  // An object, as `counts` is, so that a caller holding it sees what later operations add.
  const bytes = { read: 0 };
  const count = (n: number) => {
    bytes.read += n;
  };

  /** A value as the caller asked for it, its bytes counted (a stream's as it is read). */
  function counted(value: unknown, type: ValueType): unknown {
    if (value === null) return null;
    if (type === 'stream') return countedStream(value as ReadableStream<Uint8Array>, count);
    if (type === 'arrayBuffer') {
      count((value as ArrayBuffer).byteLength);
      return value;
    }
    count(utf8Length(value as string));
    return type === 'json' ? JSON.parse(value as string) : value;
  }

  /** A result of getWithMetadata, its metadata counted as the JSON it is stored as. */
  function countedWithMetadata(result: KVNamespaceGetWithMetadataResult<unknown, unknown>, type: ValueType) {
    if (result.metadata !== null) count(utf8Length(JSON.stringify(result.metadata)));
    return { ...result, value: counted(result.value, type) };
  }

  async function read(
    method: (...args: unknown[]) => Promise<unknown>,
    withMetadata: boolean,
    args: unknown[],
  ) {
    const type = valueTypeOf(args[1]);
    const answer = await method(...(type === 'json' ? asText(args) : args));
    const one = (value: unknown) =>
      withMetadata
        ? countedWithMetadata(value as KVNamespaceGetWithMetadataResult<unknown, unknown>, type)
        : counted(value, type);
    // A read of several keys at once answers a Map of key to value.
    if (answer instanceof Map) return new Map([...answer].map(([key, value]) => [key, one(value)]));
    return one(answer);
  }

  async function list(
    method: (...args: unknown[]) => Promise<KVNamespaceListResult<unknown>>,
    args: unknown[],
  ) {
    const result = await method(...args);
    count(utf8Length(JSON.stringify(result.keys)));
    return result;
  }

  const binding = new Proxy(kv, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = (...args: unknown[]) => value.apply(target, args);
      return (...args: unknown[]) => {
        if (property in counts) counts[property as KvOperation]++;
        if (property === 'get' || property === 'getWithMetadata')
          return read(method, property === 'getWithMetadata', args);
        if (property === 'list') return list(method, args);
        return method(...args);
      };
    },
  });
  return { binding, counts, bytes };
}
