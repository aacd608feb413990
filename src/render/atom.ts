// Atom 1.0 (RFC 4287) with GeoRSS points, RFC 6721 tombstones for retracted reports and an
// RFC 5005 prev-archive link. Written with the typed XML layer: the `feed` package has no
// entry extensions, no xml:lang and no archive links.

import type { FeedDocument, FeedEntry } from '../domain/feed.ts';
import { headline } from '../domain/headline.ts';
import { reportUrn } from '../domain/ids.ts';
import { summarizeFigure } from '../domain/status.ts';
import { entryHtml } from './entry-html.ts';
import { type FeedSite, indicatorScheme, reportUrl, verificationScheme } from './site.ts';
import { element, type XmlElement, xmlDocument } from './xml.ts';

// An empty feed still needs an `updated`; the epoch says "nothing yet" without a clock.
const nothingYet = '1970-01-01T00:00:00.000Z';

export const titleOf = (entry: FeedEntry) =>
  headline(
    entry.place.names.en ?? entry.place.slug,
    entry.report.figures.map(summarizeFigure),
    entry.report.observed,
    entry.report.verification,
    entry.change,
  );

function point(coordinates: FeedEntry['place']['coordinates']): XmlElement | undefined {
  return coordinates && element('georss:point', {}, `${coordinates.lat} ${coordinates.lon}`);
}

function atomEntry(entry: FeedEntry, site: FeedSite): XmlElement {
  const { report } = entry;
  const author = [report.source.name, report.source.role].filter(Boolean).join(', ');
  return element(
    'entry',
    {},
    element('id', {}, reportUrn(entry.id)),
    element('title', {}, titleOf(entry)),
    element('published', {}, entry.published),
    element('updated', {}, entry.updated),
    element('author', {}, element('name', {}, author)),
    element('link', { rel: 'alternate', type: 'application/json', href: reportUrl(site.origin, report.id) }),
    ...report.figures.map((f) =>
      element('category', { term: f.indicator, scheme: indicatorScheme(site.origin) }),
    ),
    element('category', { term: report.verification, scheme: verificationScheme(site.origin) }),
    element('content', { type: 'html' }, entryHtml(entry, site.origin)),
    point(entry.place.coordinates),
  );
}

function tombstone(entry: FeedEntry): XmlElement {
  return element(
    'at:deleted-entry',
    { ref: reportUrn(entry.id), when: entry.updated },
    entry.reason ? element('at:comment', {}, entry.reason) : undefined,
  );
}

export function renderAtom(doc: FeedDocument, entries: readonly FeedEntry[], site: FeedSite): string {
  return xmlDocument(
    element(
      'feed',
      {
        xmlns: 'http://www.w3.org/2005/Atom',
        'xmlns:georss': 'http://www.georss.org/georss',
        'xmlns:at': 'http://purl.org/atompub/tombstones/1.0',
        'xml:lang': 'en',
      },
      element('id', {}, site.id),
      element('title', {}, site.title),
      element('updated', {}, doc.updated ?? nothingYet),
      element('author', {}, element('name', {}, 'Humanitarian status feed')),
      element('link', { rel: 'self', type: 'application/atom+xml', href: site.self }),
      element('link', { rel: 'alternate', type: 'application/json', href: site.alternate }),
      site.previousArchive && element('link', { rel: 'prev-archive', href: site.previousArchive }),
      point(doc.place?.coordinates),
      // Foreign elements go before the entries: RFC 4287 allows any order, but libxml2's
      // RELAX NG validator only accepts extension elements ahead of atom:entry.
      ...entries.filter((e) => e.change === 'retraction').map(tombstone),
      ...entries.map((entry) => atomEntry(entry, site)),
    ),
  );
}
