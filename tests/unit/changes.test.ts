import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mirror } from '../../examples/change-log-mirror.mjs';
import {
  type Change,
  type ChangeNotice,
  inTakenOrder,
  type LoggedFacts,
  type LoggedReport,
  reportChange,
  retractionChange,
  retractionNotices,
  type Stated,
  withFigures,
} from '../../src/domain/changes.ts';
import type { ReportSummary } from '../../src/domain/model.ts';
import { deriveFates, pickCurrent } from '../../src/domain/status.ts';
import { acceptedAt, syntheticId } from '../support/builders.ts';

/** What synthetic report n states, unless a test says otherwise: n deaths, observed in month n. */
const statedBy = (n: number): Stated => ({
  observed: `2022-${String((n % 12) + 1).padStart(2, '0')}`,
  figures: [{ indicator: 'civilian_deaths', value: n, qualifier: 'at_least' }],
});

/**
 * The facts of a change log in memory: what the change log keeps in SQLite. What a report
 * states is read from `kv` when no notice told it, as the change log reads it from KV.
 */
class MemoryLog implements LoggedFacts {
  private readonly reports = new Map<string, LoggedReport>();
  private readonly retracted = new Set<string>();
  private readonly told = new Map<string, Stated>();
  readonly changes: Change[] = [];

  constructor(private readonly kv: ReadonlyMap<string, Stated> = new Map()) {}

