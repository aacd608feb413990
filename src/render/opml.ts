// OPML 2.0: every feed of every place, so a reader can subscribe to all of them at once.

import { element, xmlDocument } from './xml.ts';

export interface OpmlFeed {
  title: string;
  url: string;
  /** `rss` for a feed readers subscribe to (Atom too), `link` for one they may not read. */
  outline: 'rss' | 'link';
}

export function renderOpml(
  title: string,
  groups: readonly { title: string; feeds: readonly OpmlFeed[] }[],
  updated: string | null,
): string {
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
        ...groups.map((group) =>
          element(
            'outline',
            { text: group.title, title: group.title },
            ...group.feeds.map((f) =>
              element('outline', {
                type: f.outline,
                text: f.title,
                title: f.title,
                xmlUrl: f.url,
                ...(f.outline === 'link' ? { url: f.url } : {}),
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
