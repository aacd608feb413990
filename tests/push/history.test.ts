// What the service finds in the facts when its writers and change log start afresh (a bulk
// load, a reload) is history: it is logged, and not pushed. What is taken after it is news.
// In a file of its own, so that the change log is new when the history is loaded. SYNTHETIC.

import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { loadSyntheticHistory } from '../support/bulk.ts';
import { runScheduledRepair } from '../support/scheduled.ts';
import { postReport } from '../support/seed-api.ts';
import { receivedAt, settle, targetAt, waitUntil } from './receiver-client.ts';

describe('history and news', () => {
  it('sends none of the reports found in the facts, and the first one taken after them', async () => {
    const response = await send(
      'POST',
      '/api/v1/subscriptions',
      { url: targetAt('/hooks/history'), filters: { places: ['history-town'] } },
      { as: 'subscriber' },
    );
    expect(response.status).toBe(201);
    await loadSyntheticHistory('history-town', 30);
    await runScheduledRepair();
    const changes = await json(await call('/api/v1/changes'));
    expect(changes.changes.length).toBeGreaterThanOrEqual(30);
    await settle();
    expect(await receivedAt('/hooks/history')).toHaveLength(0);
    const news = await postReport(syntheticReport('history-town'));
    const [delivery] = await waitUntil('/hooks/history', (r) => r.length >= 1);
    expect(JSON.parse(delivery?.body ?? '{}').data.change.report).toBe(news.id);
    await settle();
    expect(await receivedAt('/hooks/history')).toHaveLength(1);
  });
});
