// Feed conformance checked by programs that did not write the feeds: libxml2's xmllint
// (compiled to WebAssembly, so npm alone installs it) validates Atom against RFC 4287's
// RELAX NG schema and RSS and OPML for well-formedness, fast-xml-parser
// reads them back, and SchemaStore's JSON Feed schema checks JSON Feed. The renderers are
// the Worker's own, fed with SYNTHETIC reports (and the seed), hostile text included.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import seedFile from '../../seeds/bakhmut.json' with { type: 'json' };
import { deriveFeedEntries, type FeedDocument, feedPlaceOf } from '../../src/domain/feed.ts';
import { newReportId } from '../../src/domain/ids.ts';
import type { Language } from '../../src/domain/languages.ts';
import {
  type Place,
  place,
  type Report,
  type ReportInput,
  reportInput,
  verificationStates,
} from '../../src/domain/model.ts';
import { summarizeReport } from '../../src/domain/status.ts';
import { renderAtom } from '../../src/render/atom.ts';
import { type FeedHead, type FeedItem, itemFromEntry, itemFromSummary } from '../../src/render/feed-items.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { renderOpml } from '../../src/render/opml.ts';
import { renderRss } from '../../src/render/rss.ts';
import type { FeedSite } from '../../src/render/site.ts';
import { unescapeHtmlOnce } from '../support/html-text.ts';

// Copies kept in the repository; tests/fixtures/README.md gives their origin and licence.
const fixtures = join(import.meta.dirname, '../fixtures/schemas');
const atomSchema = readFileSync(join(fixtures, 'atom.rng'), 'utf8');
const readSchema = (name: string) => JSON.parse(readFileSync(join(fixtures, 'jsonfeed', name), 'utf8'));

/** SchemaStore's JSON Feed 1.1 schema, with the 1.0 schema it refers to as "feed-1". */
function jsonFeedValidator(): Validator {
  const validator = new Validator(readSchema('feed.json'), '4');
  validator.addSchema(readSchema('feed-1.json'), 'https://json.schemastore.org/feed-1');
  return validator;
}
const jsonFeed = jsonFeedValidator();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text' });

/** xmllint: against Atom's RELAX NG schema, or for well-formedness alone. */
async function xmllint(xml: string, against?: 'atom'): Promise<void> {
  const file = { fileName: 'feed.xml', contents: xml };
  const result = await validateXML(
    against
      ? { xml: [file], schema: [{ fileName: 'atom.rng', contents: atomSchema }], extension: 'relaxng' }
      : { xml: [file], normalization: 'format' },
  );
  expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
}

const site: FeedSite = {
  origin: 'https://status.example.org',
  self: 'https://status.example.org/feeds/places/testville.atom',
  current: 'https://status.example.org/feeds/places/testville.atom',
  alternate: 'https://status.example.org/places/testville',
  previousArchive: 'https://status.example.org/feeds/places/testville.atom?cursor=abc',
  id: 'urn:uuid:00000000-0000-8000-8000-000000000000',
  title: 'Humanitarian status: Testville (synthetic)',
  mediaType: 'application/atom+xml',
  language: 'en',
};

const seedPlace: Place = place.parse(seedFile.place);
/** The seed's current version: its last entry, which corrects the first. */
const seedReport = reportInput.parse(seedFile.reports.at(-1)?.report);

function accepted(input: ReportInput, minute: number, corrects?: Report['corrects']): Report {
  const at = new Date(Date.UTC(2024, 2, 15, 12, minute));
  return {
    ...input,
    id: newReportId(at, (bytes) => bytes.fill(minute)),
    published: at.toISOString(),
    ...(corrects ? { corrects } : {}),
  };
}

/**
 * A document with a new report, a corrected one and a retracted one: three report entries,
 * and the correction and the retraction each an entry of its own.
 */
