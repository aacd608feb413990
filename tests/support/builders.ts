// The one module of builders of SYNTHETIC data for every test: invented names and numbers,
// fixed dates, ids from a fixed clock, never presented as real data. Inputs as a client
// sends them (syntheticPlace, syntheticReport), figures, and places and reports as stored
// (acceptedPlace, acceptedReport).

import { derivePlaceDocument, type PlaceDocument, summarizePlace } from '../../src/domain/documents.ts';
import { newReportId } from '../../src/domain/ids.ts';
import type {
  CountFigure,
  Figure,
  Place,
  PlaceInput,
  PlaceSummary,
  Qualifier,
  Report,
  ReportInput,
  ReportSummary,
  UtilityFigure,
} from '../../src/domain/model.ts';
import { type ReportFate, summarizeReport } from '../../src/domain/status.ts';

/**
 * An indicator no registry can hold: registry ids are snake_case words
 * (tests/unit/indicators.test.ts checks it), and this has spaces.
 */
export const unknownIndicator = 'no such indicator';

export function syntheticPlace(overrides: Partial<PlaceInput> = {}): PlaceInput {
  return {
    names: { en: 'Testville (synthetic)', nl: 'Testdorp (synthetisch)' },
    country: { code: 'XX', name: 'Synthetic country' },
    admin: [{ level: 1, name: 'Synthetic oblast', pcode: 'XX01' }],
    coordinates: { lat: 10, lon: 20 },
    ...overrides,
  };
}

export function syntheticReport(place: string, overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    place,
    observed: '2024-03-15',
    figures: [
      {
        indicator: 'electricity',
        state: 'unavailable',
        since: { date: '2024-03', qualifier: 'approximately' },
      },
    ],
    summary: { text: 'SYNTHETIC test report.', language: 'en' },
    source: { name: 'Synthetic source', role: 'test fixture', kind: 'ngo', language: 'en' },
    verification: 'unconfirmed',
    ...overrides,
  };
}

export const syntheticSlug = 'testville-synthetic';

/** The instant synthetic report number 0 was accepted; report n follows n minutes later. */
const acceptedFrom = Date.UTC(2024, 2, 15, 12, 0, 0);

export function acceptedAt(n: number): Date {
  return new Date(acceptedFrom + n * 60_000);
}

/** A valid report id that sorts by n, as ids of reports accepted n minutes apart do. */
export function syntheticId(n: number): string {
  return newReportId(acceptedAt(n), (bytes) => bytes.fill(n % 256));
}

/** A place as stored, with the synthetic slug. */
export function acceptedPlace(overrides: Partial<Place> = {}): Place {
  return { slug: syntheticSlug, ...syntheticPlace(), ...overrides };
}

type UtilityState = UtilityFigure['state'];
type TextFigure = Extract<Figure, { text: string }>;

export const electricity = (state: UtilityState): UtilityFigure => ({
  indicator: 'electricity',
  state,
});

export const gas = (state: UtilityState): UtilityFigure => ({
  indicator: 'gas',
  state,
});

export const remaining = (value: number, qualifier: Qualifier = 'approximately'): CountFigure => ({
  indicator: 'population_remaining',
  value,
  qualifier,
  basis: 'total',
});

export const deaths = (value: number, qualifier: Qualifier = 'at_least'): CountFigure => ({
  indicator: 'civilian_deaths',
  value,
  qualifier,
  basis: 'total',
});

/** SYNTHETIC: a count of deaths within the report's observed period only. */
export const deathsInPeriod = (value: number, qualifier: Qualifier = 'at_least'): CountFigure => ({
  indicator: 'civilian_deaths',
  value,
  qualifier,
  basis: 'period',
});

export const situation = (text: string): TextFigure => ({ indicator: 'situation', text, language: 'en' });

/** Synthetic report number n as stored: accepted n minutes after the base instant, observed on a fixed day. */
export function acceptedReport(n: number, overrides: Partial<Report> = {}): Report {
  return {
    ...syntheticReport(syntheticSlug, {
      figures: [electricity('unavailable')],
      summary: { text: `SYNTHETIC test report ${n}.`, language: 'en' },
    }),
    id: syntheticId(n),
    published: acceptedAt(n).toISOString(),
    ...overrides,
  };
}

export function summaryOf(report: Report, fate: ReportFate = { state: 'active' }): ReportSummary {
  return summarizeReport(report, fate);
}

export function byId(reports: readonly Report[]): Map<string, Report> {
  return new Map(reports.map((r) => [r.id, r]));
}

/** The value, or a thrown error naming what was missing; keeps tests free of `!`. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test setup: missing ${what}`);
  return value;
}

/** A deterministic shuffle (linear congruential generator), so "random" orders repeat exactly. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    const a = present(out[i], 'shuffle item');
    const b = present(out[j], 'shuffle item');
    out[i] = b;
    out[j] = a;
  }
  return out;
}

/** A place's document before any report, as its writer derives it from an empty history. */
export function documentWithoutReports(of: Place): PlaceDocument {
  return derivePlaceDocument(of, [], new Map(), null);
}

/** A place's entry in the list of places, after the given reports. */
export function placeWith(
  reports: Report[],
  overrides: Parameters<typeof acceptedPlace>[0] = {},
): PlaceSummary {
  const doc = derivePlaceDocument(
    acceptedPlace(overrides),
    reports.map((r) => summaryOf(r)),
    new Map(reports.map((r) => [r.id, r])),
    null,
  );
  return summarizePlace(doc);
}
