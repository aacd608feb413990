// OPML 2.0: one subscription per place and one for all places, so that a reader that imports
// it follows each once. OPML 2.0 has no attribute for another format of the same feed, so
// the list names one format; the others are on each place's page.

import { element, xmlDocument } from './xml.ts';

export interface OpmlFeed {
  title: string;
  /** The feed a reader subscribes to. */
  xmlUrl: string;
  /** The page the feed describes, for people. */
  htmlUrl: string;
}

export function renderOpml(title: string, feeds: readonly OpmlFeed[], updated: string | null): string {
  return xmlDocument(
    element(
      'opml',
      { version: '2.0' },
      element(
        'head',
        {},
        element('title', {}, title),
        updated ? element('dateModified', {}, new Date(updated).toUTCString()) : undefined,
      ),
      element(
        'body',
        {},
        ...feeds.map((f) =>
          element('outline', {
            type: 'rss',
            text: f.title,
            title: f.title,
            xmlUrl: f.xmlUrl,
            htmlUrl: f.htmlUrl,
            language: 'en',
          }),
        ),
      ),
    ),
  );
}
