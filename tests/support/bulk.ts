// Loads a large SYNTHETIC history through the storage layer in bulk, as the facts a writer
// reloads from, without one HTTP call per report; then every writer reloads.

import { env } from 'cloudflare:test';
import type { Report } from '../../src/domain/model.ts';
import { summarizeReport } from '../../src/domain/status.ts';
import { reloadWriters } from '../../src/services/repair.ts';
import { StatusStore } from '../../src/store/status-store.ts';
import { writersOf } from '../../src/writers/stubs.ts';
import { syntheticPlace } from './builders.ts';
import { syntheticHistoryReport } from './synthetic-history.ts';

export async function loadSyntheticHistory(slug: string, count: number, batch = 100): Promise<Report[]> {
  const store = new StatusStore(env.STATUS_KV);
  await store.putPlace({ ...syntheticPlace({ names: { en: `${slug} (synthetic)` } }), slug, admin: [] });
  const reports = Array.from({ length: count }, (_, i) => syntheticHistoryReport(slug, i));
  for (let i = 0; i < reports.length; i += batch) {
    const slice = reports.slice(i, i + batch);
    await Promise.all(
      slice.map((report) => store.putReport(report, summarizeReport(report, { state: 'active' }))),
    );
  }
  await reloadWriters(store, writersOf(env));
  return reports;
}
