import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { defaultFeedRequest, renderSubscriptionFeed } from '../../src/answers/feeds.ts';
import { sha256Hex } from '../../src/digest.ts';
import { placeDocument } from '../../src/domain/documents.ts';
import { feedFormatNames } from '../../src/render/feed-formats.ts';
import { placeListFileNames, placeListFiles } from '../../src/render/place-list-files.ts';
import { historyPage } from '../../src/services/history-answers.ts';
import { answerKey, scopeValueKey } from '../../src/store/keys.ts';
import { decodeScopeHeader, encodeScopeValue, entriesOf } from '../../src/store/scope-value.ts';
import { answerEntry, derivedLayout, documentEntry, StatusStore } from '../../src/store/status-store.ts';
import { call, json } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { loadSyntheticHistory } from '../support/bulk.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { writers } from '../support/writers.ts';

// A derived value is read without a schema pass: its seal (the layout in the key's metadata,
// and each entry's SHA-256 in the value's header) is what keeps a damaged or foreign value
// from being trusted.

type Damage = (key: string) => Promise<void>;

/** Bytes of every entry changed under an intact seal: a value damaged after it was written. */
const flipped: Damage = async (key) => {
  const { value, metadata } = await env.STATUS_KV.getWithMetadata(key, 'text');
  const text = value ?? '';
  const bodyStart = text.indexOf('\n') + 1;
  const damaged =
    text.slice(0, bodyStart) + text.slice(bodyStart).replace(/\d/g, (d) => String((Number(d) + 1) % 10));
  expect(damaged).not.toBe(value);
  await env.STATUS_KV.put(key, damaged, { metadata });
};