function documentFor(of: Place, input: ReportInput): FeedDocument {
  const first = accepted(input, 1);
  const corrected = accepted({ ...input, verification: 'disputed' }, 2);
  const correction = accepted({ ...input, verification: 'corroborated' }, 3, {
    report: corrected.id,
    reason: 'SYNTHETIC: corroborated by a second source',
  });
  const retracted = accepted(input, 4);
  const fates = new Map([
    [first.id, { state: 'active' as const }],
    [corrected.id, { state: 'superseded' as const }],
    [correction.id, { state: 'active' as const }],
    [retracted.id, { state: 'retracted' as const }],
  ]);
  const retraction = {
    report: retracted.id,
    reason: 'SYNTHETIC: withdrawn',
    retracted: '2024-03-15T13:00:00.000Z',
  };
  const entries = deriveFeedEntries(
    [first, corrected, correction, retracted],
    fates,
    new Map([[retracted.id, retraction]]),
    () => feedPlaceOf(of),
  );
  return { place: of, entries, updated: entries[0]?.updated ?? null, archiveAfter: first.id };
}

async function validateAll(items: readonly FeedItem[], head: FeedHead, language: Language = 'en') {
  const inLanguage = { ...site, language };
  const atom = renderAtom(items, head, inLanguage);
  await xmllint(atom, 'atom');
  const rss = renderRss(
    items,
    head,
    { ...inLanguage, self: site.self.replace('.atom', '.rss'), mediaType: 'application/rss+xml' },
    { ttlMinutes: 1 },
  );
  await xmllint(rss);
  const json = JSON.parse(renderJsonFeed(items, head, { ...inLanguage, mediaType: 'application/feed+json' }));
  const result = jsonFeed.validate(json);
  expect(result.errors).toEqual([]);
  return { atom: parser.parse(atom), rss: parser.parse(rss), json };
}

function checkAll(doc: FeedDocument, language: Language = 'en') {
  const items = doc.entries.map((entry) => itemFromEntry(entry, site.origin, language));
  const head = { updated: doc.updated, coordinates: doc.place?.coordinates, archive: false };
  return validateAll(items, head, language);
}

describe.each(['nl', 'uk'] as const)('the seeded Bakhmut report as feeds in %s', (language) => {
  it('is valid Atom, RSS and JSON Feed that say their language, with entries in it', async () => {
    const { atom, rss, json } = await checkAll(documentFor(seedPlace, seedReport), language);
    expect(atom.feed['@xml:lang']).toBe(language);
    expect(rss.rss.channel.language).toBe(language);
    expect(json.language).toBe(language);
    const title = atom.feed.entry[0].title as string;
    expect(title).toContain(language === 'uk' ? 'листопад 2022' : 'november 2022');
    expect(atom.feed.entry[0].link[0]['@href']).toMatch(new RegExp(`\\?lang=${language}$`));
  });
});

