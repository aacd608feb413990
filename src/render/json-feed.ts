// JSON Feed 1.1, with the structured figures in the `_humanitarian` extension so that a
// dashboard can read numbers without scraping HTML. Written directly: the `feed` package
// only emits JSON Feed 1.0.

import type { FeedDocument, FeedEntry } from '../domain/feed.ts';
import type { HumanitarianItemExtension } from '../domain/feed-extension.ts';
import { reportUrn } from '../domain/ids.ts';
import { titleOf } from './atom.ts';
import { entryHtml } from './entry-html.ts';
import { type FeedSite, reportUrl } from './site.ts';

function extensionOf(entry: FeedEntry): HumanitarianItemExtension {
  const { report } = entry;
  return {
    about: 'https://jsonfeed.org/version/1.1 extension: see README, "Feeds"',
    change: entry.change,
    ...(entry.reason ? { reason: entry.reason } : {}),
    place: entry.place,
    report: report.id,
    observed: report.observed,
    verification: report.verification,
    figures: report.figures,
    source: report.source,
    ...(report.summary.original ? { original: report.summary.original } : {}),
  };
}

function item(entry: FeedEntry, site: FeedSite) {
  const { report } = entry;
  return {
    id: reportUrn(entry.id),
    url: reportUrl(site.origin, report.id),
    title: titleOf(entry),
    content_html: entryHtml(entry, site.origin),
    summary: report.summary.text,
    date_published: entry.published,
    date_modified: entry.updated,
    authors: [{ name: [report.source.name, report.source.role].filter(Boolean).join(', ') }],
    tags: [...report.figures.map((f) => f.indicator), report.verification],
    language: report.summary.language,
    _humanitarian: extensionOf(entry),
  };
}

export function renderJsonFeed(doc: FeedDocument, entries: readonly FeedEntry[], site: FeedSite): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: site.title,
      home_page_url: site.alternate,
      feed_url: site.self,
      ...(site.previousArchive ? { next_url: site.previousArchive } : {}),
      language: 'en',
      authors: [{ name: 'Humanitarian status feed' }],
      _humanitarian: {
        about: 'https://jsonfeed.org/version/1.1 extension: see README, "Feeds"',
        updated: doc.updated,
        ...(doc.place ? { place: doc.place } : {}),
      },
      items: entries.map((entry) => item(entry, site)),
    },
    null,
    2,
  )}\n`;
}
