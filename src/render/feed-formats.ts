// The feed formats, declared once: each one's file extension (its key), media type, label,
// the shape of its document and its renderer. The feed routes and their OpenAPI content
// types, the pages' autodiscovery and subscribe links are all derived from this list, so
// adding a format is one entry here and its renderer.

import * as z from 'zod';
import { renderAtom } from './atom.ts';
import type { FeedHead, FeedItem } from './feed-items.ts';
import { jsonFeedDocument, renderJsonFeed } from './json-feed.ts';
import { renderRss } from './rss.ts';
import type { FeedSite } from './site.ts';

export interface FeedRendering {
  items: readonly FeedItem[];
  head: FeedHead;
  site: FeedSite;
  /** How long readers may keep the feed (RSS says so in minutes). */
  maxAgeSeconds: number;
}

interface FeedFormatEntry {
  mediaType: string;
  label: string;
  /** The document as served, for the OpenAPI document. */
  schema: z.ZodType;
  render(rendering: FeedRendering): string;
}

const xmlFeed = z.string().meta({ description: 'The feed document' });

export const feedFormats = {
  atom: {
    mediaType: 'application/atom+xml',
    label: 'Atom',
    schema: xmlFeed,
    render: ({ items, head, site }) => renderAtom(items, head, site),
  },
  rss: {
    mediaType: 'application/rss+xml',
    label: 'RSS',
    schema: xmlFeed,
    render: ({ items, head, site, maxAgeSeconds }) =>
      renderRss(items, head, site, { ttlMinutes: Math.max(1, Math.round(maxAgeSeconds / 60)) }),
  },
  json: {
    mediaType: 'application/feed+json',
    label: 'JSON Feed',
    schema: jsonFeedDocument,
    render: ({ items, head, site }) => renderJsonFeed(items, head, site),
  },
} as const satisfies Record<string, FeedFormatEntry>;

export type FeedFormat = keyof typeof feedFormats;

export const feedFormatNames = Object.keys(feedFormats) as [FeedFormat, ...FeedFormat[]];

/**
 * The one format OPML subscribes a reader to: a reader that imports the list should follow
 * each feed once, and every reader reads Atom (newsboat, for one, reads no JSON Feed).
 */
export const opmlFormat: FeedFormat = 'atom';

/** The formats with their names, in the order of the list. */
export const feedFormatEntries = Object.entries(feedFormats) as [FeedFormat, FeedFormatEntry][];
