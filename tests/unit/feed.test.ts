import { describe, expect, it } from 'vitest';
import {
  archiveStart,
  deriveFeedDocument,
  deriveFeedEntries,
  disagreementsByReport,
  type FeedDocument,
  type FeedEntry,
  type FeedWindow,
  feedPlaceOf,
} from '../../src/domain/feed.ts';
import { humanitarianItemExtension } from '../../src/domain/feed-extension.ts';
import type { Report, Retraction } from '../../src/domain/model.ts';
import type { ReportFate } from '../../src/domain/status.ts';
import { deriveStatus, summarizeReport } from '../../src/domain/status.ts';
import { itemFromEntry, itemFromSummary } from '../../src/render/feed-items.ts';
import { acceptedPlace, acceptedReport, byId, deaths, remaining, summaryOf } from '../support/builders.ts';

const where = feedPlaceOf(acceptedPlace());
const placeOf = () => where;
const active: ReportFate = { state: 'active' };

function correctionOf(original: Report, n: number, value: number): Report {
  return acceptedReport(n, {
    figures: [deaths(value)],
    corrects: { report: original.id, reason: `SYNTHETIC: recount ${n}` },
  });
}

describe('deriveFeedEntries', () => {
  it('gives one entry per report, newest update first', () => {
    const reports = [acceptedReport(1), acceptedReport(2)];
    const entries = deriveFeedEntries(
      reports,
      new Map(reports.map((r) => [r.id, active])),
      new Map(),
      placeOf,
    );
    expect(entries.map((e) => [e.id, e.change])).toEqual([
      [reports[1]?.id, 'new'],
      [reports[0]?.id, 'new'],
    ]);
  });

  it('announces a correction as an entry of its own at its time, and updates the entry it corrects', () => {
    const original = acceptedReport(1, { figures: [deaths(10)] });
    const correction = correctionOf(original, 5, 12);
    const fates = new Map<string, ReportFate>([
      [original.id, { state: 'superseded', supersededBy: correction.id }],
      [correction.id, active],
    ]);
    const [change, entry, ...rest] = deriveFeedEntries([original, correction], fates, new Map(), placeOf);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      kind: 'change',
      id: correction.id,
      published: correction.published,
      updated: correction.published,
      change: 'correction',
      reason: 'SYNTHETIC: recount 5',
      changed: original.id,
      current: correction.id,
      report: { id: correction.id },
    });
    expect(change?.changes).toHaveLength(1);
    expect(entry).toMatchObject({
      kind: 'report',
      id: original.id,
      published: original.published,
      updated: correction.published,
      change: 'correction',
      reason: 'SYNTHETIC: recount 5',
      report: { id: correction.id },
    });
  });

  it('shows the latest withdrawal when every version was retracted, each withdrawal an entry at its time', () => {
    const original = acceptedReport(1);
    const correction = correctionOf(original, 2, 3);
    const retractions = new Map<string, Retraction>([
      [correction.id, { report: correction.id, reason: 'first', retracted: '2024-04-01T00:00:00.000Z' }],
      [original.id, { report: original.id, reason: 'second', retracted: '2024-05-01T00:00:00.000Z' }],
    ]);
    const fates = new Map<string, ReportFate>([
      [original.id, { state: 'retracted' }],
      [correction.id, { state: 'retracted' }],
    ]);
    const entries = deriveFeedEntries([original, correction], fates, retractions, placeOf);
    expect(entries.find((e) => e.kind === 'report')).toMatchObject({
      id: original.id,
      change: 'retraction',
      reason: 'second',
      updated: '2024-05-01T00:00:00.000Z',
    });
    expect(
      entries.map((e) => [e.kind, e.change, e.id, e.published, e.report.id, e.changed, e.current]),
    ).toEqual([
      ['change', 'retraction', original.id, '2024-05-01T00:00:00.000Z', original.id, original.id, undefined],
      ['report', 'retraction', original.id, original.published, original.id, undefined, undefined],
      [
        'change',
        'restored',
        correction.id,
        '2024-04-01T00:00:00.000Z',
        original.id,
        correction.id,
        undefined,
      ],
      ['change', 'correction', correction.id, correction.published, correction.id, original.id, undefined],
    ]);
  });

  it('tells a chain withdrawn at once in one retraction entry, not one per version', () => {
    const original = acceptedReport(1);
    const correction = correctionOf(original, 2, 3);
    const at = '2024-04-01T00:00:00.000Z';
    const retractions = new Map<string, Retraction>([
      [correction.id, { report: correction.id, reason: 'SYNTHETIC: all of it', retracted: at }],
      [original.id, { report: original.id, reason: 'SYNTHETIC: all of it', retracted: at }],
    ]);
    const fates = new Map<string, ReportFate>([
      [original.id, { state: 'retracted' }],
      [correction.id, { state: 'retracted' }],
    ]);
    const entries = deriveFeedEntries([original, correction], fates, retractions, placeOf);
    const changes = entries.filter((e) => e.kind === 'change').map((e) => [e.change, e.id]);
    expect(changes).toEqual([
      ['retraction', correction.id],
      ['correction', correction.id],
    ]);
  });
});

