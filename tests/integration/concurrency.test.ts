import { describe, expect, it } from 'vitest';
import { historyPrefix } from '../../src/store/keys.ts';
import { call, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { countKeys } from '../support/kv.ts';
import { runScheduledRepair } from '../support/scheduled.ts';
import { createPlace } from '../support/seed-api.ts';

// Each place's writer decides and flushes one report at a time, and the writer of all
// places hears of every one, so the time grows with the reports sent, not with how many are
// in flight at once. Twenty clients over four places keep about five requests racing for
// each place's writer at every step; five reports a client, one more than there are places,
// send every client to every place. Pages of `pageSize` make the API and every feed span
// several pages (each place's feed its window and archive pages), so a report lost or
// repeated at a page boundary is seen as it would be among thousands.
const clients = 20;
const perClient = 5;
const places = ['crowd-a', 'crowd-b', 'crowd-c', 'crowd-d'];
const pageSize = 10;

/** The report client `client` sends as its n-th: the same body every time it is sent. */
function reportOf(client: number, n: number) {
  const place = places[(client + n) % places.length] as string;
  return syntheticReport(place, { observed: `2024-0${(n % 7) + 3}` });
}

async function walk(
  first: string,
  ids: (page: string) => string[],
  next: (page: string) => string | undefined,
) {
  const seen: string[] = [];
  let url: string | undefined = first;
  for (let pages = 0; url && pages < 200; pages++) {
    const page = await (await call(url)).text();
    seen.push(...ids(page));
    url = next(page);
  }
  return seen;
}

describe(`${clients * perClient} reports from ${clients} concurrent clients`, () => {
  // Alone it takes well under a minute on two cores; the files running beside it in the
  // whole suite may double that.
  it('are all stored exactly once and appear once in the API and in every feed', {
    timeout: 120_000,
  }, async () => {
    for (const slug of places) await createPlace(slug);
    const statuses = await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const answers: number[] = [];
        for (let n = 0; n < perClient; n++) {
          const response = await send('POST', '/api/v1/reports', reportOf(client, n), {
            as: 'reporter',
            headers: { 'idempotency-key': `client-${client}-report-${n}` },
          });
          answers.push(response.status);
        }
        return answers;
      }),
    );
    const byStatus: Record<string, number> = {};
    for (const status of statuses.flat()) byStatus[status] = (byStatus[status] ?? 0) + 1;
    expect(byStatus).toEqual({ 201: clients * perClient });
    const total = clients * perClient;
    expect(await countKeys(historyPrefix)).toBe(total);

    await runScheduledRepair();

    // The JSON API: every report once, across pages.
    const apiIds = await walk(
      `/api/v1/reports?limit=${pageSize}`,
      (page) => (JSON.parse(page).reports as { id: string }[]).map((r) => r.id),
      (page) => JSON.parse(page).next ?? undefined,
    );
    expect(apiIds).toHaveLength(total);
    expect(new Set(apiIds).size).toBe(total);
    let counted = 0;
    for (const slug of places)
      counted += ((await (await call(`/api/v1/places/${slug}`)).json()) as { reportCount: number })
        .reportCount;
    expect(counted).toBe(total);

    // Every feed, through its archive links.
    for (const scope of ['/feeds/all', ...places.map((p) => `/feeds/places/${p}`)]) {
      for (const format of ['atom', 'rss']) {
        const ids = await walk(
          `${scope}.${format}?limit=${pageSize}`,
          (page) => [...page.matchAll(/\/reports\/([0-9A-Z]{26})/g)].map((m) => m[1] as string),
          (page) =>
            /rel="prev-archive"[^>]*href="([^"]+)"|href="([^"]+)" rel="prev-archive"/
              .exec(page)
              ?.slice(1)
              .find(Boolean)
              ?.replaceAll('&amp;', '&'),
        );
        const expected = scope === '/feeds/all' ? total : apiIds.length / places.length;
        expect(new Set(ids).size, `${scope}.${format}`).toBe(expected);
      }
      const jsonIds = await walk(
        `${scope}.json?limit=${pageSize}`,
        (page) =>
          (JSON.parse(page).items as { _humanitarian: { report: string } }[]).map(
            (i) => i._humanitarian.report,
          ),
        (page) => JSON.parse(page).next_url,
      );
      expect(new Set(jsonIds).size, `${scope}.json`).toBe(
        scope === '/feeds/all' ? total : total / places.length,
      );
    }

    // A retry of any of them with its key creates nothing new.
    const retries = await Promise.all(
      [0, 7, 19].map((client) =>
        send('POST', '/api/v1/reports', reportOf(client, 3), {
          as: 'reporter',
          headers: { 'idempotency-key': `client-${client}-report-3` },
        }),
      ),
    );
    expect(retries.map((r) => r.headers.get('idempotent-replayed'))).toEqual(['true', 'true', 'true']);
    expect(
      ((await (await call('/api/v1/reports?limit=1')).json()) as { reports: { id: string }[] }).reports[0]
        ?.id,
    ).toBe(apiIds[0]);
  });
});