describe('the seeded Bakhmut report as feeds', () => {
  let atom: any;
  let rss: any;
  let json: any;
  beforeAll(async () => {
    ({ atom, rss, json } = await checkAll(documentFor(seedPlace, seedReport)));
  });

  it('would be refused by the validator if an element RFC 4287 requires were missing', async () => {
    const valid = renderAtom([], { updated: null, archive: false }, site);
    await xmllint(valid, 'atom');
    await expect(xmllint(valid.replace(/<id>[^<]*<\/id>/, ''), 'atom')).rejects.toThrow();
  });

  it('is valid Atom with every required element, georss points, tombstones and an archive link', () => {
    const feed = atom.feed;
    expect(feed['@xml:lang']).toBe('en');
    expect(feed.id).toMatch(/^urn:uuid:/);
    expect(feed.link.map((l: Record<string, string>) => l['@rel']).sort()).toEqual([
      'alternate',
      'prev-archive',
      'self',
    ]);
    expect(feed['georss:point']).toBe('48.5956 38.0006');
    expect(feed.entry).toHaveLength(5);
    expect(new Set(feed.entry.map((e: { id: string }) => e.id)).size).toBe(5);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(Date.parse(entry.published)).not.toBeNaN();
      expect(Date.parse(entry.updated)).not.toBeNaN();
      expect(entry.author.name).toBe(seedReport.source.name);
      const verificationCategory = entry.category.at(-1);
      expect(verificationStates).toContain(verificationCategory['@term']);
      expect(verificationCategory['@scheme']).toMatch(/#verification$/);
      expect(entry.category[0]['@scheme']).toBe('https://status.example.org/api/v1/indicators');
      expect(entry['georss:point']).toBe('48.5956 38.0006');
      expect(entry.content['@type']).toBe('html');
    }
    const titles = feed.entry.map((e: { title: string }) => e.title);
    expect(titles).toContain(
      'Retracted: \u2068Bakhmut\u2069, November 2022: no electricity, gas or running water for about two months; 12,000 of about 80,000 residents remain; at least 120 civilians killed in all (unconfirmed)',
    );
    expect(
      titles.some(
        (t: string) =>
          t.startsWith('Corrected: \u2068Bakhmut\u2069, November 2022: ') && t.endsWith('(corroborated)'),
      ),
    ).toBe(true);
    expect(titles).toContain(
      'Correction to \u2068Bakhmut\u2069, November 2022: no electricity, gas or running water for about two months; 12,000 of about 80,000 residents remain; at least 120 civilians killed in all (corroborated), because \u2068SYNTHETIC: corroborated by a second source\u2069',
    );
    expect(titles).toContain(
      'Withdrawn: \u2068Bakhmut\u2069, November 2022: no electricity, gas or running water for about two months; 12,000 of about 80,000 residents remain; at least 120 civilians killed in all (unconfirmed), because \u2068SYNTHETIC: withdrawn\u2069',
    );
    const tombstone = feed['at:deleted-entry'];
    expect(tombstone['@ref']).toBe(
      feed.entry.find((e: { title: string }) => e.title.startsWith('Retracted')).id,
    );
    expect(tombstone['at:comment']).toBe('SYNTHETIC: withdrawn');
  });

  it('is RSS 2.0 with atom:link self, opaque guids, RFC 822 dates, dc:creator, categories and ttl', () => {
    const channel = rss.rss.channel;
    expect(channel['atom:link'].map((l: Record<string, string>) => l['@rel'])).toEqual([
      'self',
      'prev-archive',
    ]);
    expect(channel.ttl).toBe(1);
    expect(channel.item).toHaveLength(5);
    const withdrawal = channel.item.find((i: { title: string }) => i.title.startsWith('Withdrawn: '));
    expect(withdrawal.pubDate).toBe('Fri, 15 Mar 2024 13:00:00 GMT');
    for (const item of channel.item) {
      expect(item.guid['@isPermaLink']).toBe('false');
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(item['dc:creator']).toBe(seedReport.source.name);
      // one date per item: dc:date beside pubDate is a duplicate the W3C validator warns about
      expect(item['dc:date']).toBeUndefined();
      expect(item.author).toBeUndefined();
      expect(item.category.length).toBeGreaterThan(1);
    }
  });

  it('is JSON Feed 1.1 with authors, language and the figures in _humanitarian', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.language).toBe('en');
    expect(json.authors).toEqual([{ name: 'Humanitarian status feed' }]);
    const retracted = json.items.find(
      (i: { _humanitarian: { change: string } }) => i._humanitarian.change === 'retraction',
    );
    expect(retracted._humanitarian.reason).toBe('SYNTHETIC: withdrawn');
    const deaths = retracted._humanitarian.figures.find(
      (f: { indicator: string }) => f.indicator === 'civilian_deaths',
    );
    expect(deaths).toMatchObject({ value: 120, qualifier: 'at_least' });
    for (const item of json.items) {
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      expect(Number.isNaN(Date.parse(item.date_modified))).toBe(false);
    }
  });

  it('lists feeds in well-formed OPML 2.0', async () => {
    const opml = renderOpml(
      'Feeds',
      [
        {
          text: 'Українська',
          language: 'uk',
          feeds: [
            {
              title: 'Бахмут',
              xmlUrl: 'https://x/feeds/uk/places/bakhmut.atom',
              htmlUrl: 'https://x/places/bakhmut?lang=uk',
            },
          ],
        },
      ],
      null,
    );
    await xmllint(opml);
    expect(parser.parse(opml).opml['@version']).toBe('2.0');
  });
});

