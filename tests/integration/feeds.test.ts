import { env } from 'cloudflare:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { scopeValueKey } from '../../src/store/keys.ts';
import { call, json, origin, send } from '../support/api.ts';
import { deaths, syntheticReport, unknownIndicator } from '../support/builders.ts';
import { unescapeHtmlOnce } from '../support/html-text.ts';
import { createPlace, postReport } from '../support/seed-api.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'item', 'link', 'category'].includes(name),
});

const contentTypes = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;

async function readFeed(path: string) {
  const response = await call(path);
  expect(response.status, path).toBe(200);
  const text = await response.text();
  if (path.includes('.json')) return { response, feed: JSON.parse(text) };
  expect(XMLValidator.validate(text)).toBe(true);
  return { response, feed: parser.parse(text) };
}

describe('feed URLs', () => {
  it('serves every scope in every format with its content type, parsed by an independent parser', async () => {
    await createPlace('feedtown');
    await postReport(syntheticReport('feedtown', { figures: [deaths(7)] }));
    for (const path of ['/feeds/all', '/feeds/places/feedtown']) {
      for (const format of ['atom', 'rss', 'json'] as const) {
        const { response, feed } = await readFeed(`${path}.${format}`);
        expect(response.headers.get('content-type')).toBe(contentTypes[format]);
        const titles =
          format === 'atom'
            ? feed.feed.entry.map((e: any) => e.title)
            : format === 'rss'
              ? feed.rss.channel.item.map((i: any) => i.title)
              : feed.items.map((i: any) => i.title);
        expect(titles).toContain(
          '\u2068feedtown (synthetic)\u2069, 15 March 2024: at least 7 civilians killed in all (unconfirmed)',
        );
      }
    }
  });

  it('name the status page of their scope as the page they describe', async () => {
    await createPlace('pagetown');
    const pages = {
      '/feeds/all': 'http://status.test/',
      '/feeds/places/pagetown': 'http://status.test/places/pagetown',
    };
    for (const [path, page] of Object.entries(pages)) {
      const atom = (await readFeed(`${path}.atom`)).feed.feed;
      expect(atom.link.find((l: any) => l['@rel'] === 'alternate')).toMatchObject({
        '@type': 'text/html',
        '@href': page,
      });
      expect((await readFeed(`${path}.rss`)).feed.rss.channel.link).toEqual([page]);
      expect((await readFeed(`${path}.json`)).feed.home_page_url).toBe(page);
      expect((await call(new URL(page).pathname, { headers: { accept: 'text/html' } })).status).toBe(200);
    }
  });

  it('answers 404 for an unknown place and 400 for an unknown format or filter', async () => {
    expect((await call('/feeds/places/atlantis.atom')).status).toBe(404);
    expect((await call('/feeds/places/feedtown.xml')).status).toBe(400);
    expect((await call('/feeds/everything.atom')).status).toBe(400);
    expect((await call('/feeds/all.atom?limit=500')).status).toBe(400);
    expect((await call(`/feeds/all.atom?indicator=${encodeURIComponent(unknownIndicator)}`)).status).toBe(
      400,
    );
    expect((await call('/feeds/all.atom?colour=red')).status).toBe(400);
  });

  it('filters by indicator and verification (both repeatable) and bounds by limit', async () => {
    await createPlace('filterfeed');
    await postReport(syntheticReport('filterfeed', { figures: [deaths(1)], verification: 'verified' }));
    await postReport(syntheticReport('filterfeed', { figures: [{ indicator: 'gas', state: 'available' }] }));
    await postReport(syntheticReport('filterfeed', { figures: [deaths(2)], verification: 'disputed' }));
    const titles = async (query: string) =>
      (await readFeed(`/feeds/places/filterfeed.json?${query}`)).feed.items.map((i: any) => i.title);
    expect(await titles('indicator=gas')).toEqual([
      '\u2068filterfeed (synthetic)\u2069, 15 March 2024: gas available (unconfirmed)',
    ]);
    expect(await titles('verification=verified&verification=disputed')).toHaveLength(2);
    expect(await titles('indicator=gas&indicator=civilian_deaths&limit=2')).toHaveLength(2);
    expect(await titles('limit=1')).toEqual([
      '\u2068filterfeed (synthetic)\u2069, 15 March 2024: at least 2 civilians killed in all (disputed)',
    ]);
  });

  it('subscribes a reader once to each place and once to all places in OPML, in a folder per language, each to an Atom feed', async () => {
    await createPlace('opmltown');
    await createPlace('opmlvillage');
    const response = await call('/feeds.opml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    const opml = parser.parse(await response.text()).opml;
    expect(opml['@version']).toBe('2.0');
    const folders: any[] = [opml.body.outline].flat();
    expect(folders.map((f) => f['@text'])).toEqual(['English', 'Nederlands', 'Українська']);
    const places = (await json(await call('/api/v1/places'))).places.map((p: { slug: string }) => p.slug);
    expect(places).toEqual(expect.arrayContaining(['opmltown', 'opmlvillage']));
    const prefixes = { English: '/feeds/', Nederlands: '/feeds/nl/', Українська: '/feeds/uk/' } as const;
    for (const folder of folders) {
      const outlines: any[] = [folder.outline].flat();
      const prefix = `http://status.test${prefixes[folder['@text'] as keyof typeof prefixes]}`;
      expect(outlines.map((o) => o['@type'])).toEqual(Array(places.length + 1).fill('rss'));
      expect(outlines.map((o) => o['@xmlUrl']).sort()).toEqual(
        [`${prefix}all.atom`, ...places.map((slug: string) => `${prefix}places/${slug}.atom`)].sort(),
      );
      for (const outline of outlines) {
        const feed = await call(new URL(outline['@xmlUrl']).pathname);
        expect(feed.status).toBe(200);
        expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
        expect(parser.parse(await feed.text()).feed['@xml:lang']).toBe(outline['@language']);
      }
    }
    const [english, dutch, ukrainian] = folders.map((f) => [f.outline].flat());
    const town = (outlines: any[] | undefined) =>
      outlines?.find((o) => o['@xmlUrl'].endsWith('/opmltown.atom'));
    expect(town(english)?.['@htmlUrl']).toBe('http://status.test/places/opmltown');
    expect(town(dutch)?.['@htmlUrl']).toBe('http://status.test/places/opmltown?lang=nl');
    expect(town(ukrainian)?.['@htmlUrl']).toBe('http://status.test/places/opmltown?lang=uk');
  });
});

describe('feeds in each page language', () => {
  const names = { en: 'langtown (synthetic)', nl: 'Taaldorp (synthetisch)', uk: 'Мовне (синтетичне)' };

  it('serves the Dutch and Ukrainian feeds at URLs of their own, saying their language, in every format', async () => {
    await createPlace('langtown', names);
    await postReport(syntheticReport('langtown', { figures: [deaths(12000)] }));
    const expected = {
      nl: '\u2068Taaldorp (synthetisch)\u2069, 15 maart 2024: ten minste 12.000 burgerdoden in totaal (onbevestigd)',
      uk: '\u2068Мовне (синтетичне)\u2069, 15 березня 2024: загиблих цивільних — щонайменше 12\u00A0000 загалом (не підтверджено)',
    };
    for (const language of ['nl', 'uk'] as const) {
      for (const path of [`/feeds/${language}/all`, `/feeds/${language}/places/langtown`]) {
        const atom = (await readFeed(`${path}.atom`)).feed.feed;
        expect(atom['@xml:lang']).toBe(language);
        expect(atom.entry.map((e: any) => e.title)).toContain(expected[language]);
        expect(atom.link.find((l: any) => l['@rel'] === 'self')['@href']).toBe(`${origin}${path}.atom`);
        expect(atom.link.find((l: any) => l['@rel'] === 'hub')).toBeUndefined();
        const entryPage = atom.entry[0].link.find((l: any) => l['@type'] === 'text/html')['@href'];
        expect(entryPage).toMatch(new RegExp(`^${origin}/reports/[0-9A-Z]{26}\\?lang=${language}$`));
        const rss = (await readFeed(`${path}.rss`)).feed.rss.channel;
        expect(rss.language).toBe(language);
        expect(rss.item.map((i: any) => i.title)).toContain(expected[language]);
        const json = (await readFeed(`${path}.json`)).feed;
        expect(json.language).toBe(language);
        expect(json.items.map((i: any) => i.title)).toContain(expected[language]);
      }
    }
    const ukrainian = (await readFeed('/feeds/uk/places/langtown.atom')).feed.feed;
    expect(ukrainian.title).toBe('Гуманітарна ситуація: \u2068Мовне (синтетичне)\u2069');
    expect(ukrainian.link.find((l: any) => l['@rel'] === 'alternate')['@href']).toBe(
      `${origin}/places/langtown?lang=uk`,
    );
  });

  it('never vary by header, keep the English feed as it was, and write nothing to storage', async () => {
    await createPlace('headertown', names);
    await postReport(syntheticReport('headertown', { figures: [deaths(5)] }));
    const english = await (await call('/feeds/places/headertown.atom')).text();
    const keysBefore = (await env.STATUS_KV.list()).keys.length;
    const asked = async (path: string, acceptLanguage: string) =>
      (await call(path, { headers: { 'accept-language': acceptLanguage } })).text();
    expect(await asked('/feeds/places/headertown.atom', 'uk')).toBe(english);
    expect(english).toContain('xml:lang="en"');
    expect(english).toContain('civilians killed');
    const ukrainian = await asked('/feeds/uk/places/headertown.atom', 'nl, en;q=0.5');
    expect(ukrainian).toContain('xml:lang="uk"');
    expect(await asked('/feeds/uk/places/headertown.atom', 'en')).toBe(ukrainian);
    expect((await env.STATUS_KV.list()).keys.length).toBe(keysBefore);
  });

  it('answer 304 to the ETag of a translated feed, which is not the English one', async () => {
    await createPlace('etagtown', names);
    await postReport(syntheticReport('etagtown', { figures: [deaths(2)] }));
    const english = (await call('/feeds/places/etagtown.json')).headers.get('etag');
    const first = await call('/feeds/uk/places/etagtown.json');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    expect(etag).not.toBe(english);
    const again = await call('/feeds/uk/places/etagtown.json', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('answers 400 for a language that has no feeds, and 404 for an unknown place in one that has', async () => {
    expect((await call('/feeds/de/all.atom')).status).toBe(400);
    expect((await call('/feeds/en/all.atom')).status).toBe(400);
    expect((await call('/feeds/uk/places/atlantis.atom')).status).toBe(404);
  });
});

describe('lost feed documents', () => {
  it('are derived again from the reports before the feed is served', async () => {
    await createPlace('rebuildfeed');
    await postReport(syntheticReport('rebuildfeed', { figures: [deaths(3)] }));
    for (const scope of [{ kind: 'place', slug: 'rebuildfeed' } as const, { kind: 'all' } as const]) {
      await env.STATUS_KV.delete(scopeValueKey(scope));
    }
    for (const path of ['/feeds/places/rebuildfeed.json', '/feeds/all.json']) {
      const titles = (await readFeed(path)).feed.items.map((i: any) => i.title);
      expect(titles).toContain(
        '\u2068rebuildfeed (synthetic)\u2069, 15 March 2024: at least 3 civilians killed in all (unconfirmed)',
      );
    }
    expect(await env.STATUS_KV.get(scopeValueKey({ kind: 'place', slug: 'rebuildfeed' }))).not.toBeNull();
  });
});

/** An entry as a reader sees it in any format: its id, title and the date it is listed by. */
interface ReadEntry {
  id: string;
  title: string;
  published: string;
}

/** An entry's dates to the second: RSS's RFC 822 dates have no milliseconds. */
const toSecond = (date: string) => new Date(Math.floor(Date.parse(date) / 1000) * 1000).toISOString();

async function readEntries(path: string): Promise<ReadEntry[]> {
  const { feed } = await readFeed(path);
  if (path.includes('.atom')) {
    return (feed.feed.entry ?? []).map((e: any) => ({ id: e.id, title: e.title, published: e.published }));
  }
  if (path.includes('.rss')) {
    // RSS's titles are HTML to readers: they unescape once more (src/render/escape.ts says why).
    return (feed.rss.channel.item ?? []).map((i: any) => ({
      id: i.guid['#text'],
      title: unescapeHtmlOnce(String(i.title)),
      published: new Date(i.pubDate).toISOString(),
    }));
  }
  return feed.items.map((i: any) => ({ id: i.id, title: i.title, published: i.date_published }));
}

/**
 * A feed reader as newsboat, Miniflux or NetNewsWire behave: it keeps the ids it has seen and
 * shows as new only an entry whose id it has not seen.
 */
function readerOf(paths: readonly string[]) {
  const seen = new Map(paths.map((path) => [path, new Set<string>()]));
  return {
    /** Per feed, the entries it has not seen before. */
    async poll(): Promise<Map<string, ReadEntry[]>> {
      const fresh = new Map<string, ReadEntry[]>();
      for (const [path, ids] of seen) {
        const entries = await readEntries(path);
        fresh.set(
          path,
          entries.filter((e) => !ids.has(e.id)),
        );
        for (const e of entries) ids.add(e.id);
      }
      return fresh;
    },
  };
}

describe('corrections, retractions and restorations in feeds', () => {
  // Nine feeds read four times: more than the default 5 s on a loaded two-core machine.
  it('reach a reader that keeps the ids it has seen as entries it has not seen, at the time of the change', {
    timeout: 60_000,
  }, async () => {
    await createPlace('amend');
    const place = '\u2068amend (synthetic)\u2069, 15 March 2024';
    const paths = ['/feeds/places/amend', '/feeds/all', '/feeds/places/amend'].flatMap((base, n) =>
      (['atom', 'rss', 'json'] as const).map(
        (f) => `${base}.${f}${n === 2 ? '?indicator=civilian_deaths' : ''}`,
      ),
    );
    const reader = readerOf(paths);
    const original = await postReport(syntheticReport('amend', { figures: [deaths(40)] }));
    const first = await reader.poll();
    for (const path of paths)
      expect(
        first.get(path)?.map((e) => e.title),
        path,
      ).toContain(`${place}: at least 40 civilians killed in all (unconfirmed)`);
    const [originalEntry] = await readEntries('/feeds/places/amend.atom');

    const correction = await json(
      await send(
        'POST',
        `/api/v1/reports/${original.id}/corrections`,
        { ...syntheticReport('amend', { figures: [deaths(45)] }), reason: 'SYNTHETIC: recount <b>&</b>' },
        { as: 'moderator' },
      ),
    );
    const corrected = await reader.poll();
    for (const path of paths) {
      expect(corrected.get(path), path).toEqual([
        {
          id: expect.stringMatching(/^urn:uuid:/),
          title: `Correction to ${place}: at least 40 → at least 45 civilians killed (unconfirmed), because \u2068SYNTHETIC: recount <b>&</b>\u2069`,
          published: path.includes('.rss') ? toSecond(correction.published) : correction.published,
        },
      ]);
    }
    const amended = await readEntries('/feeds/places/amend.atom');
    expect(amended.find((e) => e.id === originalEntry?.id)?.title).toBe(
      `Corrected: ${place}: at least 45 civilians killed in all (unconfirmed)`,
    );
    const atom = (await readFeed('/feeds/places/amend.atom')).feed.feed;
    const [change, updatedOriginal] = atom.entry;
    expect(change.link.map((l: any) => [l['@rel'], l['@href']])).toEqual([
      ['alternate', `http://status.test/reports/${correction.id}`],
      ['alternate', `http://status.test/api/v1/reports/${correction.id}`],
      ['related', `http://status.test/reports/${original.id}`],
    ]);
    expect(change.content['#text']).toContain('SYNTHETIC: recount &lt;b&gt;&amp;&lt;/b&gt;');
    expect(updatedOriginal.id).toBe(originalEntry?.id);
    expect(updatedOriginal.updated).toBe(correction.published);

    const withdrawn = await json(
      await send(
        'POST',
        `/api/v1/reports/${correction.id}/retraction`,
        { reason: 'SYNTHETIC: wrong recount' },
        { as: 'moderator' },
      ),
    );
    const restored = await reader.poll();
    for (const path of paths) {
      expect(restored.get(path), path).toEqual([
        {
          id: expect.stringMatching(/^urn:uuid:/),
          title: `Restored: ${place}: at least 40 civilians killed in all (unconfirmed), as the correction that had replaced it was withdrawn because \u2068SYNTHETIC: wrong recount\u2069`,
          published: path.includes('.rss')
            ? toSecond(withdrawn.retraction.retracted)
            : withdrawn.retraction.retracted,
        },
      ]);
    }

    const gone = await json(
      await send(
        'POST',
        `/api/v1/reports/${original.id}/retraction`,
        { reason: 'SYNTHETIC: source withdrew it' },
        { as: 'moderator' },
      ),
    );
    const retracted = await reader.poll();
    for (const path of paths) {
      expect(retracted.get(path), path).toEqual([
        {
          id: expect.stringMatching(/^urn:uuid:/),
          title: `Withdrawn: ${place}: at least 40 civilians killed in all (unconfirmed), because \u2068SYNTHETIC: source withdrew it\u2069`,
          published: path.includes('.rss') ? toSecond(gone.retraction.retracted) : gone.retraction.retracted,
        },
      ]);
    }
    const entries = await readEntries('/feeds/places/amend.atom');
    expect(entries.find((e) => e.id === originalEntry?.id)?.title).toMatch(
      /^Retracted: \u2068amend \(synthetic\)\u2069, 15 March 2024: /,
    );
    const withTombstone = (await readFeed('/feeds/places/amend.atom')).feed.feed;
    expect(withTombstone['at:deleted-entry']['@ref']).toBe(originalEntry?.id);
    expect(withTombstone['at:deleted-entry']['at:comment']).toBe('SYNTHETIC: source withdrew it');
    const [announcement, entry] = (await readFeed('/feeds/places/amend.json')).feed.items;
    expect(announcement._humanitarian).toMatchObject({
      entry: 'change',
      change: 'retraction',
      changed: original.id,
      reason: 'SYNTHETIC: source withdrew it',
    });
    expect(entry._humanitarian).toMatchObject({
      entry: 'report',
      change: 'retraction',
      report: original.id,
      reason: 'SYNTHETIC: source withdrew it',
    });
  });
});

describe('HTTP caching of feeds', () => {
  it('sends a strong ETag, Last-Modified and Cache-Control, and answers 304 to If-None-Match', async () => {
    await createPlace('cachefeed');
    await postReport(syntheticReport('cachefeed'));
    const first = await call('/feeds/places/cachefeed.atom');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(Date.parse(first.headers.get('last-modified') ?? '')).not.toBeNaN();
    const again = await call('/feeds/places/cachefeed.atom', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const otherFormat = await call('/feeds/places/cachefeed.rss', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(otherFormat.status).toBe(200);
  });

  it('answers 304 to If-Modified-Since and 200 once the data changed', async () => {
    await createPlace('imsfeed');
    await postReport(syntheticReport('imsfeed'));
    const first = await call('/feeds/places/imsfeed.json');
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(
      (await call('/feeds/places/imsfeed.json', { headers: { 'if-modified-since': lastModified } })).status,
    ).toBe(304);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await postReport(syntheticReport('imsfeed', { observed: '2024-03-16' }));
    const changed = await call('/feeds/places/imsfeed.json', {
      headers: { 'if-none-match': first.headers.get('etag') ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(
      (await call('/feeds/places/imsfeed.json', { headers: { 'if-modified-since': lastModified } })).status,
    ).toBe(200);
  });

  it('renders the same data to the same bytes', async () => {
    await createPlace('stable');
    await postReport(syntheticReport('stable'));
    const a = await (await call('/feeds/places/stable.atom?limit=10')).text();
    const b = await (await call('/feeds/places/stable.atom?limit=10')).text();
    expect(b).toBe(a);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await call('/feeds/all.rss', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentTypes.rss);
    expect(response.headers.get('etag')).toBeTruthy();
    expect(await response.text()).toBe('');
  });

  it('opens GETs to every origin and writes to none', async () => {
    const get = await call('/feeds/all.atom', { headers: { origin: 'https://dashboard.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    // The preflight a page elsewhere holding a token sends before a write grants nothing.
    const preflight = await call('/api/v1/reports', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dashboard.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    // A read's preflight is granted, with the headers a conditional read needs and no others.
    const readPreflight = await call('/feeds/all.atom', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dashboard.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match, authorization',
      },
    });
    expect(readPreflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(readPreflight.headers.get('access-control-allow-headers')?.toLowerCase()).toBe(
      'if-none-match,if-modified-since',
    );
    const post = await send(
      'POST',
      '/api/v1/reports',
      {},
      { headers: { origin: 'https://dashboard.example' } },
    );
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('links a feed carries', () => {
  it('are built from the canonical request, whichever spelling of it came first', async () => {
    await createPlace('canon');
    for (let day = 1; day <= 3; day++) {
      await postReport(syntheticReport('canon', { observed: `2024-03-0${day}` }));
    }
    const canonical = `${origin}/feeds/places/canon.atom?indicator=electricity&verification=unconfirmed&limit=2`;
    const spellings = [
      '/feeds/places/canon.atom?limit=2&verification=unconfirmed&indicator=electricity&indicator=electricity',
      '/feeds/places/canon.atom?indicator=electricity&verification=unconfirmed&limit=2',
    ];
    for (const path of spellings) {
      const { response, feed } = await readFeed(path);
      expect(response.status).toBe(200);
      const links = feed.feed.link.map((l: any) => [l['@rel'], l['@href']]);
      expect(links).toContainEqual(['self', canonical]);
      const older = links.find(([rel]: string[]) => rel === 'prev-archive')?.[1] ?? '';
      expect(older.startsWith(`${canonical}&cursor=`)).toBe(true);
    }
    const byDefault = await readFeed('/feeds/places/canon.json?limit=50');
    expect(byDefault.feed.feed_url).toBe(`${origin}/feeds/places/canon.json`);
  });
});

describe('HTTP caching of the JSON API', () => {
  it.each(['/api/v1/places', '/api/v1/reports', '/api/v1/indicators'])(
    'GET %s has an ETag, Cache-Control and CORS, and answers 304 when the ETag matches',
    async (path) => {
      const first = await call(path, { headers: { origin: 'https://dashboard.example' } });
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await call(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    },
  );
});
