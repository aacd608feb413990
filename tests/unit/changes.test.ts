import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Change,
  type ChangeNotice,
  inTakenOrder,
  type LoggedFacts,
  type LoggedReport,
  reportChange,
  retractionChange,
  retractionNotices,
} from '../../src/domain/changes.ts';
import { deriveFates } from '../../src/domain/status.ts';
import { acceptedAt, syntheticId } from '../support/builders.ts';

/** The facts of a change log in memory: what the change log keeps in SQLite. */
class MemoryLog implements LoggedFacts {
  private readonly reports = new Map<string, LoggedReport>();
  private readonly retracted = new Set<string>();
  readonly changes: Change[] = [];

  report(id: string) {
    return this.reports.get(id);
  }

  correctionsOf(id: string) {
    return [...this.reports.values()].filter((r) => r.corrects === id);
  }

  isRetracted(id: string) {
    return this.retracted.has(id);
  }

  /** Takes a notice once, as the change log does; the reason of a correction is made up here. */
  take(notice: ChangeNotice): void {
    if (notice.kind === 'report') {
      const { id, place, corrects } = notice.report;
      if (this.reports.has(id)) return;
      this.reports.set(id, { id, place, ...(corrects ? { corrects: corrects.report } : {}) });
      const fact = corrects
        ? { ...notice.report, corrects: { report: corrects.report, reason: 'SYNTHETIC reason' } }
        : { ...notice.report, corrects: undefined };
      this.changes.push(reportChange(this, fact));
    } else {
      const ids = [notice.retraction.report, ...(notice.retraction.versions ?? [])];
      if (ids.every((id) => this.retracted.has(id))) return;
      for (const id of ids) this.retracted.add(id);
      this.changes.push(retractionChange(this, notice.retraction));
    }
  }
}

const report = (n: number, corrects?: number, place = 'synthetic-a'): ChangeNotice => ({
  kind: 'report',
  report: {
    id: syntheticId(n),
    place,
    published: acceptedAt(n).toISOString(),
    ...(corrects === undefined ? {} : { corrects: { report: syntheticId(corrects) } }),
  },
});

const retraction = (n: number, at: number, place = 'synthetic-a'): ChangeNotice => ({
  kind: 'retraction',
  retraction: {
    report: syntheticId(n),
    place,
    reason: 'SYNTHETIC: withdrawn',
    retracted: acceptedAt(at).toISOString(),
  },
});

/** What a client holds after applying every change's effects in order. */
function replayed(changes: readonly Change[]) {
  const held = new Map<string, { state: string; supersededBy?: string; restoredFrom?: string }>();
  for (const change of changes) {
    for (const { report: id, place: _, ...fate } of change.effects) held.set(id, fate);
  }
  return held;
}

