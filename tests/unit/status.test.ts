import { describe, expect, it } from 'vitest';
import { indicatorOrder } from '../../src/domain/indicators.ts';
import type { PlaceStatus, Report, ReportSummary } from '../../src/domain/model.ts';
import {
  buildStatus,
  compareByObservation,
  deriveFates,
  deriveStatus,
  latest,
  pickCurrent,
  summarizeFigure,
} from '../../src/domain/status.ts';
import {
  acceptedReport,
  byId,
  deaths,
  electricity,
  gas,
  present,
  remaining,
  shuffled,
  situation,
  summaryOf,
  syntheticId,
} from '../support/builders.ts';

const original = acceptedReport(1);
const correction = acceptedReport(2, {
  corrects: { report: original.id, reason: 'SYNTHETIC: wrong state' },
});
const unrelated = acceptedReport(3);

describe('deriveFates', () => {
  it('marks a corrected report superseded by its correction and leaves the correction active', () => {
    const fates = deriveFates([summaryOf(original), summaryOf(correction)], new Set());
    expect(fates.get(original.id)).toEqual({ state: 'superseded', supersededBy: correction.id });
    expect(fates.get(correction.id)).toEqual({ state: 'active' });
  });

  it('marks a report with a retraction record retracted and leaves the others active', () => {
    const fates = deriveFates([summaryOf(original), summaryOf(unrelated)], new Set([original.id]));
    expect(fates.get(original.id)).toEqual({ state: 'retracted' });
    expect(fates.get(unrelated.id)).toEqual({ state: 'active' });
  });

  it('lets a retracted correction supersede nothing, so the corrected report is active again', () => {
    const fates = deriveFates([summaryOf(original), summaryOf(correction)], new Set([correction.id]));
    expect(fates.get(correction.id)).toEqual({ state: 'retracted' });
    expect(fates.get(original.id)).toEqual({ state: 'active', restoredFrom: correction.id });
  });

  it('counts a report that is both corrected and retracted as retracted', () => {
    const fates = deriveFates([summaryOf(original), summaryOf(correction)], new Set([original.id]));
    expect(fates.get(original.id)).toEqual({ state: 'retracted' });
    expect(fates.get(correction.id)).toEqual({ state: 'active' });
  });

  it('follows a chain of corrections, and retracting the last link reactivates the one before', () => {
    const second = acceptedReport(4, { corrects: { report: correction.id, reason: 'SYNTHETIC: again' } });
    const all = [summaryOf(second), summaryOf(original), summaryOf(correction)];

    const fates = deriveFates(all, new Set());
    expect(fates.get(original.id)).toEqual({ state: 'superseded', supersededBy: correction.id });
    expect(fates.get(correction.id)).toEqual({ state: 'superseded', supersededBy: second.id });
    expect(fates.get(second.id)).toEqual({ state: 'active' });

    const afterRetraction = deriveFates(all, new Set([second.id]));
    expect(afterRetraction.get(original.id)).toEqual({ state: 'superseded', supersededBy: correction.id });
    expect(afterRetraction.get(correction.id)).toEqual({ state: 'active', restoredFrom: second.id });
  });

  it('retracts every version of a chain withdrawn together, and restores none of them', () => {
    const second = acceptedReport(4, { corrects: { report: correction.id, reason: 'SYNTHETIC: again' } });
    const all = [summaryOf(original), summaryOf(correction), summaryOf(second), summaryOf(unrelated)];
    const fates = deriveFates(all, new Set([original.id, correction.id, second.id]));
    for (const id of [original.id, correction.id, second.id]) {
      expect(fates.get(id)).toEqual({ state: 'retracted' });
    }
    expect(fates.get(unrelated.id)).toEqual({ state: 'active' });
  });

  it('gives the same fates whatever order the reports are listed in', () => {
    const all = [summaryOf(original), summaryOf(correction), summaryOf(unrelated)];
    const expected = deriveFates(all, new Set([unrelated.id]));
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(deriveFates(shuffled(all, seed), new Set([unrelated.id]))).toEqual(expected);
    }
  });
});

