// Loads a large SYNTHETIC history through the storage layer in bulk, as a rebuild would
// see it, without one HTTP call per report.

import { env } from 'cloudflare:test';
import { newReportId } from '../../src/domain/ids.ts';
import type { Report } from '../../src/domain/model.ts';
import { summarizeReport } from '../../src/domain/status.ts';
import { rebuildAllDocuments } from '../../src/services/derive.ts';
import { StatusStore } from '../../src/store/status-store.ts';
import { syntheticPlace, syntheticReport } from './builders.ts';

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

export async function loadSyntheticHistory(slug: string, count: number, batch = 100): Promise<Report[]> {
  const store = new StatusStore(env.STATUS_KV);
  await store.putPlace({ ...syntheticPlace({ names: { en: `${slug} (synthetic)` } }), slug, admin: [] });
  const reports = Array.from({ length: count }, (_, i) => syntheticHistoryReport(slug, i));
  for (let i = 0; i < reports.length; i += batch) {
    const slice = reports.slice(i, i + batch);
    await Promise.all(
      slice.flatMap((report) => [
        store.putReport(report),
        store.putHistoryEntry(summarizeReport(report, { state: 'active' })),
      ]),
    );
  }
  await rebuildAllDocuments(store);
  return reports;
}
