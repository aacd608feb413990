// GeoJSON (RFC 7946) of the current status, for maps: one Point feature per place, its
// position [longitude, latitude] in that order as the RFC requires, its properties the
// place's status with qualifiers, dates, sources and verification, as GET /api/v1/places
// shows them. A place without coordinates cannot be a Point; rather than dropping it, the
// collection lists it in the foreign member `placesWithoutCoordinates` (RFC 7946 §6.1)
// with the same properties, so a map can say what it could not place.
//
// Map tools (QGIS, Power BI, Grafana) style a layer by a property at the top level of
// `properties`, not by one nested in `indicators`: each indicator's figure is there too, flat,
// named by the indicator's id ("population_remaining", "population_remaining_qualifier",
// "electricity", "electricity_since"…), beside the nested form that keeps everything.
// "{id}_coverage" is there for every indicator of the registry, reported or not, so that a
// map can colour a place that has no report as such; the rest only where there is a figure,
// never as null. A range is its low bound in "{id}" and its high in "{id}_high"; sources
// that disagree and a count for a period beside a total are flat too. Nothing here depends
// on the clock: a figure is stale once "{id}_stale_after" has passed.

import * as z from 'zod';
import { basisOf } from '../domain/counts.ts';
import { indicatorIds, indicatorRegistry } from '../domain/indicators.ts';
import {
  type Coverage,
  countBasis,
  coverageStates,
  type IndicatorStatusSummary,
  indicatorStatusSummary,
  type PlaceSummary,
  partialDate,
  placeSummary,
  qualifier,
  utilityStates,
  verification,
} from '../domain/model.ts';
import { figureWords, indicatorLabel } from '../words/figures.ts';
import { placeTitle } from '../words/places.ts';
import { type FeedSite, placePageUrl, reportJsonUrl, reportPageUrl } from './site.ts';

type ExportSite = Pick<FeedSite, 'origin'>;

// The shapes are zod definitions so that schema/status-geojson.schema.json and the OpenAPI
// document are generated from what this renderer writes.

const indicatorPropertiesShape = indicatorStatusSummary.extend({
  label: z.string(),
  text: z.string().meta({ description: 'The figure in words with its qualifier ("at least 120")' }),
  reportUrl: z.url().meta({ description: 'The report as JSON' }),
  reportPage: z.url().meta({ description: "The report's page, for people" }),
});
type IndicatorProperties = z.infer<typeof indicatorPropertiesShape>;

/** An indicator's figure as flat properties, each named after the indicator's id. */
function flatShape(id: string, kind: 'utility' | 'count' | 'text') {
  const about = (what: string) => ({ description: `${what} of ${id}, when the place has a figure for it` });
  const since = {
    [`${id}_since`]: partialDate
      .optional()
      .meta(about(kind === 'count' ? 'Since when a running total counts' : 'Since when the state holds')),
  };
  const value =
    kind === 'count'
      ? {
          [id]: z.int().optional().meta(about('The count (for a range, its low bound)')),
          [`${id}_high`]: z.int().optional().meta(about("A range's high bound")),
          [`${id}_basis`]: countBasis.optional().meta(about('The basis (a running total, or a period)')),
          ...since,
        }
      : kind === 'utility'
        ? { [id]: z.enum(utilityStates).optional().meta(about('The state')), ...since }
        : { [id]: z.string().optional().meta(about('The figure in words')) };
  const beside =
    kind === 'count'
      ? {
          [`${id}_sources_low`]: z.int().optional().meta(about('When sources disagree, the lowest number')),
          [`${id}_sources_high`]: z.int().optional().meta(about('When sources disagree, the highest number')),
          [`${id}_source_count`]: z.int().optional().meta(about('When sources disagree, how many')),
          [`${id}_period`]: z.int().optional().meta(about('Beside a running total, the count for a period')),
          [`${id}_period_high`]: z.int().optional().meta(about("The period count's range high")),
          [`${id}_period_qualifier`]: qualifier.optional().meta(about("The period count's qualifier")),
          [`${id}_period_observed`]: partialDate.optional().meta(about("The period count's observed period")),
        }
      : {};
  return {
    ...value,
    ...(kind === 'count' ? { [`${id}_qualifier`]: qualifier.optional().meta(about('The qualifier')) } : {}),
    [`${id}_observed`]: partialDate.optional().meta(about('When the figure was observed')),
    [`${id}_stale_after`]: z.string().optional().meta(about('The last day the figure counts as current')),
    [`${id}_verification`]: verification.optional().meta(about('The verification')),
    [`${id}_source`]: z.string().optional().meta(about("The source's name")),
    ...beside,
    [`${id}_coverage`]: z.enum(coverageStates).meta({
      description: `Whether ${id} was reported (its figure is current until ${id}_stale_after) or not_reported`,
    }),
  };
}

const flatPropertiesShape = Object.assign(
  {},
  ...indicatorRegistry.map(({ id, kind }) => flatShape(id, kind)),
);

