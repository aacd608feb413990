// The files made from the list of places alone, in every form they are served: what the
// writer of all places renders once and stores, and what a read renders when it must.

import { pageLanguages } from '../domain/languages.ts';
import type { PlaceSummary } from '../domain/model.ts';
import { latest } from '../domain/status.ts';
import { messages } from '../words/messages.ts';
import { placeTitle } from '../words/places.ts';
import { isolated } from './escape.ts';
import { opmlFormat } from './feed-formats.ts';
import { renderStatusGeoJson } from './geojson.ts';
import { renderPlacesCsv, renderStatusCsv } from './hxl-csv.ts';
import { renderOpml } from './opml.ts';
import { feedUrl, homePageUrl, placePageUrl } from './site.ts';

interface PlaceListFileForm {
  /** Where it is served, query included. */
  path: string;
  render(places: readonly PlaceSummary[], site: { origin: string }): string;
}

/**
 * OPML with one feed per place and one of all places, in a folder per page language, to
 * import into a feed reader.
 */
function feedsOutline(places: readonly PlaceSummary[], origin: string): string {
  const folders = pageLanguages.map((language) => ({
    text: messages[language].languageName,
    language,
    feeds: [
      {
        title: messages[language].allPlaces,
        xmlUrl: feedUrl(origin, undefined, opmlFormat, language),
        htmlUrl: homePageUrl(origin, language),
      },
      ...places.map((p) => ({
        title: isolated(placeTitle(p, language)),
        xmlUrl: feedUrl(origin, p.slug, opmlFormat, language),
        htmlUrl: placePageUrl(origin, p.slug, language),
      })),
    ],
  }));
  const updated = places.reduce<string | null>((at, p) => latest(at, p.updated), null);
  return renderOpml('Humanitarian status feeds', folders, updated);
}

export const placeListFiles = {
  'status.csv': {
    path: '/exports/status.csv',
    render: (places, site) => renderStatusCsv(places, site, { hxl: true }),
  },
  'status.csv?hxl=false': {
    path: '/exports/status.csv?hxl=false',
    render: (places, site) => renderStatusCsv(places, site, { hxl: false }),
  },
  'places.csv': {
    path: '/exports/places.csv',
    render: (places, site) => renderPlacesCsv(places, site, { hxl: true }),
  },
  'places.csv?hxl=false': {
    path: '/exports/places.csv?hxl=false',
    render: (places, site) => renderPlacesCsv(places, site, { hxl: false }),
  },
  'status.geojson': { path: '/exports/status.geojson', render: renderStatusGeoJson },
  'feeds.opml': { path: '/feeds.opml', render: (places, site) => feedsOutline(places, site.origin) },
} satisfies Record<string, PlaceListFileForm>;

export type PlaceListFile = keyof typeof placeListFiles;
export const placeListFileNames = Object.keys(placeListFiles) as PlaceListFile[];

/** The name of a CSV file in the form a query asks for. */
export const csvForm = (file: 'status.csv' | 'places.csv', hxl: boolean): PlaceListFile =>
  hxl ? file : `${file}?hxl=false`;
