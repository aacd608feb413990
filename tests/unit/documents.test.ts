import { describe, expect, it } from 'vitest';
import {
  derivePlaceDocument,
  headSize,
  inPlaceOrder,
  mergeHead,
  placeDocument,
  summarizePlace,
} from '../../src/domain/documents.ts';
import { placeSummary, type Report } from '../../src/domain/model.ts';
import {
  acceptedPlace,
  acceptedReport,
  byId,
  deaths,
  documentWithoutReports,
  electricity,
  gas,
  remaining,
  shuffled,
  situation,
  summaryOf,
  syntheticId,
} from '../support/builders.ts';

const testville = acceptedPlace();

describe('mergeHead', () => {
  it('orders the head newest first by id, whatever order the summaries arrive in', () => {
    const summaries = [1, 2, 3, 4, 5].map((n) => summaryOf(acceptedReport(n)));
    const head = mergeHead([], shuffled(summaries, 7));
    expect(head.map((s) => s.id)).toEqual([5, 4, 3, 2, 1].map(syntheticId));
  });

  it('replaces a summary that has the same id instead of keeping both', () => {
    const older = acceptedReport(1);
    const head = mergeHead([summaryOf(older), summaryOf(acceptedReport(2))], []);
    const merged = mergeHead(head, [summaryOf(older, { state: 'superseded', supersededBy: syntheticId(3) })]);
    expect(merged).toHaveLength(2);
    expect(merged.find((s) => s.id === older.id)).toMatchObject({
      state: 'superseded',
      supersededBy: syntheticId(3),
    });
  });

  it('keeps only the newest headSize (200) summaries', () => {
    expect(headSize).toBe(200);
    const existing = Array.from({ length: 150 }, (_, i) => summaryOf(acceptedReport(i)));
    const incoming = Array.from({ length: 100 }, (_, i) => summaryOf(acceptedReport(150 + i)));
    const head = mergeHead(existing, incoming);
    expect(head).toHaveLength(headSize);
    expect(head[0]?.id).toBe(syntheticId(249));
    expect(head.at(-1)?.id).toBe(syntheticId(50));
  });
});

describe('derivePlaceDocument', () => {
  // SYNTHETIC active reports of Testville, with overlapping indicators and partial dates.
  const reports: Report[] = [
    acceptedReport(1, { observed: '2024-03-01', figures: [electricity('unavailable'), gas('unavailable')] }),
    acceptedReport(2, { observed: '2024-03-10', figures: [electricity('intermittent'), deaths(4)] }),
    acceptedReport(3, { observed: '2024-02', figures: [remaining(1100), situation('SYNTHETIC: tense.')] }),
    acceptedReport(4, { observed: '2024-03', figures: [deaths(2), remaining(1000)] }),
    acceptedReport(5, { observed: '2024-03-12', figures: [gas('available')] }),
  ];
  const summaries = reports.map((r) => summaryOf(r));
  const derived = derivePlaceDocument(testville, summaries, byId(reports), null);

  it('are the same whatever order the history is held in', () => {
    for (const seed of [3, 5, 8, 13]) {
      const doc = derivePlaceDocument(testville, shuffled(summaries, seed), byId(reports), null);
      expect(doc).toEqual(derived);
    }
  });

  it('derive a document that the schema accepts, with the newest observations current', () => {
    expect(placeDocument.safeParse(derived).success).toBe(true);
    expect(derived.status.updated).toBe(reports[4]?.published);
    expect(derived.status.indicators.electricity?.report).toBe(syntheticId(2));
    expect(derived.status.indicators.gas?.report).toBe(syntheticId(5));
    expect(derived.status.indicators.civilian_deaths?.report).toBe(syntheticId(2));
    expect(derived.status.indicators.population_remaining?.report).toBe(syntheticId(4));
    expect(derived.status.indicators.situation?.report).toBe(syntheticId(3));
  });

  it('count superseded and retracted reports in the history but keep them out of the status', () => {
    const correction = acceptedReport(6, {
      observed: '2024-03-10',
      figures: [deaths(40)],
      corrects: { report: syntheticId(2), reason: 'SYNTHETIC: wrong count' },
    });
    const history = [
      ...summaries.map((s) => {
        if (s.id === syntheticId(2))
          return { ...s, state: 'superseded' as const, supersededBy: correction.id };
        if (s.id === syntheticId(5)) return { ...s, state: 'retracted' as const };
        return s;
      }),
      summaryOf(correction),
    ];
    const doc = derivePlaceDocument(
      testville,
      history,
      byId([...reports, correction]),
      '2024-04-01T00:00:00.000Z',
    );
    expect(doc.reportCount).toBe(6);
    expect(doc.head).toHaveLength(6);
    expect(doc.status.indicators.civilian_deaths?.figure).toEqual(deaths(40));
    expect(doc.status.indicators.electricity?.report).toBe(syntheticId(1));
    expect(doc.status.indicators.gas?.report).toBe(syntheticId(1));
    expect(doc.status.updated).toBe('2024-04-01T00:00:00.000Z');
  });
});

