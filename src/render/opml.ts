// OPML 2.0: one subscription per place and one for all places, in a folder per language (an
// outline holding outlines, which readers import as a folder), so that a reader that imports
// it follows each feed once and can keep the folder of the language it reads. OPML 2.0 has no
// attribute for another format of the same feed, so the list names one format; the others
// are on each place's page. Its text and title are written as HTML, since OPML leaves it to the
// reader whether they are (src/render/escape.ts says why).

import { textAsHtml } from './escape.ts';
import { element, xmlDocument } from './xml.ts';

export interface OpmlFeed {
  title: string;
  /** The feed a reader subscribes to. */
  xmlUrl: string;
  /** The page the feed describes, for people. */
  htmlUrl: string;
}

/** The feeds in one language, in a folder named in that language. */
export interface OpmlFolder {
  /** The language's name in itself: "Українська". */
  text: string;
  /** Its BCP 47 tag, which each feed in the folder is written in. */
  language: string;
  feeds: readonly OpmlFeed[];
}

export function renderOpml(title: string, folders: readonly OpmlFolder[], updated: string | null): string {
  return xmlDocument(
    element(
      'opml',
      { version: '2.0' },
      element(
        'head',
        {},
        element('title', {}, textAsHtml(title)),
        updated ? element('dateModified', {}, new Date(updated).toUTCString()) : undefined,
      ),
      element(
        'body',
        {},
        ...folders.map((folder) =>
          element(
            'outline',
            { text: textAsHtml(folder.text), title: textAsHtml(folder.text) },
            ...folder.feeds.map((f) =>
              element('outline', {
                type: 'rss',
                text: textAsHtml(f.title),
                title: textAsHtml(f.title),
                xmlUrl: f.xmlUrl,
                htmlUrl: f.htmlUrl,
                language: folder.language,
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