  stated(id: string) {
    return this.told.get(id) ?? this.kv.get(id);
  }

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
      const { id, place, corrects, stated } = notice.report;
      if (this.reports.has(id)) return;
      this.reports.set(id, { id, place, ...(corrects ? { corrects: corrects.report } : {}) });
      if (stated) this.told.set(id, stated);
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

const report = (
  n: number,
  corrects?: number,
  place = 'synthetic-a',
  stated: Stated = statedBy(n),
): ChangeNotice => ({
  kind: 'report',
  report: {
    id: syntheticId(n),
    place,
    published: acceptedAt(n).toISOString(),
    ...(corrects === undefined ? {} : { corrects: { report: syntheticId(corrects) } }),
    stated,
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

/** Report n's deaths figure as a change shows it, stating `value`. */
const stated = (n: number, value: number) => ({
  figure: { indicator: 'civilian_deaths', value, qualifier: 'at_least' },
  report: syntheticId(n),
  observed: statedBy(n).observed,
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
        observed: '2022-02',
        effects: [{ report: syntheticId(1), place: 'synthetic-a', state: 'active' }],
        figures: [{ indicator: 'civilian_deaths', after: stated(1, 1) }],
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
      observed: '2022-03',
      corrects: syntheticId(1),
      reason: 'SYNTHETIC reason',
      effects: [
        { report: syntheticId(2), place: 'synthetic-b', state: 'active' },
        { report: syntheticId(1), place: 'synthetic-a', state: 'superseded', supersededBy: syntheticId(2) },
      ],
      figures: [{ indicator: 'civilian_deaths', before: stated(1, 1), after: stated(2, 2) }],
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
      figures: [{ indicator: 'civilian_deaths', before: stated(2, 2), after: stated(1, 1) }],
    });
  });

  it('restores nothing when the retracted report corrects nothing', () => {
    const log = new MemoryLog();
    for (const notice of [report(1), retraction(1, 2)]) log.take(notice);
    expect(log.changes[1]).not.toHaveProperty('restored');
    expect(log.changes[1]?.effects).toEqual([
      { report: syntheticId(1), place: 'synthetic-a', state: 'retracted' },
    ]);
    expect(log.changes[1]?.figures).toEqual([{ indicator: 'civilian_deaths', before: stated(1, 1) }]);
  });

  it("gives a correction only the figures it changed, each before and after, in the registry's order", () => {
    const original: Stated = {
      observed: '2022-11',
      figures: [
        { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' },
        { indicator: 'electricity', state: 'unavailable' },
        { indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' },
      ],
    };
    const corrected: Stated = {
      observed: '2022-11',
      figures: [
        { indicator: 'civilian_deaths', value: 130, qualifier: 'at_least' },
        { indicator: 'gas', state: 'unavailable' },
        { indicator: 'population_remaining', value: 12_000, qualifier: 'approximately' },
      ],
    };
    const log = new MemoryLog();
    for (const notice of [
      report(1, undefined, 'synthetic-a', original),
      report(2, 1, 'synthetic-a', corrected),
    ])
      log.take(notice);
    const side = (n: number, s: Stated, i: number) => ({
      figure: s.figures[i],
      report: syntheticId(n),
      observed: s.observed,
    });
    expect(log.changes[1]?.figures).toEqual([
      { indicator: 'electricity', before: side(1, original, 1) },
      { indicator: 'gas', after: side(2, corrected, 1) },
      { indicator: 'civilian_deaths', before: side(1, original, 0), after: side(2, corrected, 0) },
    ]);
  });

  it('gives a correction of the observed period alone every figure, since each now stands for another period', () => {
    const log = new MemoryLog();
    const later = { ...statedBy(1), observed: '2022-12' };
    for (const notice of [report(1), report(2, 1, 'synthetic-a', later)]) log.take(notice);
    expect(log.changes[1]).toMatchObject({
      observed: '2022-12',
      figures: [
        {
          indicator: 'civilian_deaths',
          before: stated(1, 1),
          after: { figure: statedBy(1).figures[0], report: syntheticId(2), observed: '2022-12' },
        },
      ],
    });
  });

  it('gives a correction that arrives before the report it corrects the figures that report states', () => {
    const log = new MemoryLog(new Map([[syntheticId(1), statedBy(1)]]));
    log.take(report(2, 1));
    expect(log.changes[0]?.figures).toEqual([
      { indicator: 'civilian_deaths', before: stated(1, 1), after: stated(2, 2) },
    ]);
  });

  it('gives a change logged before changes carried figures the figures it would have been given', () => {
    const log = new MemoryLog();
    for (const notice of [report(1), report(2, 1), retraction(2, 3)]) log.take(notice);
    for (const change of log.changes) {
      const { figures: _, observed: __, ...bare } = { observed: undefined, ...change };
      expect(withFigures(log, bare as Change)).toEqual(change);
    }
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
        const log = new MemoryLog(new Map(items.map(({ n }) => [syntheticId(n), statedBy(n)])));
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

/** A fetch that serves `changes` as the log's pages of `size`, starting at `memory:0`. */
function servedAsLog(changes: readonly Change[], size: number) {
  return async (url: string) => {
    const from = Number(url.slice('memory:'.length));
    const page = changes.slice(from, from + size);
    return Response.json({ changes: page, next: `memory:${from + page.length}` });
  };
}

describe('the mirror of the change log in docs/api.md', () => {
  it('rebuilds the status the API derives from the same facts, in whatever order the log took them', async () => {
    const figure = fc.oneof(
      fc.record({
        indicator: fc.constant('civilian_deaths' as const),
        value: fc.nat(3),
        qualifier: fc.constantFrom('exact' as const, 'at_least' as const),
      }),
      fc.record({
        indicator: fc.constant('electricity' as const),
        state: fc.constantFrom('available' as const, 'unavailable' as const),
      }),
    );
    const item = fc.record({
      corrects: fc.option(fc.nat(), { nil: undefined }),
      retracted: fc.boolean(),
      // Few months and two places, so that reports often disagree about the same month.
      observed: fc.constantFrom('2022-10', '2022-11', '2022-11-05'),
      place: fc.constantFrom('synthetic-a', 'synthetic-b'),
      figures: fc.uniqueArray(figure, { minLength: 1, maxLength: 2, selector: (f) => f.indicator }),
    });
    const history = fc.array(item, { minLength: 1, maxLength: 10 }).map((items) =>
      items.map((it, n) => ({
        ...it,
        n,
        corrects: it.corrects === undefined || n === 0 ? undefined : it.corrects % n,
      })),
    );
    await fc.assert(
      fc.asyncProperty(history, fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), async (items, keys) => {
        const statements = new Map(
          items.map((i) => [syntheticId(i.n), { observed: i.observed, figures: i.figures }]),
        );
        const notices = items.flatMap(({ n, corrects, retracted, place }) => [
          report(n, corrects, place, statements.get(syntheticId(n))),
          ...(retracted ? [retraction(n, n + 100, place)] : []),
        ]);
        // Each place's writer tells its own facts in order; the places' notices interleave.
        const shuffled = notices
          .map((notice, i) => ({ notice, i, key: keys[i] ?? 0 }))
          .sort((a, b) => a.key - b.key || a.i - b.i)
          .map((e) => e.notice);
        const inPlaceOrder = ['synthetic-a', 'synthetic-b'].map((place) =>
          notices.filter((n) => (n.kind === 'report' ? n.report.place : n.retraction.place) === place),
        );
        const told = shuffled.map((n) => {
          const place = n.kind === 'report' ? n.report.place : n.retraction.place;
          return inPlaceOrder[place === 'synthetic-a' ? 0 : 1]?.shift() ?? n;
        });
        const log = new MemoryLog(statements);
        for (const notice of told) log.take(notice);

        const fates = deriveFates(
          items.map(({ n, corrects }) => ({
            id: syntheticId(n),
            ...(corrects === undefined ? {} : { corrects: syntheticId(corrects) }),
          })),
          new Set(items.filter((i) => i.retracted).map((i) => syntheticId(i.n))),
        );
        const summaries = items.map(
          (i) =>
            ({
              id: syntheticId(i.n),
              place: i.place,
              observed: i.observed,
              published: acceptedAt(i.n).toISOString(),
              state: fates.get(syntheticId(i.n))?.state,
              figures: i.figures,
            }) as ReportSummary,
        );
        const expected: Record<string, Record<string, unknown>> = {};
        for (const place of ['synthetic-a', 'synthetic-b']) {
          const picks = pickCurrent(summaries.filter((s) => s.place === place));
          if (![...summaries].some((s) => s.place === place && s.state === 'active')) continue;
          expected[place] = Object.fromEntries(
            [...picks].map(([indicator, s]) => [
              indicator,
              {
                figure: s.figures.find((f) => f.indicator === indicator),
                report: s.id,
                observed: s.observed,
              },
            ]),
          );
        }
        expect(await mirror(servedAsLog(log.changes, 3), 'memory:0')).toEqual(expected);
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
      // The figures withdrawn are those of the version in force, the newest.
      figures: [
        {
          indicator: 'civilian_deaths',
          before: {
            figure: { indicator: 'civilian_deaths', value: 4, qualifier: 'at_least' },
            observed: '2022-05',
            report: syntheticId(4),
          },
        },
      ],
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
