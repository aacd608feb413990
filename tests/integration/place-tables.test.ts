// What a place's writer tells the writer of all places and the change log while new reports
// wait: what it has taken in (at a flush, or ahead of one), never what it has not, and
// nothing while fates are to be derived again. On the writer's own storage, through the
// tables it keeps there. SYNTHETIC reports.

import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { PlaceTables } from '../../src/writers/place-tables.ts';
import { acceptedReport } from '../support/builders.ts';

let objects = 0;

/** Tables on the storage of a place writer no request ever reaches. */
function withTables(use: (tables: PlaceTables) => void): Promise<void> {
  const stub = env.PLACE_WRITER.getByName(`tables-only-${++objects}`);
  return runInDurableObject(stub, (_, state) => use(new PlaceTables(state.storage.sql, state.storage.kv)));
}

const reportIdsOf = (tables: PlaceTables) =>
  tables
    .unlogged(100)
    .map(({ notice }) => (notice.kind === 'report' ? notice.report.id : notice.retraction.report));

describe('a place writer busy with new reports', () => {
  it('tells what it has taken in, and holds back the reports that arrived since', async () => {
    await withTables((tables) => {
      const [first, second, third] = [acceptedReport(1), acceptedReport(2), acceptedReport(3)];
      tables.add({ reports: [first, second] });
      // The writer took them in; a third arrived meanwhile.
      tables.markApplied([first.id, second.id]);
      tables.add({ reports: [third] });
      expect(tables.dirty).toBe(true);
      expect(tables.unshared().sort()).toEqual([first.id, second.id]);
      expect(reportIdsOf(tables)).toEqual([first.id, second.id]);
      // Once the writer takes the third in, it is told too.
      tables.markApplied([third.id]);
      expect(tables.unshared().sort()).toEqual([first.id, second.id, third.id]);
      expect(reportIdsOf(tables)).toEqual([first.id, second.id, third.id]);
    });
  });

  it('keeps the log in order: nothing after a report it has not taken in yet', async () => {
    await withTables((tables) => {
      const [first, second, third] = [acceptedReport(1), acceptedReport(2), acceptedReport(3)];
      tables.add({ reports: [first] });
      tables.add({ reports: [second] });
      tables.add({ reports: [third] });
      tables.markApplied([first.id, third.id]);
      expect(reportIdsOf(tables)).toEqual([first.id]);
    });
  });

  it('derives fates again until a flush that began after what asked for it, and new reports alone do not ask', async () => {
    await withTables((tables) => {
      tables.changed({ recompute: true });
      const flushFrom = tables.changeSeq;
      tables.changed({ recompute: false });
      tables.flushed(flushFrom);
      expect(tables.recompute).toBe(false);
      expect(tables.dirty).toBe(true);

      const before = tables.changeSeq;
      tables.changed({ recompute: true });
      tables.flushed(before);
      expect(tables.recompute).toBe(true);
      tables.flushed(tables.changeSeq);
      expect([tables.recompute, tables.dirty]).toEqual([false, false]);
    });
  });
});