// Text that must come out of every feed as text: markup, CDATA ends, entities, bidi marks,
// emoji, very long words, Dutch and Ukrainian, and control characters the API refuses.
const hostile = fc.oneof(
  fc.constantFrom(
    ']]>',
    '<script>alert(1)</script>',
    '&amp; & &lt;',
    '\u202Eevil\u202C',
    '\u200F\u200E',
    '😀🇺🇦',
    'x'.repeat(500),
    'Van de bijna 80.000 oorspronkelijke inwoners',
    'Бахмут — місто',
    '"quotes" \'apostrophes\'',
    'a\u0000b\u0007c',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
);

describe('archive pages (RFC 5005)', () => {
  it('are valid Atom marked fh:archive, with current and prev-archive links, built from summaries', async () => {
    const doc = documentFor(seedPlace, seedReport);
    const items = doc.entries.map((e) =>
      itemFromSummary(
        summarizeReport(e.report, { state: e.change === 'retraction' ? 'retracted' : 'active' }),
        e.place,
        site.origin,
        'en',
      ),
    );
    const { atom, json } = await validateAll(items, {
      updated: doc.updated,
      coordinates: seedPlace.coordinates,
      archive: true,
    });
    expect(atom.feed['fh:archive']).toBe('');
    expect(atom.feed.link.map((l: Record<string, string>) => l['@rel']).sort()).toEqual([
      'alternate',
      'current',
      'prev-archive',
      'self',
    ]);
    expect(atom.feed.entry[0].title).toMatch(
      /^(Retracted|Correction): \u2068Bakhmut\u2069, November 2022: |^\u2068Bakhmut\u2069, November 2022: /,
    );
    expect(json._humanitarian.archive).toBe(true);
    expect(json.items[0]._humanitarian.figures.length).toBeGreaterThan(0);
  });
});

describe('hostile text in reports', () => {
  it('always renders valid feeds that show it as text, never as markup', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (name, summaryText, note) => {
        const input = reportInput.safeParse({
          ...seedFile.reports.at(-1)?.report,
          summary: { text: summaryText, language: 'en' },
          source: { ...seedReport.source, name, role: 'SYNTHETIC role' },
          figures: [{ indicator: 'civilian_deaths', value: 3, qualifier: 'exact', note }],
        });
        // Text the model refuses (control characters, blank) never reaches a renderer.
        fc.pre(input.success);
        if (!input.success) return;
        const placeInput = place.parse({ ...seedFile.place, names: { en: name } });
        const { atom, rss, json } = await checkAll(documentFor(placeInput, input.data));
        const expectedName = input.data.source.name;
        const entry = atom.feed.entry[0];
        expect(String(entry.author.name)).toBe(`${expectedName}, SYNTHETIC role`);
        expect(String(entry.content['#text'] ?? entry.content)).not.toMatch(/<script/i);
        // RSS's text is HTML to readers: they unescape once more (src/render/escape.ts says why).
        expect(unescapeHtmlOnce(String(rss.rss.channel.item[0]['dc:creator']))).toBe(
          `${expectedName}, SYNTHETIC role`,
        );
        expect(json.items[0].summary).toBe(input.data.summary.text);
      }),
      { numRuns: 60, seed: 20221101 },
    );
  });
});
