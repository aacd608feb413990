// What a subscription is sent, decided without storage: filters, rules, what a report changed
// in the status, delivery health, and the signed body.

import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain/changes.ts';
import { type FigureChange, figureChangesOf } from '../../src/domain/figure-changes.ts';
import type { PlaceStatus } from '../../src/domain/model.ts';
import { buildStatus, pickCurrent } from '../../src/domain/status.ts';
import { largestEventBytes, webhookEventOf } from '../../src/push/events.ts';
import { matches, nextHealth, type PushedChange, type SubscriptionRule } from '../../src/push/model.ts';
import { newSigningSecret, signedHeaders } from '../../src/push/signature.ts';
import { acceptedReport, byId, deaths, electricity, summaryOf } from '../support/builders.ts';

const change = (overrides: Partial<Change> = {}): Change =>
  ({
    kind: 'new',
    report: '01M87QM26GR580ATWVMH05WJ2H',
    place: 'testville',
    at: '2026-11-30T10:00:00.000Z',
    effects: [{ report: '01M87QM26GR580ATWVMH05WJ2H', place: 'testville', state: 'active' }],
    ...overrides,
  }) as Change;

const pushed = (overrides: Partial<PushedChange> = {}): PushedChange => ({
  change: change(),
  indicators: ['civilian_deaths'],
  ...overrides,
});

const rise = (from: number | undefined, to: number): FigureChange => ({
  indicator: 'civilian_deaths',
  ...(from === undefined
    ? {}
    : { before: { indicator: 'civilian_deaths', value: from, qualifier: 'exact' } }),
  after: { indicator: 'civilian_deaths', value: to, qualifier: 'exact' },
});

describe('matches', () => {
  it('lets every change through a subscription without filters', () => {
    expect(matches({ filters: {} }, pushed(), false)).toBe(true);
  });

  it('keeps to the places given, counting the place of a report a correction supersedes', () => {
    const elsewhere = change({
      kind: 'correction',
      place: 'othertown',
      effects: [
        { report: '01M87QM26GR580ATWVMH05WJ2H', place: 'othertown', state: 'active' },
        { report: '01M87QM26GR580ATWVMH05WJ2J', place: 'testville', state: 'superseded' },
      ],
    } as Partial<Change>);
    expect(matches({ filters: { places: ['nowhere'] } }, pushed(), false)).toBe(false);
    expect(matches({ filters: { places: ['testville'] } }, pushed({ change: elsewhere }), false)).toBe(true);
  });

  it('keeps to the indicators and kinds given', () => {
    expect(matches({ filters: { indicators: ['electricity'] } }, pushed(), false)).toBe(false);
    expect(matches({ filters: { indicators: ['civilian_deaths', 'gas'] } }, pushed(), false)).toBe(true);
    expect(matches({ filters: { kinds: ['retraction'] } }, pushed(), false)).toBe(false);
    expect(matches({ filters: { kinds: ['new'] } }, pushed(), false)).toBe(true);
  });

  it('sends a rise rule only rises above its per cent, a rise from 0 always, a first figure never', () => {
    const rule = { kind: 'rises_by_percent', percent: 20 } as const;
    const sent = (figures: FigureChange[]) => matches({ filters: {}, rule }, pushed({ figures }), false);
    expect(sent([rise(100, 120)])).toBe(false);
    expect(sent([rise(100, 121)])).toBe(true);
    expect(sent([rise(0, 1)])).toBe(true);
    expect(sent([rise(undefined, 500)])).toBe(false);
    expect(sent([rise(200, 100)])).toBe(false);
    expect(matches({ filters: {}, rule }, pushed(), false)).toBe(false);
    expect(matches({ filters: {}, rule }, pushed(), true)).toBe(true);
  });

  it('sends an unavailability rule only a utility that becomes unavailable, among those it watches', () => {
    const cut = (before: 'available' | 'unavailable' | undefined): FigureChange => ({
      indicator: 'gas',
      ...(before ? { before: { indicator: 'gas', state: before } } : {}),
      after: { indicator: 'gas', state: 'unavailable' },
    });
    const any: SubscriptionRule = { kind: 'becomes_unavailable' };
    const water: SubscriptionRule = { kind: 'becomes_unavailable', indicators: ['running_water'] };
    const sent = (rule: SubscriptionRule, figure: FigureChange) =>
      matches({ filters: {}, rule }, pushed({ figures: [figure] }), false);
    expect(sent(any, cut('available'))).toBe(true);
    expect(sent(any, cut(undefined))).toBe(true);
    expect(sent(any, cut('unavailable'))).toBe(false);
    expect(sent(water, cut('available'))).toBe(false);
  });
});

