// RSS 2.0 following the RSS Advisory Board's best practices: atom:link rel=self, guid with
// isPermaLink="false", RFC 822 dates, dc:creator (RSS's <author> must be an e-mail
// address), categories and ttl. Written with the typed XML layer rather than the `feed`
// package: its XML writer leaves text that already looks like an entity unescaped, so a
// source named "&amp;" would reach readers as "&" (found by the property test).

import type { FeedDocument, FeedEntry } from '../domain/feed.ts';
import { reportUrn } from '../domain/ids.ts';
import { titleOf } from './atom.ts';
import { entryHtml } from './entry-html.ts';
import { type FeedSite, indicatorScheme, reportUrl, verificationScheme } from './site.ts';
import { element, type XmlElement, xmlDocument } from './xml.ts';

export interface RssOptions {
  /** Minutes a reader may cache the channel before polling again. */
  ttlMinutes: number;
}

/** RFC 822 dates as RSS wants them ("Tue, 01 Nov 2022 00:00:00 GMT"). */
const rfc822 = (iso: string) => new Date(iso).toUTCString();

function item(entry: FeedEntry, site: FeedSite): XmlElement {
  const { report } = entry;
  return element(
    'item',
    {},
    element('title', {}, titleOf(entry)),
    element('link', {}, reportUrl(site.origin, report.id)),
    element('guid', { isPermaLink: 'false' }, reportUrn(entry.id)),
    element('pubDate', {}, rfc822(entry.published)),
    element('dc:date', {}, entry.updated),
    element('dc:creator', {}, [report.source.name, report.source.role].filter(Boolean).join(', ')),
    ...report.figures.map((f) => element('category', { domain: indicatorScheme(site.origin) }, f.indicator)),
    element('category', { domain: verificationScheme(site.origin) }, report.verification),
    element('description', {}, entryHtml(entry, site.origin)),
  );
}

export function renderRss(
  doc: FeedDocument,
  entries: readonly FeedEntry[],
  site: FeedSite,
  { ttlMinutes }: RssOptions,
): string {
  const updated = doc.updated ?? new Date(0).toISOString();
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
        element('title', {}, site.title),
        element('link', {}, site.alternate),
        element('description', {}, `Reported humanitarian conditions: ${site.title}`),
        element('language', {}, 'en'),
        element('lastBuildDate', {}, rfc822(updated)),
        element('pubDate', {}, rfc822(updated)),
        element('ttl', {}, String(ttlMinutes)),
        element('atom:link', { href: site.self, rel: 'self', type: 'application/rss+xml' }),
        ...entries.map((entry) => item(entry, site)),
      ),
    ),
  );
}
