// The files made from the list of places alone, in every form they are served: what the
// writer of all places renders once and stores, and what a read renders when it must.

import type { PlaceSummary } from '../domain/model.ts';
import { renderStatusGeoJson } from './geojson.ts';
import { renderPlacesCsv, renderStatusCsv } from './hxl-csv.ts';

type Render = (places: readonly PlaceSummary[], site: { origin: string }) => string;

export const statusExports = {
  'status.csv': (places, site) => renderStatusCsv(places, site, { hxl: true }),
  'status.csv?hxl=false': (places, site) => renderStatusCsv(places, site, { hxl: false }),
  'places.csv': (places, site) => renderPlacesCsv(places, site, { hxl: true }),
  'places.csv?hxl=false': (places, site) => renderPlacesCsv(places, site, { hxl: false }),
  'status.geojson': (places, site) => renderStatusGeoJson(places, site),
} satisfies Record<string, Render>;

export type StatusExport = keyof typeof statusExports;
export const statusExportNames = Object.keys(statusExports) as StatusExport[];

/** The name of a CSV file in the form a query asks for. */
export const csvForm = (file: 'status.csv' | 'places.csv', hxl: boolean): StatusExport =>
  hxl ? file : `${file}?hxl=false`;