describe('pickCurrent', () => {
  it('picks the report observed latest, even when it was published earlier', () => {
    const laterObserved = acceptedReport(1, { observed: '2024-03-12' });
    const laterPublished = acceptedReport(2, { observed: '2024-03-10' });
    const picks = pickCurrent([summaryOf(laterPublished), summaryOf(laterObserved)]);
    expect(picks.get('electricity')?.id).toBe(laterObserved.id);
  });

  it('breaks a tie on the observed date by the later publication', () => {
    const earlier = acceptedReport(2, { published: '2024-03-15T12:00:00.000Z' });
    const later = acceptedReport(1, { published: '2024-03-15T13:00:00.000Z' });
    const picks = pickCurrent([summaryOf(later), summaryOf(earlier)]);
    expect(picks.get('electricity')?.id).toBe(later.id);
  });

  it('breaks a tie on observed and published dates by the greater id', () => {
    const published = '2024-03-15T12:00:00.000Z';
    const low = acceptedReport(1, { published });
    const high = acceptedReport(2, { published });
    expect(pickCurrent([summaryOf(high), summaryOf(low)]).get('electricity')?.id).toBe(high.id);
    expect(pickCurrent([summaryOf(low), summaryOf(high)]).get('electricity')?.id).toBe(high.id);
  });

  it('treats a day inside a month as newer than the month itself', () => {
    const month = acceptedReport(2, { observed: '2024-03' });
    const day = acceptedReport(1, { observed: '2024-03-01' });
    expect(pickCurrent([summaryOf(month), summaryOf(day)]).get('electricity')?.id).toBe(day.id);
  });

  it('skips a superseded report, so the older report value comes back', () => {
    const older = acceptedReport(1, { observed: '2024-03-10', figures: [electricity('intermittent')] });
    const newer = acceptedReport(2, { observed: '2024-03-12', figures: [electricity('unavailable')] });
    const picks = pickCurrent([
      summaryOf(older),
      summaryOf(newer, { state: 'superseded', supersededBy: syntheticId(9) }),
    ]);
    expect(picks.get('electricity')?.id).toBe(older.id);
    expect(picks.get('electricity')?.figures).toEqual([{ indicator: 'electricity', state: 'intermittent' }]);
  });

  it('skips a retracted report, so the older report value comes back', () => {
    const older = acceptedReport(1, { observed: '2024-03-10' });
    const newer = acceptedReport(2, { observed: '2024-03-12' });
    const picks = pickCurrent([summaryOf(older), summaryOf(newer, { state: 'retracted' })]);
    expect(picks.get('electricity')?.id).toBe(older.id);
  });

  it('leaves out an indicator whose only reports are retracted', () => {
    const retracted = acceptedReport(1, { figures: [deaths(5)] });
    const active = acceptedReport(2, { figures: [electricity('available')] });
    const picks = pickCurrent([summaryOf(retracted, { state: 'retracted' }), summaryOf(active)]);
    expect([...picks.keys()]).toEqual(['electricity']);
  });

  it('makes a report with several figures current only for the indicators where it is newest', () => {
    const broad = acceptedReport(1, {
      observed: '2024-03-10',
      figures: [electricity('unavailable'), gas('unavailable'), deaths(7)],
    });
    const narrow = acceptedReport(2, { observed: '2024-03-12', figures: [electricity('available')] });
    const stale = acceptedReport(3, { observed: '2024-03-01', figures: [deaths(3), remaining(900)] });
    const picks = pickCurrent([summaryOf(narrow), summaryOf(stale), summaryOf(broad)]);
    expect(picks.get('electricity')?.id).toBe(narrow.id);
    expect(picks.get('gas')?.id).toBe(broad.id);
    expect(picks.get('civilian_deaths')?.id).toBe(broad.id);
    expect(picks.get('population_remaining')?.id).toBe(stale.id);
    expect(picks.size).toBe(4);
  });
});

