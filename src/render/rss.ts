// RSS 2.0 following the RSS Advisory Board's best practices: atom:link rel=self, guid with
// isPermaLink="false", RFC 822 dates, dc:creator (RSS's <author> must be an e-mail
// address), categories and ttl. An item has one date, pubDate: RSS has no element for the
// time of the last change, and a dc:date beside pubDate is a duplicate the W3C validator
// warns about. A correction, retraction or restoration is an item of its own, whose pubDate is
// the time of the change; the item of the report it touches keeps its first date. Written with the typed XML layer rather than the `feed`
// package: its XML writer leaves text that already looks like an entity unescaped, so a
// source named "&amp;" would reach readers as "&" (found by the property test). Words for
// people are written as HTML in every element, titles and dc:creator too, since readers take
// them as HTML (src/render/escape.ts says why); links, ids and dates are read as what they are.

import { messages } from '../words/messages.ts';
import { textAsHtml } from './escape.ts';
import type { FeedHead, FeedItem } from './feed-items.ts';
import { type FeedSite, indicatorScheme, verificationScheme } from './site.ts';
import { element, type XmlElement, xmlDocument } from './xml.ts';

export interface RssOptions {
  /** Minutes a reader may cache the channel before polling again. */
  ttlMinutes: number;
}

/** RFC 822 dates as RSS wants them ("Tue, 01 Nov 2022 00:00:00 GMT"). */
const rfc822 = (iso: string) => new Date(iso).toUTCString();

function rssItem(item: FeedItem, site: FeedSite): XmlElement {
  return element(
    'item',
    {},
    element('title', {}, textAsHtml(item.title)),
    element('link', {}, item.url),
    element('guid', { isPermaLink: 'false' }, item.id),
    element('pubDate', {}, rfc822(item.published)),
    element('dc:creator', {}, textAsHtml(item.author)),
    ...item.indicators.map((term) =>
      element('category', { domain: indicatorScheme(site.origin) }, textAsHtml(term)),
    ),
    element('category', { domain: verificationScheme(site.origin) }, textAsHtml(item.verification)),
    element('description', {}, item.html),
  );
}

export function renderRss(
  items: readonly FeedItem[],
  head: FeedHead,
  site: FeedSite,
  { ttlMinutes }: RssOptions,
): string {
  const updated = rfc822(head.updated ?? new Date(0).toISOString());
  return xmlDocument(
    element(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      },
      element(
        'channel',
        {},
        element('title', {}, textAsHtml(site.title)),
        element('link', {}, site.alternate),
        // Readers take a channel's description as HTML, as an item's: it is written as HTML.
        element('description', {}, textAsHtml(messages[site.language].feedDescription(site.title))),
        element('language', {}, site.language),
        element('lastBuildDate', {}, updated),
        element('pubDate', {}, updated),
        element('ttl', {}, String(ttlMinutes)),
        element('atom:link', { href: site.self, rel: 'self', type: site.mediaType }),
        site.hub && element('atom:link', { href: site.hub, rel: 'hub' }),
        site.previousArchive &&
          element('atom:link', {
            href: site.previousArchive,
            rel: 'prev-archive',
            type: site.mediaType,
          }),
        ...items.map((item) => rssItem(item, site)),
      ),
    ),
  );
}