describe('figureChangesOf', () => {
  const statusOf = (...reports: ReturnType<typeof acceptedReport>[]): PlaceStatus =>
    buildStatus(pickCurrent(reports.map((r) => summaryOf(r))), byId(reports), null);

  it('gives each new report the figures it became current for, with the ones it replaced', () => {
    const first = acceptedReport(1, {
      observed: '2024-03-01',
      figures: [electricity('available'), deaths(5)],
    });
    const second = acceptedReport(2, { observed: '2024-03-02', figures: [electricity('unavailable')] });
    const late = acceptedReport(3, { observed: '2024-02-01', figures: [deaths(3)] });
    const changes = figureChangesOf(
      statusOf(first),
      statusOf(first, second, late),
      new Set([second.id, late.id]),
    );
    expect([...changes.keys()]).toEqual([second.id]);
    expect(changes.get(second.id)).toEqual([
      {
        indicator: 'electricity',
        before: { indicator: 'electricity', state: 'available' },
        beforeReport: first.id,
        after: { indicator: 'electricity', state: 'unavailable' },
      },
    ]);
  });
});

describe('nextHealth', () => {
  const day = 24 * 60 * 60 * 1000;
  const fresh = { state: 'active', deadLetters: 0 } as const;

  it('pauses only once failures without a success last longer than the pause setting', () => {
    const failed = nextHealth(
      fresh,
      { ok: false, at: '2026-11-01T00:00:00.000Z', reason: 'answered 500' },
      3 * day,
    );
    expect(failed).toMatchObject({ state: 'active', failingSince: '2026-11-01T00:00:00.000Z' });
    const later = nextHealth(failed, { ok: false, at: '2026-11-03T23:59:59.000Z', reason: 'x' }, 3 * day);
    expect(later.state).toBe('active');
    const paused = nextHealth(later, { ok: false, at: '2026-11-04T00:00:00.000Z', reason: 'x' }, 3 * day);
    expect(paused).toMatchObject({ state: 'paused', pausedAt: '2026-11-04T00:00:00.000Z' });
  });

  it('forgets the failures at the first success', () => {
    const failed = nextHealth(fresh, { ok: false, at: '2026-11-01T00:00:00.000Z', reason: 'x' }, day);
    const healed = nextHealth(failed, { ok: true, at: '2026-11-01T00:01:00.000Z' }, day);
    expect(healed.failingSince).toBeUndefined();
    expect(healed.lastSuccess).toBe('2026-11-01T00:01:00.000Z');
  });
});

describe('the signed body', () => {
  it('is verified by standardwebhooks, and fails to verify once a byte of it changes', async () => {
    const secret = newSigningSecret();
    const body = '{"type":"report.new"}';
    const headers = await signedHeaders(secret, 'msg_1_sub_x', body, new Date());
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual({ type: 'report.new' });
    expect(() => new Webhook(secret).verify(body.replace('new', 'old'), { ...headers })).toThrow();
    expect(() => new Webhook(newSigningSecret()).verify(body, { ...headers })).toThrow();
  });

  it('leaves out the report when the event would be larger than 64 KB with it', () => {
    const report = acceptedReport(1, { summary: { text: 'x'.repeat(70_000), language: 'en' } });
    const message = { type: 'change', position: 3, change: change({ report: report.id }) } as const;
    const body = webhookEventOf(message, report, { id: 'sub_X', origin: 'https://status.example.org' });
    expect(body.length).toBeLessThanOrEqual(largestEventBytes);
    expect(JSON.parse(body).data.report).toBeUndefined();
    const small = webhookEventOf(message, acceptedReport(1), {
      id: 'sub_X',
      origin: 'https://status.example.org',
    });
    expect(JSON.parse(small).data.report.id).toBe(acceptedReport(1).id);
  });
});