describe('what a reader that keeps the ids it has seen is shown', () => {
  const origin = 'https://status.test';
  const ids = (entries: readonly FeedEntry[]) => entries.map((e) => itemFromEntry(e, origin, 'en').id);

  it('gets every correction, retraction and restoration as an id it has not seen, dated at the change', () => {
    const original = acceptedReport(1, { figures: [deaths(120, 'at_least')] });
    const seen = new Set(
      ids(deriveFeedEntries([original], new Map([[original.id, active]]), new Map(), placeOf)),
    );
    const correction = correctionOf(original, 2, 95);
    const corrected = deriveFeedEntries(
      [original, correction],
      new Map<string, ReportFate>([
        [original.id, { state: 'superseded', supersededBy: correction.id }],
        [correction.id, active],
      ]),
      new Map(),
      placeOf,
    );
    const unseenAfterCorrection = ids(corrected).filter((id) => !seen.has(id));
    expect(unseenAfterCorrection).toHaveLength(1);
    for (const id of ids(corrected)) seen.add(id);

    const withdrawn = '2024-04-01T00:00:00.000Z';
    const restored = deriveFeedEntries(
      [original, correction],
      new Map<string, ReportFate>([
        [original.id, active],
        [correction.id, { state: 'retracted' }],
      ]),
      new Map([[correction.id, { report: correction.id, reason: 'SYNTHETIC: wrong', retracted: withdrawn }]]),
      placeOf,
    );
    const restoration = restored.filter((e) => !seen.has(itemFromEntry(e, origin, 'en').id));
    expect(restoration.map((e) => [e.change, e.published])).toEqual([['restored', withdrawn]]);
    for (const id of ids(restored)) seen.add(id);

    const gone = '2024-05-01T00:00:00.000Z';
    const retracted = deriveFeedEntries(
      [original, correction],
      new Map<string, ReportFate>([
        [original.id, { state: 'retracted' }],
        [correction.id, { state: 'retracted' }],
      ]),
      new Map([
        [correction.id, { report: correction.id, reason: 'SYNTHETIC: wrong', retracted: withdrawn }],
        [original.id, { report: original.id, reason: 'SYNTHETIC: gone', retracted: gone }],
      ]),
      placeOf,
    );
    const retraction = retracted.filter((e) => !seen.has(itemFromEntry(e, origin, 'en').id));
    expect(retraction.map((e) => [e.change, e.published])).toEqual([['retraction', gone]]);
  });

  it('titles a change so that it reads as one, and links to the report it changes and the current version', () => {
    const original = acceptedReport(1, { figures: [deaths(120, 'at_least')] });
    const correction = acceptedReport(2, {
      figures: [deaths(95, 'at_least')],
      corrects: { report: original.id, reason: 'SYNTHETIC: the council recounted' },
    });
    const [change] = deriveFeedEntries(
      [original, correction],
      new Map<string, ReportFate>([
        [original.id, { state: 'superseded', supersededBy: correction.id }],
        [correction.id, active],
      ]),
      new Map(),
      placeOf,
    );
    const item = itemFromEntry(change as FeedEntry, origin, 'en');
    expect(item.title).toBe(
      `Correction to \u2068${where.names.en}\u2069, 15 March 2024: at least 120 → at least 95 civilians killed (unconfirmed), because \u2068SYNTHETIC: the council recounted\u2069`,
    );
    expect(item.url).toBe(`${origin}/reports/${correction.id}`);
    expect(item.changedUrl).toBe(`${origin}/reports/${original.id}`);
    expect(item.html).toContain(`<a href="${origin}/reports/${original.id}">The report this changes</a>`);
    expect(item.html).toContain(`<a href="${origin}/reports/${correction.id}">The current version</a>`);
    expect(item.extension).toMatchObject({ entry: 'change', changed: original.id, current: correction.id });
    expect(item.withdrawn).toBeUndefined();
  });
});

