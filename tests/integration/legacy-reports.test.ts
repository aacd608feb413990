// Reports stored before each report was its own entry in the index of all history: the report
// under v1/report/{id}, who published it in that key's metadata, and an empty index entry
// holding its summary. A deploy of the layout of now reads them where they are, lists them, and
// changes their state without losing them. SYNTHETIC data.

import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { summarizeReport } from '../../src/domain/status.ts';
import { reloadWriters } from '../../src/services/repair.ts';
import { historyKey, reportKey } from '../../src/store/keys.ts';
import { StatusStore } from '../../src/store/status-store.ts';
import { encodeSummary } from '../../src/store/summary-metadata.ts';
import { writersOf } from '../../src/writers/stubs.ts';
import { call, json } from '../support/api.ts';
import { acceptedReport, syntheticPlace } from '../support/builders.ts';
import { retract } from '../support/seed-api.ts';

describe('a report stored before a report was its own index entry', () => {
  it('is read where it is, listed, and retracted without being lost', async () => {
    const slug = 'legacy-town';
    const store = new StatusStore(env.STATUS_KV);
    await store.putPlace({ ...syntheticPlace({ names: { en: `${slug} (synthetic)` } }), slug, admin: [] });
    const report = acceptedReport(1, { place: slug });
    await env.STATUS_KV.put(reportKey(report.id), JSON.stringify(report), {
      metadata: { publishedBy: 'reporter' },
    });
    await env.STATUS_KV.put(historyKey(report.id), '', {
      metadata: encodeSummary(summarizeReport(report, { state: 'active' })),
    });
    await reloadWriters(store, writersOf(env));

    const read = await call(`/api/v1/reports/${report.id}`);
    expect(read.status).toBe(200);
    expect((await json(read)).summary).toEqual(report.summary);
    expect((await store.getPublishedReport(report.id))?.publishedBy).toBe('reporter');
    const history = await json(await call(`/api/v1/places/${slug}/reports`));
    expect(history.reports.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect((await json(await call('/api/v1/reports'))).reports.map((r: { id: string }) => r.id)).toContain(
      report.id,
    );

    await retract(report.id);
    expect((await json(await call(`/api/v1/reports/${report.id}`))).state).toBe('retracted');
    // The index entry stays empty and the report stays under its own key.
    expect(await env.STATUS_KV.get(historyKey(report.id))).toBe('');
    expect(JSON.parse((await env.STATUS_KV.get(reportKey(report.id))) ?? '{}').id).toBe(report.id);
  });
});