describe('the changes a report or a retraction makes', () => {
  it('makes a new report a change of kind new that leaves it active', () => {
    const log = new MemoryLog();
    log.take(report(1));
    expect(log.changes).toEqual([
      {
        kind: 'new',
        report: syntheticId(1),
        place: 'synthetic-a',
        at: acceptedAt(1).toISOString(),
        effects: [{ report: syntheticId(1), place: 'synthetic-a', state: 'active' }],
      },
    ]);
  });

  it('makes a correction a change that names the corrected report, its reason and its tombstone', () => {
    const log = new MemoryLog();
    log.take(report(1));
    log.take(report(2, 1, 'synthetic-b'));
    expect(log.changes[1]).toEqual({
      kind: 'correction',
      report: syntheticId(2),
      place: 'synthetic-b',
      at: acceptedAt(2).toISOString(),
      corrects: syntheticId(1),
      reason: 'SYNTHETIC reason',
      effects: [
        { report: syntheticId(2), place: 'synthetic-b', state: 'active' },
        { report: syntheticId(1), place: 'synthetic-a', state: 'superseded', supersededBy: syntheticId(2) },
      ],
    });
  });

  it('says that retracting a correction restores the report it corrected', () => {
    const log = new MemoryLog();
    for (const notice of [report(1), report(2, 1), retraction(2, 3)]) log.take(notice);
    expect(log.changes[2]).toEqual({
      kind: 'retraction',
      report: syntheticId(2),
      place: 'synthetic-a',
      at: acceptedAt(3).toISOString(),
      reason: 'SYNTHETIC: withdrawn',
      restored: syntheticId(1),
      effects: [
        { report: syntheticId(2), place: 'synthetic-a', state: 'retracted' },
        { report: syntheticId(1), place: 'synthetic-a', state: 'active', restoredFrom: syntheticId(2) },
      ],
    });
  });

  it('restores nothing when the retracted report corrects nothing', () => {
    const log = new MemoryLog();
    for (const notice of [report(1), retraction(1, 2)]) log.take(notice);
    expect(log.changes[1]).not.toHaveProperty('restored');
    expect(log.changes[1]?.effects).toEqual([
      { report: syntheticId(1), place: 'synthetic-a', state: 'retracted' },
    ]);
  });

  it('keeps each fact once, however often it is told', () => {
    const log = new MemoryLog();
    for (const notice of [report(1), report(1), retraction(1, 2), retraction(1, 2)]) log.take(notice);
    expect(log.changes.map((c) => c.kind)).toEqual(['new', 'retraction']);
  });

  it('leaves a client with the fates of every report, in whatever order the facts arrive', () => {
    // Random histories: each report new or a correction of an earlier one, some retracted.
    const history = fc
      .array(fc.record({ corrects: fc.option(fc.nat(), { nil: undefined }), retracted: fc.boolean() }), {
        minLength: 1,
        maxLength: 12,
      })
      .map((items) =>
        items.map((item, n) => ({
          n,
          corrects: item.corrects === undefined || n === 0 ? undefined : item.corrects % n,
          retracted: item.retracted,
        })),
      );
    fc.assert(
      fc.property(history, fc.array(fc.nat(), { minLength: 24, maxLength: 24 }), (items, keys) => {
        const notices = items.flatMap(({ n, corrects, retracted }) => [
          report(n, corrects),
          ...(retracted ? [retraction(n, n + 100)] : []),
        ]);
        const shuffledNotices = notices
          .map((notice, i) => ({ notice, key: keys[i] ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.notice);
        const log = new MemoryLog();
        for (const notice of shuffledNotices) log.take(notice);
        const expected = deriveFates(
          items.map(({ n, corrects }) => ({
            id: syntheticId(n),
            ...(corrects === undefined ? {} : { corrects: syntheticId(corrects) }),
          })),
          new Set(items.filter((i) => i.retracted).map((i) => syntheticId(i.n))),
        );
        expect(replayed(log.changes)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a chain withdrawn in one step', () => {
  const withdrawal = (asked: number, versions: number[], at: number): ChangeNotice => {
    const notice = retraction(asked, at);
    return notice.kind === 'retraction'
      ? { ...notice, retraction: { ...notice.retraction, versions: versions.map(syntheticId) } }
      : notice;
  };

  it('is one retraction whose effects retract every version, and restores nothing', () => {
    const log = new MemoryLog();
    for (const notice of [report(1), report(2), report(3, 2), report(4, 3)]) log.take(notice);
    log.take(withdrawal(3, [2, 4], 5));
    expect(log.changes).toHaveLength(5);
    const change = log.changes.at(-1);
    expect(change).toEqual({
      kind: 'retraction',
      report: syntheticId(3),
      place: 'synthetic-a',
      at: acceptedAt(5).toISOString(),
      reason: 'SYNTHETIC: withdrawn',
      effects: [3, 2, 4].map((n) => ({ report: syntheticId(n), place: 'synthetic-a', state: 'retracted' })),
    });
    expect(replayed(log.changes).get(syntheticId(1))).toEqual({ state: 'active' });
  });

  it('is one notice again when its retractions are found in storage', () => {
    const found = [2, 3, 4].map((n) => ({
      report: syntheticId(n),
      place: 'synthetic-a',
      reason: 'SYNTHETIC: withdrawn',
      retracted: acceptedAt(5).toISOString(),
      withdrawnWithChainOf: syntheticId(3),
    }));
    const alone = {
      report: syntheticId(1),
      place: 'synthetic-a',
      reason: 'x',
      retracted: acceptedAt(6).toISOString(),
    };
    expect(retractionNotices([...found, alone])).toEqual([
      { kind: 'retraction', retraction: alone },
      {
        kind: 'retraction',
        retraction: {
          report: syntheticId(3),
          place: 'synthetic-a',
          reason: 'SYNTHETIC: withdrawn',
          retracted: acceptedAt(5).toISOString(),
          versions: [syntheticId(2), syntheticId(4)],
        },
      },
    ]);
  });
});

describe('inTakenOrder', () => {
  it('orders facts found in storage by the time the service took them, a report before its retraction', () => {
    const notices = [retraction(1, 3), report(3), report(2, 1), report(1), retraction(3, 3)];
    expect(inTakenOrder(notices)).toEqual([
      report(1),
      report(2, 1),
      report(3),
      retraction(1, 3),
      retraction(3, 3),
    ]);
  });
});
