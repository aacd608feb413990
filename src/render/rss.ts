// RSS 2.0 following the RSS Advisory Board's best practices, written with the `feed`
// package, which expresses all that is needed here: atom:link rel=self, guid with
// isPermaLink="false", RFC 822 dates, categories and ttl; dc:creator goes in as an item
// extension because the package's <author> must be an e-mail address in RSS.

import { Feed } from 'feed';
import type { FeedDocument, FeedEntry } from '../domain/feed.ts';
import { reportUrn } from '../domain/ids.ts';
import { titleOf } from './atom.ts';
import { entryHtml } from './entry-html.ts';
import { xmlCharactersOnly as clean } from './escape.ts';
import { type FeedSite, indicatorScheme, reportUrl, verificationScheme } from './site.ts';

export interface RssOptions {
  /** Minutes a reader may cache the channel before polling again. */
  ttlMinutes: number;
}

export function renderRss(
  doc: FeedDocument,
  entries: readonly FeedEntry[],
  site: FeedSite,
  { ttlMinutes }: RssOptions,
): string {
  const feed = new Feed({
    id: site.id,
    title: clean(site.title),
    description: clean(`Reported humanitarian conditions: ${site.title}`),
    link: site.alternate,
    language: 'en',
    ttl: ttlMinutes,
    updated: new Date(doc.updated ?? 0),
    generator: false,
    feedLinks: { rss: site.self },
  });
  for (const entry of entries) {
    const { report } = entry;
    feed.addItem({
      title: clean(titleOf(entry)),
      id: reportUrn(entry.id),
      link: reportUrl(site.origin, report.id),
      date: new Date(entry.updated),
      published: new Date(entry.published),
      description: clean(report.summary.text),
      content: clean(entryHtml(entry, site.origin)),
      category: [
        ...report.figures.map((f) => ({ name: f.indicator, domain: indicatorScheme(site.origin) })),
        { name: report.verification, domain: verificationScheme(site.origin) },
      ],
      extensions: [
        {
          name: 'dc:creator',
          objects: { _text: clean([report.source.name, report.source.role].filter(Boolean).join(', ')) },
        },
      ],
    });
  }
  return feed.rss2();
}
