// Atom 1.0 (RFC 4287) with GeoRSS points, RFC 6721 tombstones for retracted reports and
// RFC 5005 archive links. Written with the typed XML layer: the `feed` package has no
// entry extensions, no xml:lang and no archive links.

import { messages } from '../words/messages.ts';
import type { FeedHead, FeedItem } from './feed-items.ts';
import { type FeedSite, indicatorScheme, verificationScheme } from './site.ts';
import { element, type XmlElement, xmlDocument } from './xml.ts';

// An empty feed still needs an `updated`; the epoch says "nothing yet" without a clock.
const nothingYet = '1970-01-01T00:00:00.000Z';

function point(coordinates: FeedHead['coordinates']): XmlElement | undefined {
  return coordinates && element('georss:point', {}, `${coordinates.lat} ${coordinates.lon}`);
}

function atomEntry(item: FeedItem, site: FeedSite): XmlElement {
  return element(
    'entry',
    {},
    element('id', {}, item.id),
    element('title', {}, item.title),
    element('published', {}, item.published),
    element('updated', {}, item.updated),
    element('author', {}, element('name', {}, item.author)),
    element('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    element('link', { rel: 'alternate', type: 'application/json', href: item.jsonUrl }),
    item.changedUrl
      ? element('link', { rel: 'related', type: 'text/html', href: item.changedUrl })
      : undefined,
    ...item.indicators.map((term) => element('category', { term, scheme: indicatorScheme(site.origin) })),
    element('category', { term: item.verification, scheme: verificationScheme(site.origin) }),
    element('content', { type: 'html' }, item.html),
    point(item.coordinates),
  );
}

function tombstone(item: FeedItem): XmlElement | undefined {
  return (
    item.withdrawn &&
    element(
      'at:deleted-entry',
      { ref: item.id, when: item.withdrawn.when },
      item.withdrawn.reason ? element('at:comment', {}, item.withdrawn.reason) : undefined,
    )
  );
}

export function renderAtom(items: readonly FeedItem[], head: FeedHead, site: FeedSite): string {
  return xmlDocument(
    element(
      'feed',
      {
        xmlns: 'http://www.w3.org/2005/Atom',
        'xmlns:georss': 'http://www.georss.org/georss',
        'xmlns:at': 'http://purl.org/atompub/tombstones/1.0',
        'xmlns:fh': 'http://purl.org/syndication/history/1.0',
        'xml:lang': site.language,
      },
      element('id', {}, site.id),
      element('title', {}, site.title),
      element('updated', {}, head.updated ?? nothingYet),
      element('author', {}, element('name', {}, messages[site.language].feedAuthor)),
      element('link', { rel: 'self', type: site.mediaType, href: site.self }),
      site.hub && element('link', { rel: 'hub', href: site.hub }),
      element('link', { rel: 'alternate', type: 'text/html', href: site.alternate }),
      head.archive && element('link', { rel: 'current', type: site.mediaType, href: site.current }),
      site.previousArchive &&
        element('link', { rel: 'prev-archive', type: site.mediaType, href: site.previousArchive }),
      head.archive && element('fh:archive'),
      point(head.coordinates),
      // Foreign elements go before the entries: RFC 4287 allows any order, but libxml2's
      // RELAX NG validator only accepts extension elements ahead of atom:entry.
      ...items.map(tombstone),
      ...items.map((item) => atomEntry(item, site)),
    ),
  );
}
