// A Durable Object namespace whose stubs report each call before making it: to count the
// calls a request makes (the benchmark), or to fail them from some step on (crash tests).
// The objects behind them stay real.

export function observedNamespace<T extends DurableObjectNamespace>(
  namespace: T,
  onCall: (method: string) => void,
): T {
  return new Proxy(namespace, {
    get(target, name) {
      if (name !== 'getByName') return Reflect.get(target, name);
      return (objectName: string) => {
        const stub = target.getByName(objectName) as unknown as Record<
          string,
          (...args: unknown[]) => unknown
        >;
        return new Proxy(
          {},
          {
            // Not a promise: `then` must not look like a method, or awaiting a stub would call it.
            get: (_, method) =>
              method === 'then'
                ? undefined
                : (...args: unknown[]) => {
                    onCall(String(method));
                    return stub[String(method)]?.(...args);
                  },
          },
        );
      };
    },
  });
}
