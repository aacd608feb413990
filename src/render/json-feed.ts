// JSON Feed 1.1, with the structured figures in the `_humanitarian` extension so that a
// dashboard can read numbers without scraping HTML. Written directly: the `feed` package
// only emits JSON Feed 1.0.

import * as z from 'zod';
import { humanitarianItemExtension } from '../domain/feed-extension.ts';
import { messages } from '../words/messages.ts';
import { extensionAbout, type FeedHead, type FeedItem } from './feed-items.ts';
import type { FeedSite } from './site.ts';

/** JSON Feed 1.1 as served: the standard members, and the extension on every item. */
export const jsonFeedDocument = z
  .looseObject({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    items: z.array(z.looseObject({ id: z.string(), _humanitarian: humanitarianItemExtension })),
  })
  .meta({ description: 'JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)' });

function jsonItem(item: FeedItem) {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    content_html: item.html,
    ...(item.summary ? { summary: item.summary } : {}),
    date_published: item.published,
    date_modified: item.updated,
    authors: [{ name: item.author }],
    tags: [...item.indicators, item.verification],
    ...(item.language ? { language: item.language } : {}),
    _humanitarian: item.extension,
  };
}

export function renderJsonFeed(items: readonly FeedItem[], head: FeedHead, site: FeedSite): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    home_page_url: site.alternate,
    feed_url: site.self,
    ...(site.hub ? { hubs: [{ type: 'WebSub', url: site.hub }] } : {}),
    // JSON Feed pages through older items with next_url; it is the Atom prev-archive link.
    ...(site.previousArchive ? { next_url: site.previousArchive } : {}),
    language: site.language,
    authors: [{ name: messages[site.language].feedAuthor }],
    _humanitarian: { about: extensionAbout, updated: head.updated, archive: head.archive },
    items: items.map(jsonItem),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
