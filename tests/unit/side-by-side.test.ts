import { describe, expect, it } from 'vitest';
import { canBothHold, periodsOverlap, valuesAllowed } from '../../src/domain/counts.ts';
import { type Report, reportInput, type Source } from '../../src/domain/model.ts';
import { plausibilityWarnings } from '../../src/domain/plausibility.ts';
import { deriveStatus } from '../../src/domain/status.ts';
import { decodeSummary, encodeSummary } from '../../src/store/summary-metadata.ts';
import {
  acceptedReport,
  byId,
  deaths,
  deathsInPeriod,
  electricity,
  remaining,
  summaryOf,
  syntheticReport,
} from '../support/builders.ts';

// SYNTHETIC sources and figures throughout.
const sourceA: Source = { name: 'Synthetic agency A', kind: 'ngo', language: 'en' };
const sourceB: Source = { name: 'Synthetic paper B', kind: 'media', language: 'en' };

const statusOf = (reports: Report[]) =>
  deriveStatus(
    reports.map((r) => summaryOf(r)),
    byId(reports),
    null,
  );

describe('what two counts allow', () => {
  it('lets "about 12,000" and "12,500" both hold, and not "8,000" and "15,000"', () => {
    expect(
      canBothHold({ value: 12_000, qualifier: 'approximately' }, { value: 12_500, qualifier: 'exact' }),
    ).toBe(true);
    expect(canBothHold({ value: 8_000, qualifier: 'exact' }, { value: 15_000, qualifier: 'exact' })).toBe(
      false,
    );
  });

  it('reads "at least" as open above, "at most" as open below, and a range as its bounds', () => {
    expect(canBothHold({ value: 100, qualifier: 'at_least' }, { value: 5_000, qualifier: 'exact' })).toBe(
      true,
    );
    expect(canBothHold({ value: 100, qualifier: 'at_most' }, { value: 120, qualifier: 'exact' })).toBe(false);
    expect(valuesAllowed({ value: 40, high: 60, qualifier: 'exact' })).toEqual({ low: 40, high: 60 });
    expect(canBothHold({ value: 40, high: 60, qualifier: 'exact' }, { value: 70, qualifier: 'exact' })).toBe(
      false,
    );
  });

  it('sees a month and a day in it as overlapping periods, and two months as not', () => {
    expect(periodsOverlap('2022-11', '2022-11-05')).toBe(true);
    expect(periodsOverlap('2022-11', '2022-12')).toBe(false);
    expect(periodsOverlap('2022', '2022-12-31')).toBe(true);
  });
});

describe('a count for a period beside a running total', () => {
  const total = acceptedReport(1, { observed: '2022-11', figures: [deaths(120)] });
  const period = acceptedReport(2, { observed: '2022-11', figures: [deathsInPeriod(40)] });

  it('keeps the running total as the headline when a later report counts only its period', () => {
    const status = statusOf([total, period]);
    const deathsNow = status.indicators.civilian_deaths;
    expect(deathsNow?.report).toBe(total.id);
    expect(deathsNow?.figure).toMatchObject({ value: 120, basis: 'total' });
    expect(deathsNow?.period?.report).toBe(period.id);
    expect(deathsNow?.period?.figure).toMatchObject({ value: 40, basis: 'period' });
  });

  it('shows a count for a period as the headline only where no total exists, saying its basis', () => {
    const status = statusOf([period]);
    expect(status.indicators.civilian_deaths?.figure).toMatchObject({ value: 40, basis: 'period' });
    expect(status.indicators.civilian_deaths?.period).toBeUndefined();
  });

  it('never lets a period count be counted as a disagreement with a total', () => {
    const other = acceptedReport(3, { observed: '2022-11', source: sourceB, figures: [deathsInPeriod(3)] });
    expect(statusOf([total, period, other]).indicators.civilian_deaths?.disagreement).toBeUndefined();
  });
});

