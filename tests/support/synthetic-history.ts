// SYNTHETIC history, generated without randomness: the same index always gives the same
// report, so loads of any size are reproducible.

import { newReportId } from '../../src/domain/ids.ts';
import type { Report } from '../../src/domain/model.ts';
import { syntheticReport } from './builders.ts';

const start = Date.UTC(2024, 0, 1);

/** Report i is published i minutes after 2024-01-01; every third one reports gas, the rest deaths. */
export function syntheticHistoryReport(slug: string, i: number): Report {
  const published = new Date(start + i * 60_000);
  let seed = i + 1;
  const random = (bytes: Uint8Array) => {
    for (let k = 0; k < bytes.length; k++) {
      seed = (seed * 31 + k) % 251;
      bytes[k] = seed;
    }
  };
  const figure =
    i % 3 === 0
      ? ({ indicator: 'gas', state: 'intermittent' } as const)
      : ({ indicator: 'civilian_deaths', value: i, qualifier: 'at_least' } as const);
  return {
    ...syntheticReport(slug, { observed: published.toISOString().slice(0, 10), figures: [figure] }),
    id: newReportId(published, random),
    published: published.toISOString(),
  };
}
