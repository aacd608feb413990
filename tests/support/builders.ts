// Builders of SYNTHETIC places and reports for tests: invented names and numbers with
// fixed dates, never presented as real data.

import type { PlaceInput, ReportInput } from '../../src/domain/model.ts';

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
