// The document around every status page: language, stylesheet, feed autodiscovery, the
// language switch and the landmarks. No script: every page works without JavaScript.

import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { type Language, pageLanguages } from '../../domain/languages.ts';
import { messages } from '../../words/messages.ts';
import { feedFormatEntries } from '../feed-formats.ts';
import { placeListFiles } from '../place-list-files.ts';
import { feedUrl, type PageSite } from '../site.ts';
import { stylesheetPath } from './stylesheet.ts';

/** The feeds a page offers, in the page's language: of all places, or of one place. */
export interface PageFeeds {
  /** The place's slug; all places when undefined. */
  slug: string | undefined;
  title: string;
}

/** A link to another page that keeps the language the reader chose with ?lang=. */
export function pageHref(path: string, site: PageSite, language: Language): string {
  return site.languageInUrl ? `${path}?lang=${language}` : path;
}

interface LayoutProps {
  site: PageSite;
  language: Language;
  title: string;
  /** The feeds the page announces; none on the desk's pages. */
  feeds?: PageFeeds;
  /** The page's content as JSON, announced as its alternate for programs. */
  json?: string;
  children: Child;
}

/**
 * The page's one address: without the tracking parameters a shared link may carry, with
 * ?lang= only when the reader chose the language with it (src/http/tracking.ts).
 */
function canonicalUrl(site: PageSite, language: Language): string {
  return `${site.origin}${pageHref(site.path, site, language)}`;
}

export function Layout({ site, language, title, feeds, json, children }: LayoutProps) {
  const m = messages[language];
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="canonical" href={canonicalUrl(site, language)} />
        <link rel="stylesheet" href={stylesheetPath} />
        {/* No favicon to fetch: the browser would ask for /favicon.ico, which is not served. */}
        <link rel="icon" href="data:," />
        {feeds
          ? feedFormatEntries.map(([format, { mediaType, label }]) => (
              <link
                rel="alternate"
                type={mediaType}
                title={`${feeds.title} (${label})`}
                href={feedUrl(site.origin, feeds.slug, format, language)}
              />
            ))
          : ''}
        {pageLanguages.map((other) => (
          <link rel="alternate" hreflang={other} href={`${site.origin}${site.path}?lang=${other}`} />
        ))}
        {json ? <link rel="alternate" type="application/json" href={json} /> : ''}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap site-header-inner">
            <p class="site-name">
              <a href={pageHref('/', site, language)}>{m.siteName}</a>
            </p>
            <nav aria-label={m.languageSwitch}>
              <ul class="languages">
                {pageLanguages.map((other) => (
                  <li>
                    <a
                      href={`${site.path}?lang=${other}`}
                      hreflang={other}
                      lang={other}
                      aria-current={other === language ? 'true' : undefined}
                    >
                      {messages[other].languageName}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{m.tagline}</p>
            <OpenData site={site} language={language} />
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Where the open data is, on every page: the feeds of all places, the exports and the API reference. */
function OpenData({ site, language }: { site: PageSite; language: Language }) {
  const m = messages[language];
  const exports = [
    [placeListFiles['status.csv'].path, 'text/csv', m.exportNames.statusCsv],
    [placeListFiles['status.geojson'].path, 'application/geo+json', m.exportNames.statusGeoJson],
    [placeListFiles['places.csv'].path, 'text/csv', m.exportNames.placesCsv],
  ] as const;
  return (
    <nav aria-label={m.openData}>
      <ul class="open-data">
        <li>
          {m.feeds}:{' '}
          {feedFormatEntries.map(([format, { mediaType, label }]) => (
            <>
              <a href={feedUrl(site.origin, undefined, format)} type={mediaType}>
                {label}
              </a>{' '}
            </>
          ))}
          <a href={`${site.origin}/feeds.opml`} type="text/x-opml">
            OPML
          </a>
        </li>
        <li>
          {m.exports}:{' '}
          {exports.map(([path, mediaType, words], i) => (
            <>
              {i > 0 ? ' ' : ''}
              <a href={`${site.origin}${path}`} type={mediaType}>
                {words}
              </a>
            </>
          ))}
        </li>
        <li>
          <a href={`${site.origin}/docs`}>{m.apiReference}</a>
        </li>
      </ul>
    </nav>
  );
}

/** Visible subscribe links: the same feeds the head announces, and where else to read. */
export function Subscribe({
  site,
  language,
  feeds,
  jsonApi,
}: {
  site: PageSite;
  language: Language;
  feeds: PageFeeds;
  jsonApi: string;
}) {
  const m = messages[language];
  return (
    <section class="subscribe" aria-labelledby="subscribe">
      <h2 id="subscribe">{m.subscribe}</h2>
      <p>{feeds.slug ? m.subscribeIntro : m.subscribeAllIntro}</p>
      <ul class="subscribe-links">
        {feedFormatEntries.map(([format, { mediaType, label }]) => (
          <li>
            <a href={feedUrl(site.origin, feeds.slug, format, language)} type={mediaType}>
              {label}
            </a>
          </li>
        ))}
        {feeds.slug ? (
          ''
        ) : (
          <li>
            <a href={`${site.origin}/feeds.opml`} type="text/x-opml">
              {m.feedsOpml}
            </a>
          </li>
        )}
        <li>
          <a href={jsonApi} type="application/json">
            {m.jsonApi}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The page as a complete HTML document. Views are synchronous, so this is a string. */
export function htmlDocument(page: JSX.Element): string {
  const markup = page.toString();
  if (typeof markup !== 'string') throw new TypeError('a page view must be synchronous');
  return `<!DOCTYPE html>${markup}`;
}