describe('what a change shows', () => {
  it('gives a correction each changed figure before and after, with qualifiers, and nothing unchanged', () => {
    const original = acceptedReport(1, { figures: [deaths(10_000, 'approximately'), remaining(500)] });
    const correction = acceptedReport(2, {
      figures: [deaths(9_000, 'at_least'), remaining(500)],
      corrects: { report: original.id, reason: 'SYNTHETIC: recount' },
    });
    const fates = new Map<string, ReportFate>([
      [original.id, { state: 'superseded', supersededBy: correction.id }],
      [correction.id, active],
    ]);
    const [entry] = deriveFeedEntries([original, correction], fates, new Map(), placeOf);
    expect(entry?.changes).toEqual([
      {
        indicator: 'civilian_deaths',
        before: deaths(10_000, 'approximately'),
        after: deaths(9_000, 'at_least'),
      },
    ]);
    const item = itemFromEntry(entry as NonNullable<typeof entry>, 'https://status.test', 'en');
    expect(item.html).toContain('about 10,000 → at least 9,000');
    expect(item.html).toContain('Reason: <bdi>SYNTHETIC: recount</bdi>');
    expect(item.extension).toMatchObject({ change: 'correction', reason: 'SYNTHETIC: recount' });
  });

  it('says a version was restored, and why, when the correction that replaced it is retracted', () => {
    const original = acceptedReport(1, { figures: [deaths(10_000, 'approximately')] });
    const correction = correctionOf(original, 2, 9_000);
    const retractions = new Map<string, Retraction>([
      [
        correction.id,
        { report: correction.id, reason: 'SYNTHETIC: wrong report', retracted: '2024-04-01T00:00:00.000Z' },
      ],
    ]);
    const fates = new Map<string, ReportFate>([
      [original.id, active],
      [correction.id, { state: 'retracted' }],
    ]);
    const entries = deriveFeedEntries([original, correction], fates, retractions, placeOf);
    const entry = entries.find((e) => e.kind === 'report');
    expect(entries.find((e) => e.change === 'restored' && e.kind === 'change')).toMatchObject({
      id: correction.id,
      published: '2024-04-01T00:00:00.000Z',
      reason: 'SYNTHETIC: wrong report',
      changed: correction.id,
      current: original.id,
      report: { id: original.id },
    });
    expect(entry).toMatchObject({
      id: original.id,
      change: 'restored',
      reason: 'SYNTHETIC: wrong report',
      updated: '2024-04-01T00:00:00.000Z',
      report: { id: original.id },
    });
    expect(entry?.changes?.[0]).toMatchObject({ before: { value: 9_000 }, after: { value: 10_000 } });
    const item = itemFromEntry(entry as NonNullable<typeof entry>, 'https://status.test', 'en');
    expect(item.title).toMatch(/^Restored: /);
    expect(item.html).toContain(
      'Restored:</strong> the correction that had replaced this version was retracted',
    );
    expect(item.html).toContain('SYNTHETIC: wrong report');
    expect(item.html).toContain('at least 9,000 → about 10,000');
  });
});

/** The feed document of a scope whose newest reports, all active, are `reports`. */
function feedOf(
  reports: readonly Report[],
  reportCount = reports.length,
  disagreements?: FeedWindow['disagreements'],
): FeedDocument {
  const window = reports
    .map((r) => summarizeReport(r, active))
    .sort((a, b) => b.id.localeCompare(a.id))
    .slice(0, 200);
  const inWindow = new Set(window.map((s) => s.id));
  return deriveFeedDocument({
    window,
    reportCount,
    reports: reports.filter((r) => inWindow.has(r.id)),
    fates: new Map(window.map((s) => [s.id, active])),
    retractions: new Map(),
    placeOf,
    ...(disagreements ? { disagreements } : {}),
  });
}

describe('deriveFeedDocument', () => {
  it('keeps the newest 200 reports as entries, newest first, remembering where the archive starts', () => {
    const reports = Array.from({ length: 205 }, (_, n) => acceptedReport(n));
    const doc = feedOf(reports);
    expect(doc.entries).toHaveLength(200);
    expect(doc.entries[0]?.id).toBe(reports[204]?.id);
    expect(doc.archiveAfter).toBe(reports[5]?.id);
    expect(doc.updated).toBe(reports[204]?.published);
  });

  it('has no archive when the window holds every report', () => {
    expect(feedOf(Array.from({ length: 3 }, (_, n) => acceptedReport(n))).archiveAfter).toBeUndefined();
  });
});