describe('summarizePlace', () => {
  it('gives a compact figure, without notes or free text, and its provenance for each current indicator', () => {
    const report = acceptedReport(1, {
      observed: '2024-03',
      verification: 'verified',
      figures: [
        {
          indicator: 'electricity',
          state: 'unavailable',
          since: { date: '2024-02', qualifier: 'approximately' },
          note: 'SYNTHETIC note',
        },
        { ...deaths(12), note: 'SYNTHETIC note' },
        situation('SYNTHETIC: a long description that listings do not show.'),
      ],
    });
    const doc = derivePlaceDocument(testville, [summaryOf(report)], byId([report]), null);
    const summary = summarizePlace(doc);

    expect(summary.indicators).toEqual({
      electricity: {
        figure: {
          indicator: 'electricity',
          state: 'unavailable',
          since: { date: '2024-02', qualifier: 'approximately' },
        },
        report: report.id,
        observed: '2024-03',
        published: report.published,
        verification: 'verified',
        source: report.source,
        staleAfter: '2024-04-14',
      },
      civilian_deaths: {
        figure: { indicator: 'civilian_deaths', value: 12, qualifier: 'at_least', basis: 'total' },
        report: report.id,
        observed: '2024-03',
        published: report.published,
        verification: 'verified',
        source: report.source,
        staleAfter: '2024-04-30',
      },
      situation: {
        figure: { indicator: 'situation' },
        report: report.id,
        observed: '2024-03',
        published: report.published,
        verification: 'verified',
        source: report.source,
        staleAfter: '2024-04-07',
      },
    });
    expect(summary.slug).toBe(testville.slug);
    expect(summary.names).toEqual(testville.names);
    expect(summary.updated).toBe(report.published);
    expect(summary.reportCount).toBe(1);
    expect(placeSummary.safeParse(summary).success).toBe(true);
  });

  it('gives no indicators for a place without reports', () => {
    const summary = summarizePlace(documentWithoutReports(testville));
    expect(summary.indicators).toEqual({});
    expect(summary.updated).toBeNull();
    expect(summary.reportCount).toBe(0);
  });
});

describe('the list of places', () => {
  it('is sorted by English name, then slug', () => {
    const alpha = summarizePlace(
      documentWithoutReports(
        acceptedPlace({ slug: 'alpha-synthetic', names: { en: 'Alphaville (synthetic)' } }),
      ),
    );
    const zulu = summarizePlace(
      documentWithoutReports(
        acceptedPlace({ slug: 'zulu-synthetic', names: { en: 'Zulutown (synthetic)' } }),
      ),
    );
    const twin = summarizePlace(
      documentWithoutReports(
        acceptedPlace({ slug: 'alpha-twin-synthetic', names: { en: 'Alphaville (synthetic)' } }),
      ),
    );
    const testvilleSummary = summarizePlace(documentWithoutReports(testville));
    expect(inPlaceOrder([zulu, testvilleSummary, twin, alpha]).map((p) => p.slug)).toEqual([
      'alpha-synthetic',
      'alpha-twin-synthetic',
      'testville-synthetic',
      'zulu-synthetic',
    ]);
  });
});