describe('buildStatus', () => {
  it('throws when the full report of a pick is missing', () => {
    const present1 = acceptedReport(1, { figures: [gas('available')] });
    const missing = acceptedReport(2, { figures: [electricity('available')] });
    const picks = pickCurrent([summaryOf(present1), summaryOf(missing)]);
    expect(() => buildStatus(picks, byId([present1]), null)).toThrow(missing.id);
  });

  it('throws when the full report lacks the figure the pick is for', () => {
    const report = acceptedReport(1, { figures: [electricity('available')] });
    const pick: ReportSummary = { ...summaryOf(report), figures: [{ indicator: 'gas', state: 'available' }] };
    expect(() => buildStatus(new Map([['gas', pick]]), byId([report]), null)).toThrow(report.id);
  });

  it('shows each figure with the provenance of its report', () => {
    const report = acceptedReport(1, {
      observed: '2024-03',
      verification: 'corroborated',
      figures: [electricity('intermittent'), deaths(12)],
    });
    const status = buildStatus(pickCurrent([summaryOf(report)]), byId([report]), '2024-03-16T00:00:00.000Z');
    expect(status.updated).toBe('2024-03-16T00:00:00.000Z');
    expect(status.indicators.civilian_deaths).toEqual({
      figure: deaths(12),
      report: report.id,
      observed: '2024-03',
      published: report.published,
      verification: 'corroborated',
      source: report.source,
      staleAfter: '2024-04-30',
      language: 'en',
    });
    expect(status.indicators.electricity?.figure).toEqual(electricity('intermittent'));
  });

  it('gives a figure stated by another voice that voice as its source, and the report’s to the others', () => {
    const mayor = { name: 'Synthetic mayor', kind: 'official', language: 'nl' } as const;
    const report = acceptedReport(1, {
      figures: [electricity('unavailable'), { ...deaths(12), source: mayor, quote: 'SYNTHETIC' }],
    });
    const status = buildStatus(pickCurrent([summaryOf(report)]), byId([report]), null);
    expect(status.indicators.civilian_deaths?.source).toEqual(mayor);
    expect(status.indicators.electricity?.source).toEqual(report.source);
  });

  it('lists indicators in registry order, whatever order the picks come in', () => {
    const text = acceptedReport(1, { figures: [situation('SYNTHETIC: calm.')] });
    const count = acceptedReport(2, { figures: [deaths(1)] });
    const utility = acceptedReport(3, { figures: [gas('available'), electricity('available')] });
    const summaries = [summaryOf(text), summaryOf(count), summaryOf(utility)];
    const picks = pickCurrent(summaries);
    expect([...picks.keys()]).not.toEqual(['electricity', 'gas', 'civilian_deaths', 'situation']);

    const status = buildStatus(picks, byId([text, count, utility]), null);
    expect(Object.keys(status.indicators)).toEqual(['electricity', 'gas', 'civilian_deaths', 'situation']);
    const positions = Object.keys(status.indicators).map(indicatorOrder);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('deriveStatus', () => {
  // SYNTHETIC active reports with overlapping indicators, partial dates and ties on the
  // observed date, the publication time, or both (where only the id decides).
  const sharedPublished = '2024-03-20T08:00:00.000Z';
  const reports: Report[] = [
    acceptedReport(1, { observed: '2024-03', figures: [electricity('unavailable'), gas('unavailable')] }),
    acceptedReport(2, { observed: '2024-03-10', figures: [electricity('intermittent'), deaths(4)] }),
    acceptedReport(3, { observed: '2024-03-10', published: sharedPublished, figures: [deaths(6)] }),
    acceptedReport(4, {
      observed: '2024-03-10',
      published: sharedPublished,
      figures: [deaths(5), remaining(800)],
    }),
    acceptedReport(5, { observed: '2024-02', figures: [gas('available'), situation('SYNTHETIC: tense.')] }),
    acceptedReport(6, { observed: '2024', figures: [remaining(1200), electricity('available')] }),
    acceptedReport(7, { observed: '2024-03-01', figures: [electricity('available'), remaining(950)] }),
    acceptedReport(8, { observed: '2024-03-11', figures: [situation('SYNTHETIC: quieter.')] }),
  ];
  function derivedFromHistory(history: readonly Report[]): PlaceStatus {
    const updated = history.reduce<string | null>((at, r) => latest(at, r.published), null);
    return deriveStatus(
      history.map((r) => summaryOf(r)),
      byId(history),
      updated,
    );
  }

  it('gives the same status whatever order the history is held in', () => {
    const expected = derivedFromHistory(reports);
    for (const order of [[...reports].reverse(), ...[11, 23, 37, 41].map((s) => shuffled(reports, s))]) {
      expect(derivedFromHistory(order)).toEqual(expected);
      expect(Object.keys(derivedFromHistory(order).indicators)).toEqual(Object.keys(expected.indicators));
    }
  });

  it('reaches the status the ordering rules predict for the synthetic history', () => {
    const status = derivedFromHistory(reports);
    const [r1, r2, , r4, , , , r8] = reports;
    expect(status.indicators.electricity?.report).toBe(present(r2, 'r2').id);
    expect(status.indicators.gas?.report).toBe(present(r1, 'r1').id);
    expect(status.indicators.civilian_deaths?.report).toBe(present(r4, 'r4').id);
    expect(status.indicators.population_remaining?.report).toBe(present(r4, 'r4').id);
    expect(status.indicators.situation?.report).toBe(present(r8, 'r8').id);
    expect(status.updated).toBe(sharedPublished);
  });

  it('keeps the newer figure when an older observation arrives later', () => {
    const newer = acceptedReport(1, { observed: '2024-03-12', figures: [deaths(9)] });
    const older = acceptedReport(2, { observed: '2024-03-01', figures: [deaths(2)] });
    const status = derivedFromHistory([older, newer]);
    expect(status.indicators.civilian_deaths?.figure).toEqual({ ...deaths(9), basis: 'total' });
    expect(status.updated).toBe(older.published);
  });
});

describe('ordering helpers', () => {
  it('compares by observation, then publication, then id', () => {
    const base = { id: syntheticId(1), observed: '2024-03-10', published: '2024-03-15T12:00:00.000Z' };
    expect(compareByObservation({ ...base, observed: '2024-03-11' }, base)).toBeGreaterThan(0);
    expect(compareByObservation({ ...base, published: '2024-03-15T12:00:00.001Z' }, base)).toBeGreaterThan(0);
    expect(compareByObservation({ ...base, id: syntheticId(2) }, base)).toBeGreaterThan(0);
    expect(compareByObservation(base, { ...base })).toBe(0);
  });

  it('summarizes figures without notes or free text', () => {
    expect(summarizeFigure({ ...deaths(3), note: 'SYNTHETIC note' })).toEqual({
      indicator: 'civilian_deaths',
      value: 3,
      qualifier: 'at_least',
      basis: 'total',
    });
    expect(
      summarizeFigure({
        indicator: 'gas',
        state: 'unavailable',
        since: { date: '2024-02', qualifier: 'exact' },
        note: 'SYNTHETIC note',
      }),
    ).toEqual({ indicator: 'gas', state: 'unavailable', since: { date: '2024-02', qualifier: 'exact' } });
    expect(summarizeFigure(situation('SYNTHETIC: long text'))).toEqual({ indicator: 'situation' });
  });

  it("states the basis a count's indicator assumes when a report stored before bases left it out", () => {
    const { basis: _, ...stored } = deaths(3);
    expect(summarizeFigure(stored)).toMatchObject({ basis: 'total' });
  });

  it('keeps the high bound and start of a running total in the summary', () => {
    const figure = {
      ...deaths(40),
      qualifier: 'exact' as const,
      high: 60,
      since: { date: '2022-02', qualifier: 'exact' as const },
    };
    expect(summarizeFigure(figure)).toEqual({
      indicator: 'civilian_deaths',
      value: 40,
      high: 60,
      qualifier: 'exact',
      basis: 'total',
      since: { date: '2022-02', qualifier: 'exact' },
    });
  });

  it('takes the later of two timestamps and ignores a missing one', () => {
    expect(latest(null, null)).toBeNull();
    expect(latest('2024-03-15T12:00:00.000Z', null)).toBe('2024-03-15T12:00:00.000Z');
    expect(latest(null, '2024-03-15T12:00:00.000Z')).toBe('2024-03-15T12:00:00.000Z');
    expect(latest('2024-03-15T12:00:00.000Z', '2024-03-16T00:00:00.000Z')).toBe('2024-03-16T00:00:00.000Z');
    expect(latest('2024-03-16T00:00:00.000Z', '2024-03-15T12:00:00.000Z')).toBe('2024-03-16T00:00:00.000Z');
  });
});