/** A header that no longer says where the entries are. */
const misplaced: Damage = async (key) => {
  const { value, metadata } = await env.STATUS_KV.getWithMetadata(key, 'text');
  await env.STATUS_KV.put(
    key,
    (value ?? '').replace(/\[(\d+),/g, (_, at) => `[${Number(at) + 1},`),
    {
      metadata,
    },
  );
};

/** A value some other program wrote: well-formed JSON of another shape, with no seal. */
const foreign: Damage = (key) => env.STATUS_KV.put(key, JSON.stringify({ places: 'none', head: 7 }));

/** A value sealed in an older layout: what a deploy that changed the shapes finds. */
const olderLayout: Damage = async (key) => {
  const { value, metadata } = await env.STATUS_KV.getWithMetadata<Record<string, unknown>>(key, 'text');
  await env.STATUS_KV.put(key, value ?? '', { metadata: { ...metadata, layout: derivedLayout - 1 } });
};

const damages = { flipped, misplaced, foreign, 'older layout': olderLayout };

describe('derived values are sealed', () => {
  it.each(Object.entries(damages))(
    'treats a %s value as absent, and answers from its writer',
    async (name, damage) => {
      const slug = `sealed-${name.replace(' ', '-')}`;
      await createPlace(slug);
      const report = await postReport(syntheticReport(slug));
      const scope = { kind: 'place', slug } as const;
      for (const key of [scopeValueKey(scope), scopeValueKey({ kind: 'all' })]) await damage(key);

      const store = new StatusStore(env.STATUS_KV);
      expect(await store.getPlaceDocument(slug)).toBeUndefined();
      expect(await store.getPlacesAnswer()).toBeUndefined();
      expect(await store.getFirstPageDocument(scope)).toBeUndefined();

      const place = await call(`/api/v1/places/${slug}`);
      expect(place.status).toBe(200);
      expect((await json(place)).reportCount).toBe(1);
      const places = await json(await call('/api/v1/places'));
      expect(places.places.map((p: { slug: string }) => p.slug)).toContain(slug);
      const history = await json(await call(`/api/v1/places/${slug}/reports`));
      expect(history.reports.map((r: { id: string }) => r.id)).toEqual([report.id]);
      const recent = await json(await call('/api/v1/reports'));
      expect(recent.reports.map((r: { id: string }) => r.id)).toContain(report.id);
      const feed = await call(`/feeds/places/${slug}.atom`);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain(report.id);
    },
  );

  it('checks a document against its schema when it is written, not when it is read', () => {
    const doc = { place: { slug: 'unsound' }, status: {}, head: [], reportCount: -1 };
    expect(() => documentEntry(placeDocument, doc as never)).toThrow();
    expect(placeDocument.safeParse(doc).success).toBe(false);
  });

  it('reads a value written before its entries were compressed as it is', async () => {
    const text = 'an entry as it was written: ünïcode';
    const bytes = new TextEncoder().encode(text);
    const head = new TextEncoder().encode(
      `${JSON.stringify({ entries: { one: [0, bytes.length, await sha256Hex(bytes), {}] } })}\n`,
    );
    const value = new Uint8Array(head.length + bytes.length);
    value.set(head);
    value.set(bytes, head.length);
    const header = await decodeScopeHeader(value, (await sha256Hex(head)).slice(0, 32));
    expect(header?.compressed).toBe(false);
    const entries = header && entriesOf(header, async () => value);
    expect(new TextDecoder().decode(await entries?.get('one')?.bytes())).toBe(text);
  });

  it('reads only the entry it serves: one damaged entry leaves the others of its scope', async () => {
    const { value, version } = await encodeScopeValue({
      one: { text: 'first entry', about: {} },
      two: { text: 'second entry: ünïcode', about: { etag: '"2"' } },
    });
    const header = await decodeScopeHeader(value, version);
    if (!header) throw new Error('the header did not decode');
    const [at, length] = header.entries.one ?? [0, 0];
    const damaged = value.slice();
    const middle = header.length + at + Math.floor(length / 2);
    damaged[middle] = (damaged[middle] ?? 0) ^ 0x20;
    const entries = entriesOf(header, async () => damaged);
    expect(await entries?.get('one')?.bytes()).toBeUndefined();
    const two = entries?.get('two');
    expect(two?.about).toEqual({ etag: '"2"' });
    expect(new TextDecoder().decode(await two?.bytes())).toBe('second entry: ünïcode');
  });
});

describe('answers stored by their writers', () => {
  it('give the newest history page with its next link for the URL asked', async () => {
    await loadSyntheticHistory('stored-history', 60);
    const store = new StatusStore(env.STATUS_KV);
    for (const scope of [{ kind: 'place', slug: 'stored-history' } as const, { kind: 'all' } as const]) {
      const path = scope.kind === 'all' ? '/api/v1/reports' : '/api/v1/places/stored-history/reports';
      for (const url of [`http://status.test${path}`, `https://127.0.0.1:8443${path}?limit=50`]) {
        const served = await exports.default.fetch(new Request(url));
        const page = await historyPage(store, writers, {
          scope,
          filter: {},
          limit: 50,
          cursor: undefined,
          url,
        });
        expect(page.next).toMatch(new RegExp(`^${url.replace('?', '\\?')}[?&]cursor=`));
        expect(await served.text()).toBe(JSON.stringify(page));
        expect(served.headers.get('content-type')).toBe('application/json');
      }
    }
  });

  it('are stored as their own bytes, with NULs where the origin goes, or as JSON when a part holds a NUL', async () => {
    const store = new StatusStore(env.STATUS_KV);
    const scope = { kind: 'place', slug: 'parts' } as const;
    for (const parts of [['<a href="', '/x">x</a>'], ['a\u0000b', 'c'], ['one part']]) {
      const key = { kind: 'place', slug: 'parts' } as const;
      const entry = answerEntry({ etag: '"e"', updated: null, parts });
      await store.putScope(scope, await encodeScopeValue({ [answerKey(key)]: entry }));
      const filled = await (await store.openAnswer(key))?.body('https://status.example.org');
      const text = typeof filled === 'string' ? filled : new TextDecoder().decode(filled);
      expect(text).toBe(parts.join('https://status.example.org'));
      expect(entry.text).toBe(parts[0] === 'a\u0000b' ? JSON.stringify(parts) : parts.join('\u0000'));
    }
  });

  it('are the bytes a rendering at the asking origin gives, whatever the origin', async () => {
    const slug = 'stored-answers';
    await createPlace(slug);
    await postReport(
      syntheticReport(slug, { summary: { text: 'https://origin-one.invalid', language: 'en' } }),
    );
    const store = new StatusStore(env.STATUS_KV);
    for (const scope of [{ kind: 'place', slug } as const, { kind: 'all' } as const]) {
      const doc = await (await store.openFeedDocument(scope))?.read();
      if (!doc) throw new Error('no feed document');
      for (const format of feedFormatNames) {
        for (const at of ['http://status.test', 'https://127.0.0.1:8443']) {
          const request = defaultFeedRequest(scope, format, at, 60, undefined);
          const served = await exports.default.fetch(new Request(request.url));
          expect(await served.text()).toBe(renderSubscriptionFeed(doc, request));
        }
      }
    }
    const places = (await store.getPlacesDocument())?.places ?? [];
    for (const name of placeListFileNames) {
      for (const at of ['http://status.test', 'https://127.0.0.1:8443']) {
        const served = await exports.default.fetch(new Request(`${at}${placeListFiles[name].path}`));
        expect(served.headers.get('etag')).toBeTruthy();
        expect(await served.text()).toBe(placeListFiles[name].render(places, { origin: at }));
      }
    }
    const view = await json(await call(`/api/v1/places/${slug}`));
    const placeDoc = await store.getPlaceDocument(slug);
    expect(view).toEqual({ place: placeDoc?.place, status: placeDoc?.status, reportCount: 1 });
  });
});
