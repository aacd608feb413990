// The one-read floor: a bare Worker that answers with one KV read and nothing else, the
// least any Worker can do to serve an answer from KV. It runs in the same workerd as the app,
// on the same KV namespace; the benchmark stores a value of each endpoint's answer size under
// bench/floor/{bytes} (POST /{bytes}) and loads GET /{bytes} beside the endpoint, so that each
// endpoint is measured against a read of the same size. Never deployed.

export default {
  /** @param {Request} request @param {{ STATUS_KV: KVNamespace }} env */
  async fetch(request, env) {
    const bytes = Number(new URL(request.url).pathname.slice(1));
    if (!Number.isSafeInteger(bytes) || bytes < 0) return new Response('not a size', { status: 400 });
    const key = `bench/floor/${bytes}`;
    if (request.method === 'POST') {
      // Text that does not repeat, as an answer does not; KV stores it as it is.
      const value = Array.from({ length: bytes }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join(
        '',
      );
      await env.STATUS_KV.put(key, value);
      return new Response(null, { status: 204 });
    }
    const value = await env.STATUS_KV.get(key, 'arrayBuffer');
    return value === null ? new Response('no such value', { status: 404 }) : new Response(value);
  },
};
