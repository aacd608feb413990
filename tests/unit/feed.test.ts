import { describe, expect, it } from 'vitest';
import {
  archiveStart,
  deriveFeedDocument,
  deriveFeedEntries,
  type FeedDocument,
  feedPlaceOf,
} from '../../src/domain/feed.ts';
import { humanitarianItemExtension } from '../../src/domain/feed-extension.ts';
import type { Report, Retraction } from '../../src/domain/model.ts';
import type { ReportFate } from '../../src/domain/status.ts';
import { summarizeReport } from '../../src/domain/status.ts';
import { itemFromEntry, itemFromSummary } from '../../src/render/feed-items.ts';
import { acceptedPlace, acceptedReport, deaths, remaining } from '../support/builders.ts';

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

  it('shows a correction in the entry of the report it corrects, with its reason and time', () => {
    const original = acceptedReport(1, { figures: [deaths(10)] });
    const correction = correctionOf(original, 5, 12);
    const fates = new Map<string, ReportFate>([
      [original.id, { state: 'superseded', supersededBy: correction.id }],
      [correction.id, active],
    ]);
    const [entry, ...rest] = deriveFeedEntries([original, correction], fates, new Map(), placeOf);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      id: original.id,
      published: original.published,
      updated: correction.published,
      change: 'correction',
      reason: 'SYNTHETIC: recount 5',
      report: { id: correction.id },
    });
  });

  it('shows the latest withdrawal when every version was retracted', () => {
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
    const [entry] = deriveFeedEntries([original, correction], fates, retractions, placeOf);
    expect(entry).toMatchObject({
      id: original.id,
      change: 'retraction',
      reason: 'second',
      updated: '2024-05-01T00:00:00.000Z',
    });
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
    const item = itemFromEntry(entry as NonNullable<typeof entry>, 'https://status.test');
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
    const [entry] = deriveFeedEntries([original, correction], fates, retractions, placeOf);
    expect(entry).toMatchObject({
      id: original.id,
      change: 'restored',
      reason: 'SYNTHETIC: wrong report',
      updated: '2024-04-01T00:00:00.000Z',
      report: { id: original.id },
    });
    expect(entry?.changes?.[0]).toMatchObject({ before: { value: 9_000 }, after: { value: 10_000 } });
    const item = itemFromEntry(entry as NonNullable<typeof entry>, 'https://status.test');
    expect(item.title).toMatch(/^Restored: /);
    expect(item.html).toContain(
      'Restored:</strong> the correction that had replaced this version was retracted',
    );
    expect(item.html).toContain('SYNTHETIC: wrong report');
    expect(item.html).toContain('at least 9,000 → about 10,000');
  });
});

/** The feed document of a scope whose newest reports, all active, are `reports`. */
function feedOf(reports: readonly Report[], reportCount = reports.length): FeedDocument {
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
    expect(moved.entries[0]?.id).toBe(reports[0]?.id);
    expect(archiveStart(moved, {}, 2)).toBe(reports[5]?.id);
  });
});

describe('an archive item of a restored report', () => {
  it('says it was restored, in its change, title and content', () => {
    const restored = { ...summarizeReport(acceptedReport(1), active), restoredFrom: acceptedReport(2).id };
    const item = itemFromSummary(restored, where, 'https://status.test');
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
    expect(humanitarianItemExtension.safeParse(itemFromEntry(entry, 'https://x').extension).success).toBe(
      true,
    );
    const archived = itemFromSummary(summarizeReport(report, active), where, 'https://x');
    expect(humanitarianItemExtension.safeParse(archived.extension).success).toBe(true);
  });
});
