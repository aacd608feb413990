// Partial dates: "2022", "2022-11" or "2022-11-05". The precision is the form itself, so a
// date can never be stored more precisely than the source gave it.

export const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DatePrecision = 'year' | 'month' | 'day';

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

function parts(value: string): DateParts | undefined {
  const match = partialDatePattern.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return {
    year: Number(year),
    ...(month === undefined ? {} : { month: Number(month) }),
    ...(day === undefined ? {} : { day: Number(day) }),
  };
}

/** True when the string is a partial date that names a real calendar year, month or day. */
export function isCalendarDate(value: string): boolean {
  const p = parts(value);
  if (!p || p.year < 1900) return false;
  if (p.month === undefined) return true;
  if (p.month < 1 || p.month > 12) return false;
  if (p.day === undefined) return true;
  const start = new Date(Date.UTC(p.year, p.month - 1, p.day));
  return start.getUTCMonth() === p.month - 1 && start.getUTCDate() === p.day;
}

export function precisionOf(value: string): DatePrecision {
  const p = parts(value);
  if (p?.day !== undefined) return 'day';
  if (p?.month !== undefined) return 'month';
  return 'year';
}

/** First instant of the period the partial date names (UTC). */
export function periodStart(value: string): Date {
  const p = parts(value);
  if (!p) throw new RangeError(`not a partial date: ${value}`);
  return new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
}

/** First instant after the period the partial date names (UTC). */
export function periodEnd(value: string): Date {
  const start = periodStart(value);
  const precision = precisionOf(value);
  return new Date(
    Date.UTC(
      start.getUTCFullYear() + (precision === 'year' ? 1 : 0),
      start.getUTCMonth() + (precision === 'month' ? 1 : 0),
      start.getUTCDate() + (precision === 'day' ? 1 : 0),
    ),
  );
}

/** A partial date is in the future only when its whole period starts after `now`. */
export function isAfter(value: string, now: Date): boolean {
  return periodStart(value).getTime() > now.getTime();
}

/** Orders partial dates by the start of their period; "2022-11" sorts before "2022-11-20". */
export function comparePartialDates(a: string, b: string): number {
  return periodStart(a).getTime() - periodStart(b).getTime() || a.length - b.length;
}

/** Whole calendar months from one partial date to another, counted at month precision. */
export function monthsBetween(from: string, to: string): number {
  const a = periodStart(from);
  const b = periodStart(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}
