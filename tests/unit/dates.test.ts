import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  isAfter,
  isCalendarDate,
  monthsBetween,
  periodStart,
  precisionOf,
} from '../../src/domain/dates.ts';

describe('isCalendarDate', () => {
  it.each(['2022', '2022-11', '2022-11-20', '2024-02-29', '1900', '1900-01-01', '2022-12-31'])(
    'accepts %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(true);
    },
  );

  it.each([
    ['2022-02-30', 'a day February does not have'],
    ['2023-02-29', 'a leap day in a common year'],
    ['2022-04-31', 'a 31st in a 30-day month'],
    ['2022-13', 'a thirteenth month'],
    ['2022-00', 'month zero'],
    ['2022-11-00', 'day zero'],
    ['1899', 'a year before 1900'],
    ['1899-12-31', 'a day before 1900'],
    ['0099-01-01', 'a two-digit year that Date.UTC would map into the 1900s'],
    ['22-11', 'a two-digit year'],
    ['2022-1', 'a one-digit month'],
    ['2022/11/20', 'slashes'],
    ['2022-11-20T00:00:00Z', 'a timestamp'],
    ['', 'the empty string'],
  ])('rejects %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('precisionOf', () => {
  it('reads the precision from the form of the date', () => {
    expect(precisionOf('2022')).toBe('year');
    expect(precisionOf('2022-11')).toBe('month');
    expect(precisionOf('2022-11-20')).toBe('day');
  });
});

describe('periodStart', () => {
  it('gives the first UTC instant of the year, month or day', () => {
    expect(periodStart('2022').toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(periodStart('2022-11').toISOString()).toBe('2022-11-01T00:00:00.000Z');
    expect(periodStart('2022-11-20').toISOString()).toBe('2022-11-20T00:00:00.000Z');
  });

  it('throws a RangeError for a string that is not a partial date', () => {
    expect(() => periodStart('November 2022')).toThrow(RangeError);
  });
});

describe('comparePartialDates', () => {
  it('orders a month before a day inside it', () => {
    expect(comparePartialDates('2022-11', '2022-11-20')).toBeLessThan(0);
    expect(comparePartialDates('2022-11-20', '2022-11')).toBeGreaterThan(0);
  });

  it('orders a month before the first day of that month, which starts at the same instant', () => {
    expect(comparePartialDates('2022-11', '2022-11-01')).toBeLessThan(0);
    expect(comparePartialDates('2022', '2022-01')).toBeLessThan(0);
  });

  it('orders by the start of the period first', () => {
    expect(comparePartialDates('2022-10-31', '2022-11')).toBeLessThan(0);
    expect(comparePartialDates('2023', '2022-12-31')).toBeGreaterThan(0);
  });

  it('finds a date equal to itself', () => {
    expect(comparePartialDates('2022-11-20', '2022-11-20')).toBe(0);
  });

  it('sorts a mixed list of precisions into one consistent order', () => {
    const sorted = ['2023', '2022-11-20', '2022-11', '2022', '2022-11-01', '2022-10-31'].sort(
      comparePartialDates,
    );
    expect(sorted).toEqual(['2022', '2022-10-31', '2022-11', '2022-11-01', '2022-11-20', '2023']);
  });
});

describe('isAfter', () => {
  const now = new Date('2024-03-15T12:00:00.000Z');

  it('is true only when the whole period starts after now', () => {
    expect(isAfter('2024-03-16', now)).toBe(true);
    expect(isAfter('2024-04', now)).toBe(true);
    expect(isAfter('2025', now)).toBe(true);
  });

  it('is false for a period that has already begun', () => {
    expect(isAfter('2024-03-15', now)).toBe(false);
    expect(isAfter('2024-03', now)).toBe(false);
    expect(isAfter('2024', now)).toBe(false);
    expect(isAfter('2024-03-14', now)).toBe(false);
  });

  it('is false for a period that starts exactly now', () => {
    expect(isAfter('2024-03-16', new Date('2024-03-16T00:00:00.000Z'))).toBe(false);
    expect(isAfter('2024-03-16', new Date('2024-03-15T23:59:59.999Z'))).toBe(true);
  });
});

describe('monthsBetween', () => {
  it('counts whole calendar months', () => {
    expect(monthsBetween('2022-09', '2022-11')).toBe(2);
    expect(monthsBetween('2021-12', '2022-01')).toBe(1);
    expect(monthsBetween('2022-11', '2022-11')).toBe(0);
  });

  it('counts at month precision, ignoring the day', () => {
    expect(monthsBetween('2022-11-30', '2022-12-01')).toBe(1);
    expect(monthsBetween('2022-09-01', '2022-11-30')).toBe(2);
  });

  it('is negative when the second date is earlier', () => {
    expect(monthsBetween('2022-11', '2022-09')).toBe(-2);
  });
});
