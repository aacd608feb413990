// The change log's first run and a log that lost its storage. Reports stored before the log
// existed are taken from the facts in KV, in the order the service took them; a log that lost
// its storage takes its pages back from KV, so every cursor handed out keeps its place.
// SYNTHETIC places and numbers.

import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Change, ChangeList } from '../../src/domain/changes.ts';
import { changePagePrefix } from '../../src/store/keys.ts';
import { call, json } from '../support/api.ts';
import { deaths, remaining, syntheticReport } from '../support/builders.ts';
import { expectMirrorSameAsApi, expectSameAsApi, Replica } from '../support/change-replica.ts';
import { observedNamespace } from '../support/observed-namespace.ts';
import { correct, createPlace, postReport, retract } from '../support/seed-api.ts';
import { wrapWriterBinding, writers } from '../support/writers.ts';

/** The change log starts again with empty storage, as a newly deployed one does. */
async function emptyChangeLog(): Promise<void> {
  const stub = writers.changeLog();
  await runInDurableObject(stub, async (_, state) => {
    await state.storage.deleteAlarm();
    await state.storage.deleteAll();
  });
  await evictDurableObject(stub);
}

/** What each change of the log's first page says of figures. */
async function figuresLogged() {
  const { changes } = await json<ChangeList>(await call('/api/v1/changes'));
  return changes.map((c: Change) => ({
    change: `${c.kind} ${c.report}`,
    figures: c.figures,
    ...('observed' in c ? { observed: c.observed } : {}),
  }));
}

describe('the change log', () => {
  it('takes in every report stored before it existed, in the order the service took them', async () => {
    const [a, b] = ['backfill-a', 'backfill-b'];
    await createPlace(a);
    await createPlace(b);
    const { id: first } = await postReport(syntheticReport(a, { figures: [deaths(5), remaining(200)] }));
    const { id: second } = await postReport(
      syntheticReport(a, { observed: '2024-03-16', figures: [deaths(6)] }),
    );
    const { id: third } = await postReport(syntheticReport(b, { figures: [deaths(2)] }));
    const corrected = await correct(first, { figures: [deaths(7)] });
    await retract(corrected, 'SYNTHETIC: the first count stands');
    const moved = await correct(second, { place: b });
    await retract(third);
    const logged = await figuresLogged();
    expect(logged.filter((c) => c.figures.length === 0)).toEqual([
      { change: `correction ${moved}`, figures: [], observed: '2024-03-16' },
    ]);

    // A deployment whose KV holds all this and whose change log is new: no page, no storage.
    await emptyChangeLog();
    const pages = await env.STATUS_KV.list({ prefix: changePagePrefix });
    await Promise.all(pages.keys.map((key) => env.STATUS_KV.delete(key.name)));

    const replica = new Replica();
    await replica.catchUp();
    expect(replica.seen).toEqual([
      `new ${first}`,
      `new ${second}`,
      `new ${third}`,
      `correction ${corrected}`,
      `retraction ${corrected}`,
      `correction ${moved}`,
      `retraction ${third}`,
    ]);
    await expectSameAsApi(replica, [a, b]);
    expect(replica.held.get(first)).toEqual({ place: a, state: 'active', restoredFrom: corrected });
    // The figures of each change are those it was given when the writers told it.
    expect(await figuresLogged()).toEqual(logged);
    await expectMirrorSameAsApi([a, b]);
  });

  it('gives the changes it took before changes carried figures their figures, from the facts, and writes its pages again', async () => {
    const slug = 'backfill-figureless';
    await createPlace(slug);
    const { id: first } = await postReport(syntheticReport(slug, { figures: [deaths(8), remaining(300)] }));
    const corrected = await correct(first, { figures: [deaths(9)] });
    await retract(corrected, 'SYNTHETIC: the first count stands');
    const logged = await figuresLogged();

    // The log as it was before changes carried figures: none in its changes, nothing stated.
    const stub = writers.changeLog();
    await runInDurableObject(stub, async (_, state) => {
      state.storage.sql.exec("UPDATE changes SET json = json_remove(json, '$.figures', '$.observed')");
      state.storage.sql.exec('DELETE FROM stated');
      state.storage.kv.delete('figured');
    });
    await evictDurableObject(stub);

    const { id: later } = await postReport(syntheticReport(slug, { figures: [deaths(10)] }));
    const now = await figuresLogged();
    expect(now.slice(0, logged.length)).toEqual(logged);
    expect(now.at(-1)?.change).toBe(`new ${later}`);
    await expectMirrorSameAsApi([slug]);
  });

  it('takes its pages back from KV after losing its storage, so a cursor handed out keeps its place', async () => {
    await createPlace('backfill-late');
    await createPlace('backfill-lost');
    // A report the log takes late, after a later one: an order the facts alone would not give.
    let down = true;
    await wrapWriterBinding(writers.place('backfill-late'), 'CHANGE_LOG', (namespace) =>
      observedNamespace(namespace, () => {
        if (down) throw new Error('injected fault: change log unreachable');
      }),
    );
    const { id: late } = await postReport(syntheticReport('backfill-late'));
    const { id: early } = await postReport(syntheticReport('backfill-lost', { figures: [deaths(1)] }));
    down = false;
    await runDurableObjectAlarm(writers.place('backfill-late'));
    const replica = new Replica();
    await replica.catchUp();
    expect(replica.seen.slice(-2)).toEqual([`new ${early}`, `new ${late}`]);
    const before = [...replica.seen];

    await emptyChangeLog();
    const { id } = await postReport(syntheticReport('backfill-lost', { figures: [deaths(4)] }));
    await replica.catchUp();
    expect(replica.seen).toEqual([...before, `new ${id}`]);
    const fresh = new Replica();
    await fresh.catchUp();
    expect(fresh.seen).toEqual(replica.seen);
    await expectSameAsApi(fresh, ['backfill-late', 'backfill-lost']);
  });
});
