// Hostile text in every place a person writes it, read back from every feed format as a reader
// reads it: an XML parser unescapes once, and where readers take the text as HTML (all of
// RSS, OPML's text and title, HTML bodies) the result is HTML, so no tag of the text's own may
// be left in it and what it shows must be the text as written.

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedTitle } from '../../src/answers/feeds.ts';
import { deriveFeedEntries, feedPlaceOf } from '../../src/domain/feed.ts';
import { type Language, pageLanguages } from '../../src/domain/languages.ts';
import type { Place, Report, Retraction } from '../../src/domain/model.ts';
import { type ReportFate, summarizeReport } from '../../src/domain/status.ts';
import { feedFormats } from '../../src/render/feed-formats.ts';
import { type FeedHead, type FeedItem, itemFromEntry, itemFromSummary } from '../../src/render/feed-items.ts';
import { placeListFiles } from '../../src/render/place-list-files.ts';
import type { FeedSite } from '../../src/render/site.ts';
import { markupTexts } from '../hostile/markup-text.ts';
import { acceptedPlace, acceptedReport, deaths, placeWith } from '../support/builders.ts';
import { unescapeHtmlOnce } from '../support/html-text.ts';

const origin = 'https://status.test';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'item', 'category', 'outline', 'at:deleted-entry'].includes(name),
});

/** Text a reader takes as HTML: it must hold no tag at all, and shows as `expected`. */
function expectShownAsText(html: unknown, expected: string, where: string): void {
  const value = String(html);
  expect(value, where).not.toMatch(/<[a-z!/?]/i);
  expect(unescapeHtmlOnce(value), where).toBe(expected);
}

// The tags and attributes the renderers write in HTML bodies; any other is text become markup.
const ownTags = new Set(['p', 'ul', 'li', 'strong', 'em', 'bdi', 'q', 'br', 'a', 'blockquote']);
const ownAttributes = /^(?:\s(?:lang="[^"]*"|href="https?:\/\/[^"]*"))*$/;

/** An HTML body: only the renderer's own markup, and `text` shown in it as written. */
function expectHtmlShowing(html: unknown, text: string, where: string): void {
  const value = String(html);
  for (const [tag, name = '', attributes = ''] of value.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    expect(ownTags.has(name.toLowerCase()), `${where}: ${tag}`).toBe(true);
    expect(attributes, `${where}: ${tag}`).toMatch(ownAttributes);
    expect(attributes, `${where}: ${tag}`).not.toMatch(/javascript:/i);
  }
  expect(value.replace(/<\/?([^\s/>]+)([^>]*)>/g, ''), where).not.toMatch(/<[a-z!/?]/i);
  expect(unescapeHtmlOnce(value.replace(/<[^>]*>/g, '')), where).toContain(text);
}

/** Every text and attribute value of a parsed document, with the path of names to it. */
function* valuesOf(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === 'string') yield [path, node];
  else if (Array.isArray(node)) for (const child of node) yield* valuesOf(child, path);
  else if (typeof node === 'object' && node !== null) {
    for (const [name, child] of Object.entries(node)) {
      yield* valuesOf(child, name === '#text' ? path : `${path}/${name}`);
    }
  }
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** An element's text, whether the parser gave it as a string or with attributes. */
const textOf = (node: unknown): unknown =>
  typeof node === 'object' && node !== null && '#text' in node ? node['#text'] : node;

/**
 * A place and its reports with `text` in every field a person writes: the place's names, a
 * source's name, role and intermediary (the report's and a figure's own), a figure's note and
 * quote, a text figure, the summary and its original, a correction's reason and two
 * retractions' reasons. A retracted correction restores the report it corrected, and a
 * retracted report leaves a tombstone.
 */
function hostileFeed(text: string) {
  const place: Place = acceptedPlace({ names: { en: text, nl: text, uk: text } });
  const source = { name: text, role: text, via: text, kind: 'media' as const, language: 'en' };
  const original = acceptedReport(1, {
    figures: [
      { ...deaths(12), note: text, quote: text, source },
      { indicator: 'situation', text, language: 'en' },
    ],
    summary: { text, language: 'en', original: { text: `SYNTHETIC: ${text}`, language: 'en' } },
    source: { ...source, kind: 'ngo', url: 'https://example.org/' },
  });
  const correction: Report = {
    ...acceptedReport(2, { figures: [{ ...deaths(14), note: text }], source }),
    corrects: { report: original.id, reason: text },
  };
  const retracted = acceptedReport(3, { source });
  const retractions = new Map<string, Retraction>([
    [correction.id, { report: correction.id, reason: text, retracted: '2024-04-01T00:00:00.000Z' }],
    [retracted.id, { report: retracted.id, reason: text, retracted: '2024-04-02T00:00:00.000Z' }],
  ]);
  const fates = new Map<string, ReportFate>([
    [original.id, { state: 'active' }],
    [correction.id, { state: 'retracted' }],
    [retracted.id, { state: 'retracted' }],
  ]);
  const reports = [original, correction, retracted];
  const entries = deriveFeedEntries(reports, fates, retractions, () => feedPlaceOf(place));
  const itemsIn = (language: Language): FeedItem[] => [
    ...entries.map((entry) => itemFromEntry(entry, origin, language)),
    ...reports.map((r) =>
      itemFromSummary(
        summarizeReport(r, fates.get(r.id) ?? { state: 'active' }),
        feedPlaceOf(place),
        origin,
        language,
      ),
    ),
  ];
  return { place, reports, itemsIn };
}

