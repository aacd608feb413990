// Where a rendered document lives: URLs are built from the request's origin by the HTTP
// layer and handed to the pure renderers, which know nothing else about the request.

import type { Language } from '../domain/languages.ts';

export interface FeedSite {
  /** Origin of the service, e.g. "https://status.example.org". */
  origin: string;
  /** Absolute URL of the document being rendered. */
  self: string;
  /** Absolute URL of the human-facing page the feed describes. */
  alternate: string;
  /** Absolute URL of the subscription feed an archive page belongs to (RFC 5005). */
  current: string;
  /** Absolute URL of the previous archive document (RFC 5005), when older history exists. */
  previousArchive?: string;
  /** The WebSub hub told when this feed changes: subscription feeds only, never archives. */
  hub?: string;
  /** A stable URI identifying the feed. */
  id: string;
  title: string;
  /** The media type of the document being rendered, for the links to its other pages. */
  mediaType: string;
  /** The language the feed is written in. */
  language: Language;
}

/**
 * A report's page at the desk. Public pages link to it only for a reader marked as a writer
 * (src/http/writer-marker.ts): the desk's session itself never leaves /desk.
 */
export const deskReportPath = (id: string) => `/desk/reports/${id}`;

/**
 * A page's address in a language: English pages carry no ?lang=, so that the English feeds'
 * links stay as they were; a page in another language says it in its URL, as a feed in that
 * language must not leave it to the reader's Accept-Language.
 */
const inLanguage = (url: string, language: Language) => (language === 'en' ? url : `${url}?lang=${language}`);

/** A report in full: its page for people (in the feed's language), and its JSON for programs. */
export const reportPageUrl = (origin: string, id: string, language: Language = 'en') =>
  inLanguage(`${origin}/reports/${id}`, language);
export const reportJsonUrl = (origin: string, id: string) => `${origin}/api/v1/reports/${id}`;
export const indicatorScheme = (origin: string) => `${origin}/api/v1/indicators`;
export const verificationScheme = (origin: string) => `${origin}/api/v1/indicators#verification`;

/** The human-facing pages: all places, and one place. Feeds name them as their alternate. */
export const homePageUrl = (origin: string, language: Language = 'en') => inLanguage(`${origin}/`, language);
export const placePageUrl = (origin: string, slug: string, language: Language = 'en') =>
  inLanguage(`${origin}/places/${slug}`, language);

/**
 * A subscription feed: of all places, or of the place with this slug; `format` is its
 * extension. English feeds are where they always were; another language's under /feeds/{lang}/.
 */
export const feedUrl = (
  origin: string,
  slug: string | undefined,
  format: string,
  language: Language = 'en',
) => `${origin}/feeds/${language === 'en' ? '' : `${language}/`}${slug ? `places/${slug}` : 'all'}.${format}`;

/** Where a status page is served, handed to the page renderers like FeedSite to feeds. */
export interface PageSite {
  origin: string;
  /** Path of the page being rendered, without its query. */
  path: string;
  /** The reader chose the language with ?lang=, so links to other pages carry it on. */
  languageInUrl: boolean;
  /** The reader has a desk session: each report links to its page at the desk. */
  deskLinks?: boolean;
}