describe('sources that disagree', () => {
  const fromA = acceptedReport(1, {
    observed: '2024-03',
    source: sourceA,
    figures: [remaining(8_000, 'exact')],
  });
  const fromB = acceptedReport(2, {
    observed: '2024-03',
    source: sourceB,
    figures: [remaining(15_000, 'exact')],
  });

  it('keeps the newest figure as the headline and shows both sources with their range', () => {
    const remainingNow = statusOf([fromA, fromB]).indicators.population_remaining;
    expect(remainingNow?.report).toBe(fromB.id);
    expect(remainingNow?.disagreement).toMatchObject({ low: 8_000, high: 15_000, sourceCount: 2 });
    expect(remainingNow?.disagreement?.figures.map((f) => [f.report, f.source.name])).toEqual([
      [fromB.id, sourceB.name],
      [fromA.id, sourceA.name],
    ]);
  });

  it('says nothing when their figures can both hold', () => {
    const close = acceptedReport(2, {
      observed: '2024-03',
      source: sourceB,
      figures: [remaining(8_500, 'approximately')],
    });
    expect(statusOf([fromA, close]).indicators.population_remaining?.disagreement).toBeUndefined();
  });

  it('says nothing when one source revised its own figure', () => {
    const revised = acceptedReport(2, {
      observed: '2024-03',
      source: sourceA,
      figures: [remaining(15_000, 'exact')],
    });
    expect(statusOf([fromA, revised]).indicators.population_remaining?.disagreement).toBeUndefined();
  });

  it('says nothing of figures for periods that do not overlap', () => {
    const later = acceptedReport(2, {
      observed: '2024-04',
      source: sourceB,
      figures: [remaining(15_000, 'exact')],
    });
    expect(statusOf([fromA, later]).indicators.population_remaining?.disagreement).toBeUndefined();
  });

  it("counts a figure's own source, not the report's, as the voice that stated it", () => {
    const quoted = acceptedReport(2, {
      observed: '2024-03',
      source: sourceA,
      figures: [{ ...remaining(15_000, 'exact'), source: sourceB }],
    });
    expect(statusOf([fromA, quoted]).indicators.population_remaining?.disagreement?.sourceCount).toBe(2);
  });

  it('leaves retracted and superseded reports out', () => {
    const status = deriveStatus(
      [summaryOf(fromA, { state: 'retracted' }), summaryOf(fromB)],
      byId([fromA, fromB]),
      null,
    );
    expect(status.indicators.population_remaining?.disagreement).toBeUndefined();
  });
});

describe('coverage', () => {
  it('names every indicator of the registry as reported or not reported, and a zero as reported', () => {
    const status = statusOf([
      acceptedReport(1, { figures: [electricity('unavailable'), deaths(0, 'exact')] }),
    ]);
    expect(status.coverage).toEqual({
      electricity: 'reported',
      gas: 'not_reported',
      running_water: 'not_reported',
      population_baseline: 'not_reported',
      population_remaining: 'not_reported',
      civilian_deaths: 'reported',
      civilian_injuries: 'not_reported',
      situation: 'not_reported',
    });
  });
});

describe('a count as a reporter writes it', () => {
  const withFigure = (figure: Record<string, unknown>) =>
    reportInput.safeParse(syntheticReport('testville', { figures: [figure as never] }));
  const pathsOf = (result: ReturnType<typeof withFigure>) =>
    result.success ? [] : result.error.issues.map((i) => i.path.join('/'));

  it('states the basis its indicator assumes when the writer leaves it out', () => {
    const parsed = withFigure({ indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' });
    expect(parsed.success && parsed.data.figures[0]).toMatchObject({ basis: 'total' });
  });

  it('refuses a count for a period of residents, naming the field', () => {
    expect(
      pathsOf(
        withFigure({ indicator: 'population_remaining', value: 10, qualifier: 'exact', basis: 'period' }),
      ),
    ).toEqual(['figures/0/basis']);
  });

  it('refuses a range whose high bound is not above its low bound, or that says "at least"', () => {
    expect(
      pathsOf(withFigure({ indicator: 'civilian_deaths', value: 60, high: 40, qualifier: 'exact' })),
    ).toEqual(['figures/0/high']);
    expect(
      pathsOf(withFigure({ indicator: 'civilian_deaths', value: 40, high: 60, qualifier: 'at_least' })),
    ).toEqual(['figures/0/qualifier']);
  });

  it('refuses a start of counting on a count for a period', () => {
    const figure = {
      indicator: 'civilian_deaths',
      value: 40,
      qualifier: 'at_least',
      basis: 'period',
      since: { date: '2022-11', qualifier: 'approximately' },
    };
    expect(pathsOf(withFigure(figure))).toEqual(['figures/0/since']);
  });
});

describe('summaries in KV metadata', () => {
  it('keep a count’s basis, range and start', () => {
    const report = acceptedReport(1, {
      figures: [
        {
          ...deaths(40),
          qualifier: 'exact',
          high: 60,
          since: { date: '2022-02', qualifier: 'approximately' },
        },
        { indicator: 'civilian_injuries', value: 3, qualifier: 'exact', basis: 'period' },
      ],
    });
    expect(decodeSummary(encodeSummary(summaryOf(report)))).toEqual(summaryOf(report));
  });

  it('read a count stored before bases as one with no basis stated', () => {
    const encoded = encodeSummary(summaryOf(acceptedReport(1, { figures: [deaths(5)] })));
    const figures = encoded[8] as (string | number)[][];
    encoded[8] = figures.map((f) => f.slice(0, 3));
    expect(decodeSummary(encoded)?.figures).toEqual([
      { indicator: 'civilian_deaths', value: 5, qualifier: 'at_least' },
    ]);
  });
});

describe('warnings before publishing', () => {
  const held = (figure: Report['figures'][number]) => ({
    indicators: { civilian_deaths: { figure, observed: '2022-11' } },
  });
  const total = syntheticReport('testville', { observed: '2022-11', figures: [deaths(1_200)] });

  it('do not question a running total for being far from a count for a period', () => {
    expect(plausibilityWarnings(total, held(deathsInPeriod(40)))).toEqual([]);
  });

  it('still question a running total far from the running total before it', () => {
    expect(plausibilityWarnings(total, held(deaths(40))).map((w) => w.code)).toEqual(['far-from-current']);
  });
});
