// The one view every feed format renders: an item with its title, dates, author, categories,
// HTML body and structured extension. Items come from feed entries (full reports) or, on
// archive pages, from history summaries; the format renderers see no difference.

import type { FeedEntry, FeedPlace } from '../domain/feed.ts';
import type { HumanitarianItemExtension } from '../domain/feed-extension.ts';
import { staleAfter } from '../domain/freshness.ts';
import { reportUrn } from '../domain/ids.ts';
import type { FigureSummary, ReportSummary, Verification } from '../domain/model.ts';
import { summarizeFigure } from '../domain/status.ts';
import { headline } from '../words/headline.ts';
import type { HeadlineChange } from '../words/messages.ts';
import { placeTitle } from '../words/places.ts';
import { entryHtml, summaryHtml } from './entry-html.ts';
import { isolated } from './escape.ts';
import { reportJsonUrl, reportPageUrl } from './site.ts';

export interface FeedItem {
  /** The entry's URN: the first report of its chain. */
  id: string;
  /** Where people read the report shown in full: its page. */
  url: string;
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

export const extensionAbout = 'https://jsonfeed.org/version/1.1 extension: see README, "Feeds"';

function title(
  place: FeedPlace,
  figures: readonly FigureSummary[],
  observed: string,
  verification: Verification,
  change: HeadlineChange,
) {
  return headline(isolated(placeTitle(place)), figures, observed, verification, change);
}

export function itemFromEntry(entry: FeedEntry, origin: string): FeedItem {
  const { report } = entry;
  return {
    id: reportUrn(entry.id),
    url: reportPageUrl(origin, report.id),
    jsonUrl: reportJsonUrl(origin, report.id),
    title: title(
      entry.place,
      report.figures.map(summarizeFigure),
      report.observed,
      report.verification,
      entry.change,
    ),
    published: entry.published,
    updated: entry.updated,
    author: [report.source.name, report.source.role].filter(Boolean).join(', '),
    indicators: report.figures.map((f) => f.indicator),
    verification: report.verification,
    html: entryHtml(entry, origin),
    summary: report.summary.text,
    language: report.summary.language,
    ...(entry.place.coordinates ? { coordinates: entry.place.coordinates } : {}),
    ...(entry.change === 'retraction'
      ? { withdrawn: { when: entry.updated, ...(entry.reason ? { reason: entry.reason } : {}) } }
      : {}),
    extension: {
      about: extensionAbout,
      change: entry.change,
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.changes ? { changes: entry.changes } : {}),
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

/** An archive item: what the history index holds of a report, with a link to all of it. */
export function itemFromSummary(summary: ReportSummary, place: FeedPlace, origin: string): FeedItem {
  const change: HeadlineChange =
    summary.state === 'retracted'
      ? 'retraction'
      : summary.restoredFrom
        ? 'restored'
        : summary.corrects
          ? 'correction'
          : 'new';
  const html = summaryHtml(summary, origin);
  return {
    id: reportUrn(summary.corrects ?? summary.id),
    url: reportPageUrl(origin, summary.id),
    jsonUrl: reportJsonUrl(origin, summary.id),
    title: title(place, summary.figures, summary.observed, summary.verification, change),
    published: summary.published,
    updated: summary.published,
    author: summary.source.name,
    indicators: summary.figures.map((f) => f.indicator),
    verification: summary.verification,
    html,
    ...(place.coordinates ? { coordinates: place.coordinates } : {}),
    extension: {
      about: extensionAbout,
      change,
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
