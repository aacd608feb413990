// Reports with hostile text posted through the API: every feed must still parse, and show
// the text as text, never as markup. RELAX NG validation of the same renderers runs in
// tests/node (xmllint cannot run inside workerd).

import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { StatusStore } from '../../src/store/status-store.ts';
import { call, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { unescapeHtmlOnce } from '../support/html-text.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { writers } from '../support/writers.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'item'].includes(name),
});

const hostile = fc.oneof(
  fc.constantFrom(
    ']]>',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'Tom & Jerry &amp; &lt;b&gt;',
    '\u202Eevil\u202C and \u200F',
    '😀🇺🇦👩‍👩‍👧',
    'x'.repeat(1000),
    'Van de bijna 80.000 oorspronkelijke inwoners blijven er slechts 12.000 over',
    'Бахмут — місто в Донецькій області',
    'line one\nline two\tand a tab',
    'a\u0000b',
    'bell\u0007',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
);

describe('feeds with hostile text', () => {
  beforeAll(async () => {
    await createPlace('hostile');
  });

  it('stay well-formed and show the text escaped, or the API refuses the text', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (name, text) => {
        const input = syntheticReport('hostile', {
          source: { name: name.slice(0, 100), kind: 'media', language: 'nl' },
          summary: { text, language: 'nl' },
        });
        const response = await send('POST', '/api/v1/reports', input, { as: 'reporter' });
        if (response.status === 422) {
          refused++;
          return;
        }
        expect(response.status).toBe(201);
        accepted++;
        const stored = (await response.json()) as {
          id: string;
          source: { name: string };
          summary: { text: string };
        };
        const atomText = await (await call('/feeds/places/hostile.atom?limit=1')).text();
        const rssText = await (await call('/feeds/places/hostile.rss?limit=1')).text();
        const jsonFeed = JSON.parse(await (await call('/feeds/places/hostile.json?limit=1')).text());
        for (const xml of [atomText, rssText]) {
          expect(XMLValidator.validate(xml)).toBe(true);
          expect(xml).not.toMatch(/<script|<img/i);
        }
        const entry = parser.parse(atomText).feed.entry[0];
        expect(String(entry.author.name)).toBe(stored.source.name);
        const item = parser.parse(rssText).rss.channel.item[0];
        // RSS's text is HTML to readers: they unescape once more (src/render/escape.ts says why).
        expect(unescapeHtmlOnce(String(item['dc:creator']))).toBe(stored.source.name);
        expect(jsonFeed.items[0].summary).toBe(stored.summary.text);
        expect(jsonFeed.items[0].authors[0].name).toBe(stored.source.name);
      }),
      { numRuns: 40, seed: 6889800 },
    );
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0);
    // Forty reports, each written with every document and answer its writers derive.
  }, 20_000);
});

describe('text where it meets generated text', () => {
  it('is isolated, so a right-to-left override in a stored name reorders nothing around it', async () => {
    // Such a name can no longer be written through the API; stored before, it is still shown.
    const store = new StatusStore(env.STATUS_KV);
    await store.putPlace({
      ...syntheticPlace({ names: { en: 'Overtown\u202E (synthetic)', nl: 'Overdorp\u202E' } }),
      slug: 'override',
    });
    await writers.place('override').resync('override');
    await postReport(
      syntheticReport('override', {
        figures: [
          { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least', note: 'SYNTHETIC\u202E note' },
        ],
      }),
    );
    const atom = parser.parse(await (await call('/feeds/places/override.atom')).text()).feed;
    expect(String(atom.title)).toBe('Humanitarian status: \u2068Overtown\u202E (synthetic)\u2069');
    expect(String(atom.entry[0].title)).toBe(
      '\u2068Overtown\u202E (synthetic)\u2069, 15 March 2024: at least 120 civilians killed in all (unconfirmed)',
    );
    expect(String(atom.entry[0].content['#text'])).toContain('<em>(<bdi>SYNTHETIC\u202E note</bdi>)</em>');
    const page = await (await call('/places/override', { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('<title>\u2068Overtown\u202E (synthetic)\u2069: humanitarian status');
    expect(page).toContain('<h1><bdi>Overtown\u202E (synthetic)</bdi></h1>');
    expect(page).toContain('Also known as: <bdi lang="nl">Overdorp\u202E</bdi>');
    const opml = await (await call('/feeds.opml')).text();
    expect(opml).toContain('title="\u2068Overtown\u202E (synthetic)\u2069"');
  });

  it('is written as HTML in an RSS channel description, as in an item, so no markup reaches a reader', async () => {
    await createPlace('markup', { en: '<script>alert(1)</script> (synthetic)' });
    await postReport(syntheticReport('markup'));
    const rss = parser.parse(await (await call('/feeds/places/markup.rss')).text()).rss.channel;
    // One parse gives HTML, as a reader gets it: the markup is still escaped there.
    expect(String(rss.description)).toBe(
      'Reported humanitarian conditions: Humanitarian status: \u2068&lt;script&gt;alert(1)&lt;/script&gt; (synthetic)\u2069',
    );
    expect(String(rss.description)).not.toContain('<script');
  });
});
