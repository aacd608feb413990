import { describe, expect, it } from 'vitest';
import { isStale, staleAfter } from '../../src/domain/freshness.ts';
import { indicatorRegistry } from '../../src/domain/indicators.ts';

describe('staleAfter', () => {
  it('is the last day of the observed period plus the indicator’s days of currency, at each precision', () => {
    // electricity: 14 days
    expect(staleAfter('electricity', '2022-11-05')).toBe('2022-11-19');
    expect(staleAfter('electricity', '2022-11')).toBe('2022-12-14');
    expect(staleAfter('electricity', '2022')).toBe('2023-01-14');
    // residents remaining: 90 days
    expect(staleAfter('population_remaining', '2022-11-05')).toBe('2023-02-03');
    expect(staleAfter('population_remaining', '2022-11')).toBe('2023-02-28');
    expect(staleAfter('population_remaining', '2022')).toBe('2023-03-31');
    // civilians killed: 30 days, across a leap day
    expect(staleAfter('civilian_deaths', '2024-02')).toBe('2024-03-30');
  });

  it('follows each indicator’s entry in the registry', () => {
    for (const { id, currentForDays } of indicatorRegistry) {
      const end = Date.parse('2022-11-30T00:00:00Z') + currentForDays * 86_400_000;
      expect(staleAfter(id, '2022-11-30')).toBe(new Date(end).toISOString().slice(0, 10));
    }
  });
});

describe('isStale', () => {
  it('holds from the day after staleAfter, never on it', () => {
    expect(isStale('2022-12-14', new Date('2022-12-14T23:59:59.999Z'))).toBe(false);
    expect(isStale('2022-12-14', new Date('2022-12-15T00:00:00.000Z'))).toBe(true);
    expect(isStale('2022-12-14', new Date('2026-12-01T12:00:00Z'))).toBe(true);
  });
});
