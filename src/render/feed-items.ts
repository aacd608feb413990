// The one view every feed format renders: an item with its title, dates, author, categories,
// HTML body and structured extension. Items come from feed entries (full reports) or, on
// archive pages, from history summaries; the format renderers see no difference. An entry
// that announces a change has an id of its own kind of change (src/domain/ids.ts changeUrn),
// so that no reader takes it for one it has read.

import type { FeedEntry, FeedPlace } from '../domain/feed.ts';
import type { HumanitarianItemExtension } from '../domain/feed-extension.ts';
import { staleAfter } from '../domain/freshness.ts';
import { changeUrn, reportUrn } from '../domain/ids.ts';
import type { Language } from '../domain/languages.ts';
import type { FigureSummary, ReportSummary, Verification } from '../domain/model.ts';
import { summarizeFigure } from '../domain/status.ts';
import { changeHeadline, headline, reasonForTitle } from '../words/headline.ts';
import type { HeadlineChange } from '../words/messages.ts';
import { placeTitle } from '../words/places.ts';
import { entryHtml, summaryHtml } from './entry-html.ts';
import { isolated } from './escape.ts';
import { reportJsonUrl, reportPageUrl } from './site.ts';

export interface FeedItem {
  /** The entry's URN: the first report of its chain, or the change it announces. */
  id: string;
  /** Where people read the report shown in full, or for a change the version now current: its page. */
  url: string;
  /** For a change: the page of the report it changes. */
  changedUrl?: string;
  /** The same report as JSON, for programs. */
  jsonUrl: string;
  title: string;
  published: string;
  updated: string;
  author: string;
  indicators: readonly string[];
  verification: Verification;
  html: string;
  summary?: string;
  language?: string;
  coordinates?: { lat: number; lon: number };
  /** Set when every version was retracted: the tombstone's time and comment. */
  withdrawn?: { when: string; reason?: string };
  /** The `_humanitarian` extension of JSON Feed. */
  extension: HumanitarianItemExtension;
}

/** Header data of a feed or archive document. */
export interface FeedHead {
  updated: string | null;
  coordinates?: { lat: number; lon: number } | undefined;
  /** RFC 5005: an archive document, not the subscription feed. */
  archive: boolean;
}

export const extensionAbout = 'https://jsonfeed.org/version/1.1 extension: see docs/feeds.md#feeds';

function title(
  place: FeedPlace,
  figures: readonly FigureSummary[],
  observed: string,
  verification: Verification,
  change: HeadlineChange,
  language: Language,
) {
  return headline(isolated(placeTitle(place, language)), figures, observed, verification, change, language);
}

const changeNamespace = {
  correction: 'correction',
  retraction: 'retraction',
  restored: 'restoration',
} as const;

function entryUrn(entry: FeedEntry): string {
  return entry.kind === 'change' && entry.change !== 'new'
    ? changeUrn(changeNamespace[entry.change], entry.id)
    : reportUrn(entry.id);
}

function entryTitle(entry: FeedEntry, language: Language): string {
  const { report } = entry;
  const figures = report.figures.map(summarizeFigure);
  if (entry.kind === 'change' && entry.change !== 'new') {
    const reason = entry.reason && isolated(reasonForTitle(entry.reason));
    return changeHeadline(
      entry.change,
      isolated(placeTitle(entry.place, language)),
      figures,
      report.observed,
      report.verification,
      entry.changes,
      reason,
      language,
    );
  }
  return title(entry.place, figures, report.observed, report.verification, entry.change, language);
}

/** An entry as an item of the feed in `language`: its title, body and links in that language. */
export function itemFromEntry(entry: FeedEntry, origin: string, language: Language): FeedItem {
  const { report } = entry;
  // A change leads to the version current now; with none left, to the report it withdrew.
  const shownAt = entry.kind === 'change' ? (entry.current ?? entry.changed ?? report.id) : report.id;
  return {
    id: entryUrn(entry),
    url: reportPageUrl(origin, shownAt, language),
    ...(entry.changed ? { changedUrl: reportPageUrl(origin, entry.changed, language) } : {}),
    jsonUrl: reportJsonUrl(origin, shownAt),
    title: entryTitle(entry, language),
    published: entry.published,
    updated: entry.updated,
    author: [report.source.name, report.source.role].filter(Boolean).join(', '),
    indicators: report.figures.map((f) => f.indicator),
    verification: report.verification,
    html: entryHtml(entry, origin, language),
    summary: report.summary.text,
    language: report.summary.language,
    ...(entry.place.coordinates ? { coordinates: entry.place.coordinates } : {}),
    ...(entry.kind === 'report' && entry.change === 'retraction'
      ? { withdrawn: { when: entry.updated, ...(entry.reason ? { reason: entry.reason } : {}) } }
      : {}),
    extension: {
      about: extensionAbout,
      entry: entry.kind,
      change: entry.change,
      ...(entry.changed ? { changed: entry.changed } : {}),
      ...(entry.current ? { current: entry.current } : {}),
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.changes ? { changes: entry.changes } : {}),
      ...(entry.disagreements ? { disagreements: entry.disagreements } : {}),
      place: entry.place,
      report: report.id,
      observed: report.observed,
      verification: report.verification,
      figures: report.figures,
      staleAfter: Object.fromEntries(
        report.figures.map((f) => [f.indicator, staleAfter(f.indicator, report.observed)]),
      ),
      source: report.source,
      ...(report.summary.original ? { original: report.summary.original } : {}),
    },
  };
}

/**
 * An archive item: what the history index holds of a report, with a link to all of it. The
 * index holds reports, not events: a correction is its correction entry, under the id the
 * subscription feed gave it; a report's retraction or restoration shows as its state.
 */
export function itemFromSummary(
  summary: ReportSummary,
  place: FeedPlace,
  origin: string,
  language: Language,
): FeedItem {
  const change: HeadlineChange = summary.corrects
    ? 'correction'
    : summary.state === 'retracted'
      ? 'retraction'
      : summary.restoredFrom
        ? 'restored'
        : 'new';
  const html = summaryHtml(summary, origin, language);
  const { figures, observed, verification } = summary;
  return {
    id: summary.corrects ? changeUrn('correction', summary.id) : reportUrn(summary.id),
    url: reportPageUrl(origin, summary.id, language),
    ...(summary.corrects ? { changedUrl: reportPageUrl(origin, summary.corrects, language) } : {}),
    jsonUrl: reportJsonUrl(origin, summary.id),
    title: summary.corrects
      ? changeHeadline(
          'correction',
          isolated(placeTitle(place, language)),
          figures,
          observed,
          verification,
          [],
          undefined,
          language,
        )
      : title(place, figures, observed, verification, change, language),
    published: summary.published,
    updated: summary.published,
    author: summary.source.name,
    indicators: summary.figures.map((f) => f.indicator),
    verification: summary.verification,
    html,
    ...(place.coordinates ? { coordinates: place.coordinates } : {}),
    extension: {
      about: extensionAbout,
      entry: summary.corrects ? 'change' : 'report',
      change,
      ...(summary.corrects ? { changed: summary.corrects } : {}),
      place,
      report: summary.id,
      state: summary.state,
      observed: summary.observed,
      verification: summary.verification,
      figures: summary.figures,
      source: summary.source,
    },
  };
}
