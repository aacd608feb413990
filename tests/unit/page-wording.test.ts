import { describe, expect, it } from 'vitest';
import {
  figureRows,
  formatCount,
  formatNumber,
  formatPartialDate,
  formatTimestamp,
  timeSince,
} from '../../src/words/figures.ts';
import { deaths, electricity, remaining, situation } from '../support/builders.ts';

describe('numbers and qualifiers', () => {
  it('group digits as each language writes them', () => {
    expect(formatNumber(12_000, 'en')).toBe('12,000');
    expect(formatNumber(12_000, 'nl')).toBe('12.000');
    expect(formatNumber(999, 'nl')).toBe('999');
    expect(formatNumber(1_000_000_000, 'nl')).toBe('1.000.000.000');
    expect(formatCount(120, 'at_least', 'nl')).toBe('ten minste 120');
    expect(formatCount(80_000, 'approximately', 'nl')).toBe('ongeveer 80.000');
  });
});

describe('dates', () => {
  it('never state a date more precisely than the source gave it', () => {
    expect(formatPartialDate('2022', 'en')).toBe('2022');
    expect(formatPartialDate('2022-11', 'en')).toBe('November 2022');
    expect(formatPartialDate('2022-11-05', 'en')).toBe('5 November 2022');
    expect(formatPartialDate('2022-11-05', 'nl')).toBe('5 november 2022');
  });

  it('write times in UTC to the minute', () => {
    expect(formatTimestamp('2026-11-24T21:03:05.616Z', 'en')).toBe('24 November 2026, 21:03 UTC');
    expect(formatTimestamp('2026-01-02T00:00:00.000Z', 'nl')).toBe('2 januari 2026, 00:00 UTC');
  });

  it('count the time since a report in whole units from the time passed in', () => {
    const now = new Date('2026-11-24T12:00:00.000Z');
    const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
    expect(timeSince(before(59_000), now, 'en')).toBe('just now');
    expect(timeSince(before(60_000), now, 'en')).toBe('1 minute ago');
    expect(timeSince(before(3 * 3_600_000 + 59_000), now, 'en')).toBe('3 hours ago');
    expect(timeSince(before(3 * 3_600_000), now, 'nl')).toBe('3 uur geleden');
    expect(timeSince(before(2 * 86_400_000), now, 'nl')).toBe('2 dagen geleden');
    expect(timeSince(before(65 * 86_400_000), now, 'en')).toBe('2 months ago');
    expect(timeSince(before(400 * 86_400_000), now, 'nl')).toBe('1 jaar geleden');
    // A clock a little behind the report's must not say "in the future".
    expect(timeSince(before(-5_000), now, 'en')).toBe('just now');
  });
});

describe('figureRows', () => {
  it('states a part with its whole, keeps both notes, and leaves the whole no line of its own', () => {
    const rows = figureRows(
      [
        { ...remaining(12_000), note: 'Mostly elderly.' },
        deaths(120),
        {
          indicator: 'population_baseline',
          value: 80_000,
          qualifier: 'approximately',
          note: 'Almost 80,000.',
        },
      ],
      'en',
    );
    expect(rows).toEqual([
      {
        kind: 'count',
        indicator: 'population_remaining',
        label: 'Residents remaining',
        words: 'about 12,000 of about 80,000',
        note: 'Mostly elderly. Almost 80,000.',
      },
      {
        kind: 'count',
        indicator: 'civilian_deaths',
        label: 'Civilians killed',
        words: 'at least 120 in all, since an unstated date',
      },
    ]);
  });

  it('gives a whole without its part a line of its own', () => {
    const rows = figureRows([{ indicator: 'population_baseline', value: 80_000, qualifier: 'exact' }], 'nl');
    expect(rows).toEqual([
      { kind: 'count', indicator: 'population_baseline', label: 'Inwoners voor de crisis', words: '80.000' },
    ]);
  });

  it('lists utilities in registry order with their state and since when, in words', () => {
    const rows = figureRows(
      [
        situation('SYNTHETIC: calm.'),
        { indicator: 'gas', state: 'available' },
        { ...electricity('unavailable'), since: { date: '2022-09', qualifier: 'approximately' } },
      ],
      'nl',
    );
    expect(rows).toEqual([
      {
        kind: 'utility',
        indicator: 'electricity',
        label: 'Elektriciteit',
        state: 'unavailable',
        stateWords: 'niet beschikbaar',
        since: 'sinds ongeveer september 2022',
      },
      { kind: 'utility', indicator: 'gas', label: 'Gas', state: 'available', stateWords: 'beschikbaar' },
      { kind: 'text', indicator: 'situation', label: 'Situatie', text: 'SYNTHETIC: calm.', language: 'en' },
    ]);
  });

  it('leaves out free text that a summary does not hold', () => {
    expect(figureRows([{ indicator: 'situation' }], 'en')).toEqual([
      { kind: 'text', indicator: 'situation', label: 'Situation' },
    ]);
  });
});
