// GET /api/v1/changes: a client that polls the change log and applies every change ends
// with the state of the API, misses nothing between polls, and pays one KV read a page.
// SYNTHETIC places and numbers.

import { createExecutionContext, runDurableObjectAlarm, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { encodeChangeCursor } from '../../src/cursors/changes.ts';
import type { ChangeList } from '../../src/domain/changes.ts';
import type { ReportSummary } from '../../src/domain/model.ts';
import worker from '../../src/index.ts';
import { changePageKey } from '../../src/store/keys.ts';
import { call, json, origin, send } from '../support/api.ts';
import { deaths, remaining, syntheticReport } from '../support/builders.ts';
import { expectSameAsApi, Replica } from '../support/change-replica.ts';
import { faultyKv } from '../support/faulty-kv.ts';
import { observedNamespace } from '../support/observed-namespace.ts';
import { runScheduledRepair } from '../support/scheduled.ts';
import { correct, createPlace, postReport, retract } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';
import { unreachablePlaceWriters, wrapWriterBinding, wrapWriterKv, writers } from '../support/writers.ts';

/** A real cursor with its position changed and its check left as it was. */
function tampered(cursor: string): string {
  const payload = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
  return btoa(JSON.stringify({ ...payload, p: payload.p + 1 }))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

describe('GET /api/v1/changes', () => {
  it('lets a client that replays it from the start end with the state of the API, missing nothing between polls', async () => {
    const [a, b] = ['changes-a', 'changes-b'];
    await createPlace(a);
    await createPlace(b);
    const polling = new Replica();
    const expectNext = async (...changes: string[]) => {
      const before = polling.seen.length;
      await polling.catchUp();
      expect(polling.seen.slice(before)).toEqual(changes);
    };
    await polling.catchUp();

    const { id: first } = await postReport(syntheticReport(a, { figures: [deaths(10), remaining(500)] }));
    await expectNext(`new ${first}`);
    const batch = await send(
      'POST',
      '/api/v1/reports/batch',
      {
        reports: [
          syntheticReport(a, { observed: '2024-03-16', figures: [deaths(12)] }),
          syntheticReport(b, { figures: [deaths(3)] }),
          syntheticReport(b, { observed: '2024-03-17', figures: [remaining(90)] }),
        ],
      },
      { as: 'reporter' },
    );
    expect(batch.status).toBe(201);
    const [second, third, fourth] = (await json(batch)).reports.map((r: { id: string }) => r.id);
    await polling.catchUp();
    expect(polling.seen.slice(-3).sort()).toEqual([`new ${second}`, `new ${third}`, `new ${fourth}`].sort());

    // A correction in its own place, and one filed under the other place.
    const corrected = await correct(second, { figures: [deaths(14)] });
    await expectNext(`correction ${corrected}`);
    const moved = await correct(first, { place: b });
    await expectNext(`correction ${moved}`);
    // A retraction, and a retraction of a correction, which restores the report it corrected.
    await retract(fourth);
    await expectNext(`retraction ${fourth}`);
    await retract(moved, 'SYNTHETIC: the report was in the right place after all');
    await expectNext(`retraction ${moved}`);
    expect(polling.held.get(first)).toEqual({ place: a, state: 'active', restoredFrom: moved });
    // The restored report corrected anew, and a correction of that correction, retracted.
    const again = await correct(first, { figures: [deaths(11)] });
    await expectNext(`correction ${again}`);
    const ofCorrection = await correct(again, { figures: [deaths(13)] });
    await expectNext(`correction ${ofCorrection}`);
    await retract(ofCorrection);
    await expectNext(`retraction ${ofCorrection}`);

    await expectSameAsApi(polling, [a, b]);
    // A client starting now, from the beginning, sees the very same changes in the same order.
    const late = new Replica();
    await late.catchUp();
    expect(late.seen).toEqual(polling.seen);
    expect(late.held).toEqual(polling.held);
    const { reports } = await json<{ reports: ReportSummary[] }>(await call('/api/v1/reports?limit=200'));
    expect(reports.filter((r) => !late.held.has(r.id))).toEqual([]);
  });

  it('shows a chain withdrawn in one step as one retraction that retracts every version and restores none', async () => {
    const slug = 'changes-chain';
    await createPlace(slug);
    const polling = new Replica();
    const { id: earlier } = await postReport(
      syntheticReport(slug, { observed: '2024-01', figures: [deaths(5)] }),
    );
    const { id: original } = await postReport(syntheticReport(slug, { figures: [deaths(10)] }));
    const first = await correct(original, { figures: [deaths(11)] });
    const second = await correct(first, { figures: [deaths(12)] });
    await polling.catchUp();
    const before = polling.changes.length;
    await retract(original);
    await polling.catchUp();
    expect(polling.changes.slice(before)).toEqual([
      expect.objectContaining({
        kind: 'retraction',
        report: original,
        effects: [original, first, second].map((report) => ({ report, place: slug, state: 'retracted' })),
      }),
    ]);
    expect(polling.changes.at(-1)?.kind === 'retraction' && polling.changes.at(-1)).not.toHaveProperty(
      'restored',
    );
    expect(polling.held.get(earlier)).toEqual({ place: slug, state: 'active' });
    await expectSameAsApi(polling, [slug]);
  });

  it('pages through full pages of 100, each never rewritten, and finds the page after a full one', async () => {
    await createPlace('changes-many');
    const replica = new Replica();
    await replica.catchUp();
    const posted: string[] = [];
    const postBatch = async (count: number) => {
      const reports = Array.from({ length: count }, (_, i) =>
        syntheticReport('changes-many', { figures: [deaths(posted.length + i)] }),
      );
      const response = await send('POST', '/api/v1/reports/batch', { reports }, { as: 'reporter' });
      expect(response.status).toBe(201);
      posted.push(...(await json(response)).reports.map((r: { id: string }) => `new ${r.id}`));
    };
    // Up to the end of a page: the next one is written at once, empty.
    await postBatch(100 - (replica.seen.length % 100));
    const full = (replica.seen.length + posted.length) / 100;
    expect(Number.isInteger(full)).toBe(true);
    expect(await env.STATUS_KV.get(changePageKey(full), 'json')).toEqual({ page: full, changes: [] });
    await postBatch(100);
    await postBatch(100);

    const before = replica.seen.length;
    await replica.catchUp();
    expect(replica.seen.slice(before)).toEqual(posted);
    expect(new Set(replica.seen).size).toBe(replica.seen.length);
    const pages = Math.floor(replica.seen.length / 100);
    for (let page = 0; page < pages; page++) {
      const stored = await env.STATUS_KV.get<{ changes: unknown[] }>(changePageKey(page), 'json');
      expect(stored?.changes).toHaveLength(100);
    }

    // One more change rewrites the open page alone.
    let writes: { key: string }[] = [];
    await wrapWriterKv(writers.changeLog(), (kv) => {
      const observed = faultyKv(kv, {});
      writes = observed.writes;
      return observed.binding;
    });
    await postReport(syntheticReport('changes-many', { figures: [deaths(1000)] }));
    expect(writes.map((w) => w.key)).toEqual([changePageKey(pages)]);
  });

  it('answers 304 when the ETag matches, and 200 with the new change once there is one', async () => {
    await createPlace('changes-etag');
    const replica = new Replica();
    await replica.catchUp();
    const path = `/api/v1/changes?after=${replica.cursor}`;
    const first = await call(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await json<ChangeList>(first)).changes).toEqual([]);

    const unchanged = await call(path, { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const report = await postReport(syntheticReport('changes-etag'));
    const changed = await call(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const page = await json<ChangeList>(changed);
    expect(page.changes.map((c) => [c.kind, c.report, c.place])).toEqual([
      ['new', report.id, 'changes-etag'],
    ]);
  });

  it.each([
    ['not a cursor', 'after=not-a-cursor!', '/after'],
    ['empty', 'after=', '/after'],
    ['tampered with', `after=${tampered(encodeChangeCursor(3))}`, '/after'],
    ['past the end of the log', `after=${encodeChangeCursor(1_000_000)}`, '/after'],
    ['named otherwise', 'cursor=abc', '/cursor'],
  ])('refuses a cursor that is %s with 400 invalid-request', async (_, query, pointer) => {
    const response = await call(`/api/v1/changes?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const problem = await json(response);
    expect(problem.type).toMatch(/\/problems\/invalid-request$/);
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toEqual([pointer]);
  });

  it("keeps a change that a place's writer could not hand over, and hands it over from its alarm", async () => {
    const slug = 'changes-unreachable';
    await createPlace(slug);
    let down = true;
    await wrapWriterBinding(writers.place(slug), 'CHANGE_LOG', (namespace) =>
      observedNamespace(namespace, () => {
        if (down) throw new Error('injected fault: change log unreachable');
      }),
    );
    const replica = new Replica();
    const report = await postReport(syntheticReport(slug));
    await replica.catchUp();
    expect(replica.seen).not.toContain(`new ${report.id}`);
    expect((await json(await call(`/api/v1/places/${slug}`))).reportCount).toBe(1);

    down = false;
    expect(await runDurableObjectAlarm(writers.place(slug))).toBe(true);
    await replica.catchUp();
    expect(replica.seen.filter((s) => s === `new ${report.id}`)).toHaveLength(1);
  });

  it('takes from the scheduled repair a report and a retraction its writer could not tell it, once', async () => {
    const slug = 'changes-reconciled';
    await createPlace(slug);
    let down = true;
    await wrapWriterBinding(writers.place(slug), 'CHANGE_LOG', (namespace) =>
      observedNamespace(namespace, () => {
        if (down) throw new Error('injected fault: change log unreachable');
      }),
    );
    const { id } = await postReport(syntheticReport(slug));
    await retract(id);
    const replica = new Replica();
    await replica.catchUp();
    expect(replica.seen.filter((s) => s.endsWith(id))).toEqual([]);

    await runScheduledRepair();
    await replica.catchUp();
    expect(replica.seen.filter((s) => s.endsWith(id))).toEqual([`new ${id}`, `retraction ${id}`]);
    expect(replica.held.get(id)).toEqual({ place: slug, state: 'retracted' });
    // The writer tells it again once it can: nothing is taken twice.
    down = false;
    await runDurableObjectAlarm(writers.place(slug));
    await replica.catchUp();
    expect(replica.seen.filter((s) => s.endsWith(id))).toEqual([`new ${id}`, `retraction ${id}`]);
    await expectSameAsApi(replica, [slug]);
  });

  it('logs a report whose request died before handing it over, after the scheduled repair', async () => {
    const slug = 'changes-repair';
    await createPlace(slug);
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(new URL('/api/v1/reports', origin), {
        method: 'POST',
        headers: { authorization: `Bearer ${testTokens.reporter.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(syntheticReport(slug)),
      }),
      unreachablePlaceWriters(env),
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(201);
    const { id } = await json(response);
    const replica = new Replica();
    await replica.catchUp();
    expect(replica.seen).not.toContain(`new ${id}`);

    await runScheduledRepair();
    await replica.catchUp();
    expect(replica.seen.filter((s) => s === `new ${id}`)).toHaveLength(1);
    expect(replica.held.get(id)).toEqual({ place: slug, state: 'active' });
  });
});
