// The pages most readers get are the ones their writers stored (src/answers/pages.ts): served
// with one KV read and no rendering, the times said as of the request, and not after the
// moment a figure on them goes stale.

import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { staleAfter, staleFrom } from '../../src/domain/freshness.ts';
import type { HistoryScope } from '../../src/domain/history.ts';
import { type Language, pageLanguages } from '../../src/domain/languages.ts';
import { fillTimeSlots, hasOnlyTimeSlots } from '../../src/render/html/page-clock.ts';
import { answerKey } from '../../src/store/keys.ts';
import { encodeScopeValue } from '../../src/store/scope-value.ts';
import { answerEntry, StatusStore } from '../../src/store/status-store.ts';
import { origin } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { loadSyntheticHistory } from '../support/bulk.ts';
import { fetchCountingWith } from '../support/kv.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { writers } from '../support/writers.ts';

const store = new StatusStore(env.STATUS_KV);
const utf8 = new TextEncoder();
const text = new TextDecoder();
const page = (scope: HistoryScope, language: string) => ({ kind: 'page', scope, language }) as const;

/** A stored page that no renderer would make, so that a test sees which one it got. */
async function storeMarkedPage(
  scope: HistoryScope,
  until: string | null,
  added = '2024-03-15T10:00:00.000Z',
) {
  const parts = ['<p>stored for ', `, added \u0002${added}\u0003</p>`];
  const entry = answerEntry({ etag: '"marked"', updated: null, parts, until });
  await store.putScope(scope, await encodeScopeValue({ [answerKey(page(scope, 'nl'))]: entry }));
  return parts.join(origin);
}

/** What a stored page is at a moment between `before` and `after`: the words of one or the other. */
const filledBetween = (stored: string, before: Date, after: Date, language: Language) =>
  [before, after].map((at) =>
    text.decode(fillTimeSlots(new Uint8Array(utf8.encode(stored)), at, language).page),
  );

describe('pages stored by their writers', () => {
  it('are stored for both scopes in every page language, and served as stored with one KV read', async () => {
    await loadSyntheticHistory('stored-page-town', 30);
    for (const scope of [{ kind: 'all' }, { kind: 'place', slug: 'stored-page-town' }] as const) {
      for (const language of pageLanguages) {
        const opened = await store.openAnswer(page(scope, language));
        const stored = await opened?.body(origin);
        expect(stored).toBeDefined();
        const path = scope.kind === 'all' ? '/' : `/places/${scope.slug}`;
        const before = new Date();
        const { response, reads, counts } = await fetchCountingWith(path, { 'accept-language': language });
        const after = new Date();
        expect(response.status).toBe(200);
        expect(response.headers.get('content-language')).toBe(language);
        const served = await response.text();
        expect(
          filledBetween(typeof stored === 'string' ? stored : text.decode(stored), before, after, language),
        ).toContain(served);
        expect(hasOnlyTimeSlots(served) && !served.includes('\u0002')).toBe(true);
        expect([reads, counts.list]).toEqual([1, 0]);
      }
    }
  });

  // A place no writer knows: no writer writes a value of its own over the one stored here,
  // and a page that is not served as stored is not found.
  it('are served, their times filled, until the moment they hold until, with an ETag of the words said', async () => {
    const scope = { kind: 'place', slug: 'marked-page-town' } as const;
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const stored = await storeMarkedPage(scope, until);
    const before = new Date();
    const { response } = await fetchCountingWith(`/places/${scope.slug}`, { 'accept-language': 'nl' });
    const served = await response.text();
    expect(filledBetween(stored, before, new Date(), 'nl')).toContain(served);
    expect(served).toMatch(/^<p>stored for http:\/\/status\.test, added \d+ jaar geleden<\/p>$/);

    await storeMarkedPage(scope, until, new Date(Date.now() - 7_200_000).toISOString());
    const later = await fetchCountingWith(`/places/${scope.slug}`, { 'accept-language': 'nl' });
    expect(await later.response.text()).toContain('uur geleden');
    const etag = later.response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"marked-[0-9a-z]+"$/);
    expect(etag).not.toBe(response.headers.get('etag'));
    const again = await fetchCountingWith(`/places/${scope.slug}`, {
      'accept-language': 'nl',
      'if-none-match': etag,
    });
    expect(again.response.status).toBe(304);
  });

  it('are rendered again for a language chosen in the URL, for a writer, and once past that moment', async () => {
    const scope = { kind: 'place', slug: 'unknown-page-town' } as const;
    await storeMarkedPage(scope, null);
    const stored = await fetchCountingWith(`/places/${scope.slug}`, { 'accept-language': 'nl' });
    expect(await stored.response.text()).toContain('stored for');
    for (const [path, headers] of [
      [`/places/${scope.slug}?lang=nl`, {}],
      [`/places/${scope.slug}`, { 'accept-language': 'nl', cookie: 'desk_writer=1' }],
    ] as const) {
      expect((await fetchCountingWith(path, headers)).response.status).toBe(404);
    }
    await storeMarkedPage(scope, new Date(Date.now() - 1000).toISOString());
    const passed = await fetchCountingWith(`/places/${scope.slug}`, { 'accept-language': 'nl' });
    expect(passed.response.status).toBe(404);
  });

  it('are rendered again by their writer when a figure on them goes stale', async () => {
    const slug = 'current-page-town';
    await createPlace(slug);
    const today = new Date().toISOString().slice(0, 10);
    await postReport(syntheticReport(slug, { observed: today }));
    // Electricity is current for 14 days after the day it was observed.
    const until = new Date(staleFrom(staleAfter('electricity', today))).toISOString();
    for (const writer of [writers.place(slug), writers.allPlaces()]) {
      const heldUntil = () =>
        runInDurableObject(writer, async (_, state) => ({
          until: state.storage.kv.get<string | null>('holdsUntil'),
          alarm: await state.storage.getAlarm(),
        }));
      const held = await heldUntil();
      expect(held.until).toBe(until);
      expect(held.alarm ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(Date.parse(until));

      // As when that moment has come: the alarm renders the page again and says how long it holds.
      await runInDurableObject(writer, async (_, state) =>
        state.storage.kv.put('holdsUntil', '2024-01-01T00:00:00.000Z'),
      );
      expect(await runDurableObjectAlarm(writer)).toBe(true);
      expect((await heldUntil()).until).toBe(until);
    }
  });
});
