import { describe, expect, it } from 'vitest';
import { isPastRange, matchesFilter } from '../../src/domain/history.ts';
import { acceptedReport, deaths, electricity, gas, summaryOf } from '../support/builders.ts';

const summary = summaryOf(
  acceptedReport(1, {
    published: '2024-03-15T12:00:00.000Z',
    verification: 'corroborated',
    figures: [electricity('unavailable'), deaths(3)],
  }),
);

describe('matchesFilter', () => {
  it('matches everything when the filter is empty', () => {
    expect(matchesFilter(summary, {})).toBe(true);
    expect(matchesFilter(summary, { indicators: [], verifications: [] })).toBe(true);
  });

  it('matches a summary with any of the requested indicators', () => {
    expect(matchesFilter(summary, { indicators: ['gas', 'civilian_deaths'] })).toBe(true);
    expect(matchesFilter(summary, { indicators: ['gas', 'situation'] })).toBe(false);
  });

  it('matches a summary with one of the requested verification states', () => {
    expect(matchesFilter(summary, { verifications: ['verified', 'corroborated'] })).toBe(true);
    expect(matchesFilter(summary, { verifications: ['verified'] })).toBe(false);
  });

  it('bounds the published time inclusively on both sides', () => {
    expect(
      matchesFilter(summary, { since: '2024-03-15T12:00:00.000Z', until: '2024-03-15T12:00:00.000Z' }),
    ).toBe(true);
    expect(matchesFilter(summary, { since: '2024-03-15T12:00:00.001Z' })).toBe(false);
    expect(matchesFilter(summary, { until: '2024-03-15T11:59:59.999Z' })).toBe(false);
  });

  it('requires every part of the filter to match', () => {
    const other = summaryOf(acceptedReport(2, { figures: [gas('available')], verification: 'corroborated' }));
    expect(matchesFilter(other, { indicators: ['gas'], verifications: ['verified'] })).toBe(false);
    expect(matchesFilter(other, { indicators: ['gas'], verifications: ['corroborated'] })).toBe(true);
  });
});

describe('isPastRange', () => {
  it('is true only for a summary published before since', () => {
    expect(isPastRange(summary, { since: '2024-03-15T12:00:00.001Z' })).toBe(true);
    expect(isPastRange(summary, { since: '2024-03-15T12:00:00.000Z' })).toBe(false);
    expect(isPastRange(summary, {})).toBe(false);
    expect(isPastRange(summary, { until: '2024-01-01T00:00:00.000Z' })).toBe(false);
  });
});
