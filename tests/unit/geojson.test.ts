import { describe, expect, it } from 'vitest';
import { indicatorRegistry } from '../../src/domain/indicators.ts';
import { renderStatusGeoJson, statusCollection } from '../../src/render/geojson.ts';
import {
  acceptedReport,
  deaths,
  deathsInPeriod,
  electricity,
  placeWith,
  remaining,
} from '../support/builders.ts';

// Every place, figure and source below is SYNTHETIC.

const site = { origin: 'https://status.test' };

const report = acceptedReport(1, {
  observed: '2024-03',
  figures: [electricity('intermittent'), remaining(12_000), deaths(120)],
});
const located = placeWith([report], { slug: 'west-synthetic', coordinates: { lat: 48.5, lon: -38.25 } });
const unlocated = placeWith([report], { slug: 'nowhere-synthetic', coordinates: undefined });
const collection = JSON.parse(renderStatusGeoJson([located, unlocated], site));

describe('renderStatusGeoJson', () => {
  it('is an RFC 7946 FeatureCollection of Point features at [longitude, latitude]', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(1);
    const [feature] = collection.features;
    expect(feature.type).toBe('Feature');
    expect(feature.id).toBe('west-synthetic');
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [-38.25, 48.5] });
    expect(feature.geometry.coordinates.every((n: unknown) => typeof n === 'number')).toBe(true);
  });

  it('gives each place its status with qualifiers, dates, source and verification', () => {
    const { properties } = collection.features[0];
    expect(properties).toMatchObject({
      slug: 'west-synthetic',
      name: 'Testville (synthetic)',
      country: { code: 'XX', name: 'Synthetic country' },
      updated: report.published,
      reportCount: 1,
      url: 'https://status.test/api/v1/places/west-synthetic',
      page: 'https://status.test/places/west-synthetic',
    });
    expect(Object.keys(properties.indicators)).toEqual([
      'electricity',
      'population_remaining',
      'civilian_deaths',
    ]);
    expect(properties.indicators.civilian_deaths).toEqual({
      label: 'civilians killed',
      text: 'at least 120 in all, since an unstated date',
      figure: { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least', basis: 'total' },
      report: report.id,
      observed: '2024-03',
      published: report.published,
      verification: 'unconfirmed',
      source: report.source,
      staleAfter: '2024-04-30',
      reportUrl: `https://status.test/api/v1/reports/${report.id}`,
      reportPage: `https://status.test/reports/${report.id}`,
    });
    expect(properties.indicators.electricity.text).toBe('intermittent');
  });

  it('lists a place without coordinates in placesWithoutCoordinates instead of dropping it', () => {
    expect(collection.placesWithoutCoordinates).toHaveLength(1);
    const [place] = collection.placesWithoutCoordinates;
    expect(place.slug).toBe('nowhere-synthetic');
    expect(place.indicators.population_remaining.figure).toEqual(remaining(12_000));
    expect(collection.features.map((f: { id: string }) => f.id)).not.toContain('nowhere-synthetic');
  });

  it('keeps an empty list of places a valid, empty collection', () => {
    expect(JSON.parse(renderStatusGeoJson([], site))).toEqual({
      type: 'FeatureCollection',
      features: [],
      placesWithoutCoordinates: [],
    });
  });

  it('renders the same places to the same bytes', () => {
    expect(renderStatusGeoJson([located, unlocated], site)).toBe(
      renderStatusGeoJson([located, unlocated], site),
    );
  });
});

