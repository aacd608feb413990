// Answers to public reads kept in the isolate's memory for a moment (RECENT_ANSWER_MS, 1000
// in wrangler.toml). Many readers poll the same feeds and lists; within the moment they
// are answered, 304s included, without the KV read, at the cost of the runtime alone.
// A write in this isolate forgets every kept answer at once; a write in another isolate
// shows here within the moment, well inside the up to 60 seconds that KV itself may take
// to show a write in another location. Hono's cache middleware would use the Cache API
// instead, which is a lookup per request and needs a custom domain on Workers.

import type { MiddlewareHandler } from 'hono';
import { LruMap } from '../lru-map.ts';
import { wholeNumberSetting } from '../settings.ts';
import type { AppEnv } from './app-env.ts';
import { isNotModified } from './caching.ts';

/**
 * What is known of the current representation: its headers, and its body when a 200 was
 * seen. A 304 alone says which ETag is current, which answers the next conditional GETs.
 */
interface KeptAnswer {
  headers: [string, string][];
  body: ArrayBuffer | undefined;
  expires: number;
}

// What describes the representation; per-request headers (request id, CORS, security)
// are set again by the middleware around this one.
const keptHeaders = [
  'content-type',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
  'content-language',
  'link',
  // A page's own policy, which lets it load its stylesheet; the default one would not.
  'content-security-policy',
];
const notModifiedHeaders = new Set(['cache-control', 'etag', 'last-modified', 'vary', 'content-language']);

const defaultLifetimeMs = 1000;
const capacity = 256;

class RecentAnswers {
  private readonly answers = new LruMap<string, KeptAnswer>(capacity);

  // A peek, not a use: every answer is kept for the same moment, so the one kept first is
  // the first to expire and the one to go when there is no room.
  get(key: string, now: number): KeptAnswer | undefined {
    const answer = this.answers.peek(key);
    if (answer && answer.expires <= now) this.answers.delete(key);
    return answer && answer.expires > now ? answer : undefined;
  }

  set(key: string, answer: KeptAnswer): void {
    this.answers.set(key, answer);
  }

  clear(): void {
    this.answers.clear();
  }
}

const byNamespace = new WeakMap<KVNamespace, RecentAnswers>();

/** The answers kept for one KV namespace: what a write to it must make this isolate forget. */
export function recentAnswersFor(namespace: KVNamespace): RecentAnswers {
  let answers = byNamespace.get(namespace);
  if (!answers) {
    answers = new RecentAnswers();
    byNamespace.set(namespace, answers);
  }
  return answers;
}

/** The kept answer to this request, if what is kept suffices to give it. */
function replay(request: Request, answer: KeptAnswer): Response | undefined {
  const headers = new Headers(answer.headers);
  if (isNotModified(request, headers.get('etag') ?? '', headers.get('last-modified'))) {
    const kept = answer.headers.filter(([name]) => notModifiedHeaders.has(name));
    return new Response(null, { status: 304, headers: kept });
  }
  return answer.body && new Response(answer.body, { status: 200, headers });
}

function headersToKeep(response: Response, names: readonly string[]): [string, string][] {
  return names.flatMap((name): [string, string][] => {
    const value = response.headers.get(name);
    return value === null ? [] : [[name, value]];
  });
}

/**
 * Serves a GET from a kept answer when there is one, and keeps each successful answer.
 * `varyOn`: the request headers the answers vary on (the pages' Accept-Language), kept apart.
 */
export function keepRecentAnswers(varyOn: readonly string[] = []): MiddlewareHandler<AppEnv> {
  return async function keepRecentAnswersMiddleware(c, next) {
    const lifetimeMs = wholeNumberSetting(c.env.RECENT_ANSWER_MS, defaultLifetimeMs);
    if (c.req.method !== 'GET' || lifetimeMs === 0) return next();
    const answers = recentAnswersFor(c.env.STATUS_KV);
    const key = [c.req.url, ...varyOn.map((name) => c.req.header(name) ?? '')].join('\n');
    const kept = answers.get(key, Date.now());
    const replayed = kept && replay(c.req.raw, kept);
    if (replayed) return replayed;
    await next();
    const etag = c.res.headers.get('etag');
    if (etag === null) return;
    const expires = Date.now() + lifetimeMs;
    // A weak ETag marks a body streamed as it is made (the whole history as one file, tens
    // of megabytes): reading a copy of it would hold all of it, so only its ETag is kept.
    if (c.res.status === 200 && !etag.startsWith('W/')) {
      const body = await c.res.clone().arrayBuffer();
      answers.set(key, { headers: headersToKeep(c.res, keptHeaders), body, expires });
    } else if (c.res.status === 200 || c.res.status === 304) {
      answers.set(key, { headers: headersToKeep(c.res, [...notModifiedHeaders]), body: undefined, expires });
    }
  };
}