function siteIn(language: Language, place: Place, mediaType: string): FeedSite {
  const self = `${origin}/feeds/places/${place.slug}`;
  return {
    origin,
    self,
    current: self,
    alternate: `${origin}/places/${place.slug}`,
    id: `urn:x-synthetic:${place.slug}`,
    title: feedTitle(language, place),
    mediaType,
    language,
  };
}

const head: FeedHead = { updated: '2024-04-02T00:00:00.000Z', archive: false };

function render(format: keyof typeof feedFormats, items: FeedItem[], site: FeedSite): string {
  return feedFormats[format].render({ items, head, site, maxAgeSeconds: 300 });
}

describe.each(markupTexts)('text %j written in every field', (text) => {
  const { place, reports, itemsIn } = hostileFeed(text);

  it.each(pageLanguages)(
    'reaches an RSS reader in %s as text: every element but the HTML body is shown as text',
    (language) => {
      const items = itemsIn(language);
      const site = siteIn(language, place, feedFormats.rss.mediaType);
      const rss = parser.parse(render('rss', items, site));
      for (const [path, value] of valuesOf(rss, '')) {
        if (!path.endsWith('/description')) expect(value, path).not.toMatch(/<[a-z!/?]/i);
      }
      const { channel } = rss.rss;
      expectShownAsText(channel.title, site.title, 'channel title');
      expectHtmlShowing(channel.description, site.title, 'channel description');
      for (const [n, item] of list(channel.item).entries()) {
        const expected = items[n] as FeedItem;
        expectShownAsText(item.title, expected.title, `item ${n} title`);
        expectShownAsText(item['dc:creator'], expected.author, `item ${n} dc:creator`);
        const terms = [...expected.indicators, expected.verification];
        for (const [k, category] of list(item.category).entries()) {
          expectShownAsText(textOf(category), terms[k] ?? '', `item ${n} category ${k}`);
        }
        expectHtmlShowing(item.description, text, `item ${n} description`);
      }
    },
  );

  it.each(pageLanguages)(
    'reaches an Atom reader in %s as text where the feed says text, and as HTML in content',
    (language) => {
      const items = itemsIn(language);
      const site = siteIn(language, place, feedFormats.atom.mediaType);
      const feed = parser.parse(render('atom', items, site)).feed;
      // Atom's title is a text construct: without a type attribute it is text (RFC 4287 3.1.1).
      expect(feed.title).toBe(site.title);
      for (const [n, entry] of list(feed.entry).entries()) {
        const expected = items[n] as FeedItem;
        expect(entry.title, `entry ${n} title`).toBe(expected.title);
        expect(entry.author.name, `entry ${n} author`).toBe(expected.author);
        expect(entry.content['@type']).toBe('html');
        expectHtmlShowing(entry.content['#text'], text, `entry ${n} content`);
      }
      const tombstones = list(feed['at:deleted-entry']);
      expect(tombstones.length).toBeGreaterThan(0);
      for (const tombstone of tombstones) expect(tombstone['at:comment']).toBe(text);
    },
  );

  it.each(pageLanguages)(
    'reaches a JSON Feed reader in %s as plain text, and as HTML in content_html',
    (language) => {
      const items = itemsIn(language);
      const site = siteIn(language, place, feedFormats.json.mediaType);
      const feed = JSON.parse(render('json', items, site));
      expect(feed.title).toBe(site.title);
      for (const [n, item] of feed.items.entries()) {
        const expected = items[n] as FeedItem;
        expect(item.title, `item ${n} title`).toBe(expected.title);
        expect(item.authors[0].name, `item ${n} author`).toBe(expected.author);
        expect(item.summary, `item ${n} summary`).toBe(expected.summary);
        expectHtmlShowing(item.content_html, text, `item ${n} content_html`);
      }
    },
  );

  it('reaches a reader that imports the OPML list as text in every outline', () => {
    const document = parser.parse(
      placeListFiles['feeds.opml'].render([placeWith(reports, { names: place.names })], { origin }),
    );
    for (const [path, value] of valuesOf(document, '')) expect(value, path).not.toMatch(/<[a-z!/?]/i);
    const { opml } = document;
    expectShownAsText(opml.head.title, 'Humanitarian status feeds', 'head title');
    const feeds = list(opml.body.outline).flatMap((folder) => list(folder.outline));
    const ofPlace = feeds.filter((f) => String(f['@xmlUrl']).includes('/places/'));
    expect(ofPlace).toHaveLength(pageLanguages.length);
    for (const outline of ofPlace) {
      expectShownAsText(outline['@text'], `\u2068${text}\u2069`, 'outline text');
      expectShownAsText(outline['@title'], `\u2068${text}\u2069`, 'outline title');
    }
  });
});