describe('flat properties, for map tools that style by a top-level property', () => {
  it("carry every indicator's figure beside the nested form, named by the indicator's id", () => {
    const { properties } = collection.features[0];
    const nested = properties.indicators;
    expect(properties).toMatchObject({
      electricity: 'intermittent',
      electricity_observed: '2024-03',
      population_remaining: 12_000,
      population_remaining_qualifier: nested.population_remaining.figure.qualifier,
      population_remaining_verification: nested.population_remaining.verification,
      population_remaining_stale_after: nested.population_remaining.staleAfter,
      population_remaining_source: nested.population_remaining.source.name,
      civilian_deaths: 120,
      civilian_deaths_qualifier: nested.civilian_deaths.figure.qualifier,
    });
    expect(typeof properties.population_remaining).toBe('number');
    // an indicator without a figure has its coverage alone, never a null
    expect(Object.keys(properties)).not.toContain('gas');
    expect(Object.keys(properties).filter((k) => k.startsWith('civilian_injuries'))).toEqual([
      'civilian_injuries_coverage',
    ]);
  });

  it('say for every indicator of the registry whether it was reported', () => {
    const { properties } = collection.features[0];
    expect(Object.fromEntries(indicatorRegistry.map(({ id }) => [id, properties[`${id}_coverage`]]))).toEqual(
      {
        electricity: 'reported',
        gas: 'not_reported',
        running_water: 'not_reported',
        population_baseline: 'not_reported',
        population_remaining: 'reported',
        civilian_deaths: 'reported',
        civilian_injuries: 'not_reported',
        situation: 'not_reported',
      },
    );
    expect(properties.coverage).toEqual(located.coverage);
  });

  it("give a count's basis, and a running total with no since as such", () => {
    const { properties } = collection.features[0];
    expect(properties).toMatchObject({ civilian_deaths_basis: 'total', population_remaining_basis: 'total' });
    expect(Object.keys(properties)).not.toContain('civilian_deaths_since');
    expect(Object.keys(properties)).not.toContain('civilian_deaths_high');
  });

  it('are there for places without coordinates too', () => {
    expect(collection.placesWithoutCoordinates[0]).toMatchObject({ population_remaining: 12_000 });
  });
});

describe('counts beside the headline, flat', () => {
  const sourceA = { name: 'Synthetic agency A', kind: 'ngo', language: 'en' } as const;
  const sourceB = { name: 'Synthetic paper B', kind: 'media', language: 'en' } as const;
  const total = acceptedReport(1, {
    observed: '2022-11',
    source: sourceA,
    figures: [{ ...deaths(8_000, 'exact'), since: { date: '2022-02', qualifier: 'approximately' } }],
  });
  const other = acceptedReport(2, {
    observed: '2022-11',
    source: sourceB,
    figures: [deaths(15_000, 'exact')],
  });
  const period = acceptedReport(3, {
    observed: '2022-11',
    source: sourceA,
    figures: [{ ...deathsInPeriod(40, 'exact'), high: 60 }],
  });
  const text = renderStatusGeoJson([placeWith([total, other, period])], site);
  const { properties } = JSON.parse(text).features[0];

  it('put the period count beside the running total, with its range', () => {
    expect(properties).toMatchObject({
      civilian_deaths: 15_000,
      civilian_deaths_basis: 'total',
      civilian_deaths_period: 40,
      civilian_deaths_period_high: 60,
      civilian_deaths_period_qualifier: 'exact',
      civilian_deaths_period_observed: '2022-11',
    });
    expect(properties.indicators.civilian_deaths.period.figure).toMatchObject({ value: 40, high: 60 });
  });

  it('show sources that disagree as their lowest and highest number and how many', () => {
    expect(properties).toMatchObject({
      civilian_deaths_sources_low: 8_000,
      civilian_deaths_sources_high: 15_000,
      civilian_deaths_source_count: 2,
    });
    expect(properties.indicators.civilian_deaths.disagreement).toMatchObject({ low: 8_000, high: 15_000 });
  });

  it("give a range's high bound and a total's since", () => {
    const ranged = acceptedReport(1, { figures: [{ ...deaths(40, 'exact'), high: 60 }] });
    const flat = JSON.parse(renderStatusGeoJson([placeWith([ranged]), placeWith([total])], site));
    expect(flat.features[0].properties).toMatchObject({ civilian_deaths: 40, civilian_deaths_high: 60 });
    expect(flat.features[1].properties).toMatchObject({ civilian_deaths_since: '2022-02' });
  });

  it('stay within the shape the schema publishes', () => {
    expect(statusCollection.safeParse(JSON.parse(text)).success).toBe(true);
    expect(statusCollection.safeParse(collection).success).toBe(true);
  });
});