describe('archiveStart', () => {
  const reports = Array.from({ length: 6 }, (_, n) => acceptedReport(n));
  const doc = feedOf(reports);

  it('is absent when the feed shows everything there is', () => {
    expect(archiveStart(doc, {}, 50)).toBeUndefined();
  });

  it('starts after the oldest entry shown when the page is shorter than the window', () => {
    expect(archiveStart(doc, {}, 2)).toBe(reports[4]?.id);
  });

  it('ignores an old entry that a correction moved up, so that no newer report is skipped', () => {
    const oldCorrected = correctionOf(reports[0] as Report, 9, 99);
    const entries = deriveFeedEntries(
      [...reports, oldCorrected],
      new Map([...reports.map((r) => [r.id, active] as const), [oldCorrected.id, active]]),
      new Map(),
      placeOf,
    );
    const moved: FeedDocument = { entries, updated: entries[0]?.updated ?? null };
    expect(moved.entries.map((e) => [e.kind, e.id]).slice(0, 2)).toEqual([
      ['change', oldCorrected.id],
      ['report', reports[0]?.id],
    ]);
    expect(archiveStart(moved, {}, 3)).toBe(reports[5]?.id);
  });

  it('starts after a correction shown when it is the only unmoved entry: it stands at its own time', () => {
    const oldCorrected = correctionOf(reports[0] as Report, 9, 99);
    const entries = deriveFeedEntries(
      [...reports, oldCorrected],
      new Map([...reports.map((r) => [r.id, active] as const), [oldCorrected.id, active]]),
      new Map(),
      placeOf,
    );
    expect(archiveStart({ entries, updated: null }, {}, 2)).toBe(oldCorrected.id);
  });
});

describe('an archive item of a correction', () => {
  it('is the correction entry of the subscription feed: same id, titled as a change', () => {
    const original = acceptedReport(1, { figures: [deaths(10)] });
    const correction = correctionOf(original, 2, 12);
    const [change] = deriveFeedEntries(
      [original, correction],
      new Map<string, ReportFate>([
        [original.id, { state: 'superseded', supersededBy: correction.id }],
        [correction.id, active],
      ]),
      new Map(),
      placeOf,
    );
    const archived = itemFromSummary(summarizeReport(correction, active), where, 'https://status.test', 'en');
    expect(archived.id).toBe(itemFromEntry(change as FeedEntry, 'https://status.test', 'en').id);
    expect(archived.title).toMatch(/^Correction to /);
    expect(archived.extension).toMatchObject({ entry: 'change', change: 'correction', changed: original.id });
    const first = itemFromSummary(
      summarizeReport(original, { state: 'superseded', supersededBy: correction.id }),
      where,
      'https://status.test',
      'en',
    );
    expect(first.id).not.toBe(archived.id);
    expect(first.extension).toMatchObject({ entry: 'report' });
  });
});

describe('an archive item of a restored report', () => {
  it('says it was restored, in its change, title and content', () => {
    const restored = { ...summarizeReport(acceptedReport(1), active), restoredFrom: acceptedReport(2).id };
    const item = itemFromSummary(restored, where, 'https://status.test', 'en');
    expect(item.extension.change).toBe('restored');
    expect(item.title).toMatch(/^Restored: /);
    expect(item.html).toContain(
      'Restored:</strong> the correction that had replaced this version was retracted',
    );
  });
});

describe('the _humanitarian extension', () => {
  it('describes both feed items and archive items', () => {
    const report = acceptedReport(1);
    const [entry] = deriveFeedEntries([report], new Map([[report.id, active]]), new Map(), placeOf);
    if (!entry) throw new Error('no entry');
    expect(
      humanitarianItemExtension.safeParse(itemFromEntry(entry, 'https://x', 'en').extension).success,
    ).toBe(true);
    const archived = itemFromSummary(summarizeReport(report, active), where, 'https://x', 'en');
    expect(humanitarianItemExtension.safeParse(archived.extension).success).toBe(true);
  });
});

describe('sources that disagree, in a feed', () => {
  // SYNTHETIC: two sources give figures for the same month that cannot both hold.
  const fromA = acceptedReport(1, {
    observed: '2024-03',
    source: { name: 'Synthetic agency A', kind: 'ngo', language: 'en' },
    figures: [remaining(8_000, 'exact')],
  });
  const fromB = acceptedReport(2, {
    observed: '2024-03',
    source: { name: 'Synthetic paper B', kind: 'media', language: 'en' },
    figures: [remaining(15_000, 'exact')],
  });
  const status = deriveStatus([summaryOf(fromA), summaryOf(fromB)], byId([fromA, fromB]), null);
  const doc = feedOf([fromA, fromB], 2, disagreementsByReport([status]));

  it('are named in the entry of each report whose figure is among them, with every source', () => {
    const entry = doc.entries.find((e) => e.report.id === fromA.id);
    expect(entry?.disagreements).toMatchObject([
      { indicator: 'population_remaining', low: 8_000, high: 15_000, sourceCount: 2 },
    ]);
    const item = itemFromEntry(entry as FeedEntry, 'https://status.test', 'en');
    expect(item.html).toContain(
      '<strong>Sources disagree</strong> (residents remaining): 8,000–15,000 by 2 sources; the newest says 15,000',
    );
    expect(item.html).toContain(`href="https://status.test/reports/${fromB.id}"`);
    expect(humanitarianItemExtension.safeParse(item.extension).success).toBe(true);
  });
});
