// Reports with hostile text posted through the API: every feed must still parse, and show
// the text as text, never as markup. RELAX NG validation of the same renderers runs in
// tests/node (xmllint cannot run inside workerd).

import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { createPlace } from '../support/seed-api.ts';

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
        expect(String(item['dc:creator'])).toBe(stored.source.name);
        expect(jsonFeed.items[0].summary).toBe(stored.summary.text);
        expect(jsonFeed.items[0].authors[0].name).toBe(stored.source.name);
      }),
      { numRuns: 40, seed: 6889800 },
    );
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0);
  });
});
