import { describe, expect, it } from 'vitest';
import { indicatorRegistry, indicatorWithCode } from '../../src/domain/indicators.ts';
import { unknownIndicator } from '../support/builders.ts';

describe('the indicator registry', () => {
  it('gives every indicator a unique id and a unique positive code', () => {
    const ids = indicatorRegistry.map((i) => i.id);
    const codes = indicatorRegistry.map((i) => i.code);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(Number.isInteger(code) && code > 0).toBe(true);
  });

  it("names every indicator in snake_case, so the tests' unknown indicator can never be one", () => {
    for (const { id } of indicatorRegistry) expect(id).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    expect(unknownIndicator).not.toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });

  it('keeps the codes that stored history already uses', () => {
    // Stored summaries name indicators by code: changing one would misread history.
    expect(Object.fromEntries(indicatorRegistry.map((i) => [i.id, i.code]))).toMatchObject({
      electricity: 1,
      gas: 2,
      running_water: 3,
      population_baseline: 4,
      population_remaining: 5,
      civilian_deaths: 6,
      civilian_injuries: 7,
      situation: 8,
    });
  });

  it('finds an indicator by its code, and nothing for an unknown code', () => {
    expect(indicatorWithCode(6)?.id).toBe('civilian_deaths');
    expect(indicatorWithCode(0)).toBeUndefined();
  });
});
