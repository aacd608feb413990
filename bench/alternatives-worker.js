// Where a rendered answer could be read from, each the least a Worker can do to serve it from
// there: one KV read, one Cache API match, or one call to a SQLite-backed Durable Object that
// reads it from its own storage. The benchmark stores the same bytes in all three
// (POST /setup/{bytes}) and loads each (GET /{kv|cache|object}/{bytes}) side by side, with
// GET /none, an answer that reads nothing, as the runtime's floor. Never deployed.

import { DurableObject } from 'cloudflare:workers';

/** Text that does not repeat, as an answer does not. */
const bytesOf = (n) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('');

/** A writer's own storage holding answers, as a place's writer could serve them. */
export class AnswerObject extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      'CREATE TABLE IF NOT EXISTS answers (bytes INTEGER PRIMARY KEY, body BLOB NOT NULL)',
    );
  }

  put(bytes, body) {
    this.ctx.storage.sql.exec('INSERT OR REPLACE INTO answers VALUES (?, ?)', bytes, body);
  }

  read(bytes) {
    const row = this.ctx.storage.sql.exec('SELECT body FROM answers WHERE bytes = ?', bytes).toArray()[0];
    return row ? row.body : null;
  }
}

export default {
  /** @param {Request} request @param {{ STATUS_KV: KVNamespace; ANSWERS: DurableObjectNamespace<AnswerObject> }} env */
  async fetch(request, env) {
    const [, where = '', size = ''] = new URL(request.url).pathname.split('/');
    const bytes = Number(size);
    const cacheUrl = `https://answers.invalid/${bytes}`;
    const object = env.ANSWERS.getByName('answers');
    if (where === 'none') return new Response('ok');
    if (!Number.isSafeInteger(bytes) || bytes < 0) return new Response('not a size', { status: 400 });
    if (request.method === 'POST' && where === 'setup') {
      const body = new TextEncoder().encode(bytesOf(bytes));
      await env.STATUS_KV.put(`bench/alternatives/${bytes}`, body);
      await caches.default.put(
        cacheUrl,
        new Response(body, {
          headers: { 'cache-control': 'public, max-age=86400', 'content-type': 'text/plain' },
        }),
      );
      await object.put(bytes, body);
      return new Response(null, { status: 204 });
    }
    if (where === 'kv') {
      const value = await env.STATUS_KV.get(`bench/alternatives/${bytes}`, 'arrayBuffer');
      return value === null ? new Response('missing', { status: 404 }) : new Response(value);
    }
    if (where === 'cache') {
      const cached = await caches.default.match(cacheUrl);
      return cached ?? new Response('missing', { status: 404 });
    }
    if (where === 'object') {
      const body = await object.read(bytes);
      return body === null ? new Response('missing', { status: 404 }) : new Response(body);
    }
    return new Response('unknown', { status: 404 });
  },
};