const placePropertiesShape = placeSummary
  .pick({
    slug: true,
    names: true,
    country: true,
    admin: true,
    updated: true,
    reportCount: true,
    coverage: true,
  })
  .extend({
    name: z.string(),
    url: z.url().meta({ description: "The place's status as JSON" }),
    page: z.url().meta({ description: "The place's page, for people" }),
    indicators: z.partialRecord(z.enum(indicatorIds), indicatorPropertiesShape),
    ...(flatPropertiesShape as Record<string, z.ZodType>),
  });
type PlaceProperties = z.infer<typeof placePropertiesShape>;

const pointFeature = z.strictObject({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.strictObject({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  }),
  properties: placePropertiesShape,
});

export const statusCollection = z
  .strictObject({
    type: z.literal('FeatureCollection'),
    features: z.array(pointFeature),
    placesWithoutCoordinates: z
      .array(placePropertiesShape)
      .meta({ description: 'Places that have no coordinates, with the same properties: never dropped' }),
  })
  .meta({ description: 'RFC 7946 FeatureCollection: one Point per place, [longitude, latitude]' });
type StatusCollection = z.infer<typeof statusCollection>;

function indicatorProperties(status: IndicatorStatusSummary, site: ExportSite): IndicatorProperties {
  return {
    label: indicatorLabel(status.figure.indicator, 'en', false),
    text: figureWords(status.figure, 'en'),
    ...status,
    reportUrl: reportJsonUrl(site.origin, status.report),
    reportPage: reportPageUrl(site.origin, status.report),
  };
}

function placeProperties(place: PlaceSummary, site: ExportSite): PlaceProperties {
  const indicators = indicatorRegistry.flatMap(({ id }) => {
    const status = place.indicators[id];
    return status ? [[id, indicatorProperties(status, site)] as const] : [];
  });
  return {
    slug: place.slug,
    name: placeTitle(place),
    names: place.names,
    country: place.country,
    admin: place.admin,
    updated: place.updated,
    reportCount: place.reportCount,
    coverage: place.coverage,
    url: `${site.origin}/api/v1/places/${place.slug}`,
    page: placePageUrl(site.origin, place.slug),
    indicators: Object.fromEntries(indicators),
    ...Object.fromEntries(
      indicatorRegistry.flatMap(({ id }) =>
        Object.entries(flatProperties(id, place.indicators[id], place.coverage[id])),
      ),
    ),
  };
}

/** An indicator's status as the flat properties `flatShape` describes; its coverage alone when not reported. */
function flatProperties(
  id: string,
  status: IndicatorStatusSummary | undefined,
  coverage: Coverage,
): Record<string, unknown> {
  if (!status) return { [`${id}_coverage`]: coverage };
  const { figure, period, disagreement } = status;
  const since = 'since' in figure && figure.since ? { [`${id}_since`]: figure.since.date } : {};
  const value =
    'value' in figure
      ? {
          [id]: figure.value,
          ...(figure.high === undefined ? {} : { [`${id}_high`]: figure.high }),
          [`${id}_basis`]: basisOf(figure),
          ...since,
          [`${id}_qualifier`]: figure.qualifier,
        }
      : 'state' in figure
        ? { [id]: figure.state, ...since }
        : { [id]: figureWords(figure, 'en') };
  const periodCount = period && 'value' in period.figure ? period.figure : undefined;
  return {
    ...value,
    [`${id}_observed`]: status.observed,
    [`${id}_stale_after`]: status.staleAfter,
    [`${id}_verification`]: status.verification,
    [`${id}_source`]: status.source.name,
    ...(disagreement
      ? {
          [`${id}_sources_low`]: disagreement.low,
          [`${id}_sources_high`]: disagreement.high,
          [`${id}_source_count`]: disagreement.sourceCount,
        }
      : {}),
    ...(period && periodCount
      ? {
          [`${id}_period`]: periodCount.value,
          ...(periodCount.high === undefined ? {} : { [`${id}_period_high`]: periodCount.high }),
          [`${id}_period_qualifier`]: periodCount.qualifier,
          [`${id}_period_observed`]: period.observed,
        }
      : {}),
    [`${id}_coverage`]: coverage,
  };
}

/** The collection as a string; places keep the order given. */
export function renderStatusGeoJson(places: readonly PlaceSummary[], site: ExportSite): string {
  const collection: StatusCollection = {
    type: 'FeatureCollection',
    features: [],
    placesWithoutCoordinates: [],
  };
  for (const place of places) {
    const properties = placeProperties(place, site);
    if (place.coordinates) {
      collection.features.push({
        type: 'Feature',
        id: place.slug,
        geometry: { type: 'Point', coordinates: [place.coordinates.lon, place.coordinates.lat] },
        properties,
      });
    } else {
      collection.placesWithoutCoordinates.push(properties);
    }
  }
  return JSON.stringify(collection);
}
