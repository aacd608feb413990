// Query parameters of the history listings. Strict: an unknown parameter, an out-of-range
// limit or a malformed date is a 400, never silently clamped or ignored.

import * as z from 'zod';
import { isCalendarDate } from '../domain/dates.ts';
import { defaultPageSize, type HistoryFilter, maxPageSize } from '../domain/history.ts';
import { indicatorIds } from '../domain/indicators.ts';
import { pageLanguages } from '../domain/languages.ts';
import { countBasis, partialDate, slug, verification } from '../domain/model.ts';

/** The query of a page for people: the language the reader chose, and nothing else. */
export const pageQuery = z.strictObject({ lang: z.enum(pageLanguages).optional() });

/** For endpoints that take no parameters: anything given is a 400, as everywhere else. */
export const noQuery = z.strictObject({});

/**
 * Whether a CSV carries its HXL hashtag row: `?hxl=false` leaves it out, so that a
 * spreadsheet reads every column's type from its data.
 */
export const hxlParameter = z
  .enum(['true', 'false'])
  .default('true')
  .transform((value) => value === 'true')
  .meta({ description: 'false: no HXL hashtag row, only the header row and the data' });

/** The query of a CSV file with no filters. */
export const csvQuery = z.strictObject({ hxl: hxlParameter });

/** A repeatable parameter: `?indicator=gas&indicator=electricity`; a value given twice counts once. */
export function repeatable<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? v : [v]),
    z.array(item).overwrite((values) => [...new Set(values)]),
  );
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD, taken as UTC) or an RFC 3339 time; `end` makes a day cover all of it. */
function instant(bound: 'start' | 'end') {
  return z
    .string()
    .refine(
      (value) =>
        dateOnly.test(value)
          ? isCalendarDate(value)
          : z.iso.datetime({ offset: true }).safeParse(value).success,
      'must be YYYY-MM-DD or an RFC 3339 date-time',
    )
    .transform((value) => {
      if (!dateOnly.test(value)) return new Date(value).toISOString();
      return bound === 'start' ? `${value}T00:00:00.000Z` : `${value}T23:59:59.999Z`;
    });
}

/** `limit`: a whole number from 1 to 200, never clamped. */
export const pageLimit = z
  .string()
  .regex(/^\d{1,4}$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.int().min(1).max(maxPageSize))
  .optional();

/**
 * `limit` of a file export: a page size as above, or `all`, every report in one file (a
 * spreadsheet cannot follow a `Link` header from page to page).
 */
export const exportLimit = z
  .string()
  .regex(/^(all|\d{1,4})$/, 'must be a whole number, or all')
  .transform((value): number | 'all' => (value === 'all' ? value : Number(value)))
  .refine((limit) => limit === 'all' || (limit >= 1 && limit <= maxPageSize), {
    message: `must be from 1 to ${maxPageSize}, or all`,
  })
  .optional()
  .meta({
    description: `reports per page, 1 to ${maxPageSize} (default ${defaultPageSize}); or all: the whole history in one file, with no cursor`,
  });

export const indicatorFilter = repeatable(z.enum(indicatorIds)).optional();
export const verificationFilter = repeatable(verification).optional();

/**
 * The query of a time series: which reports (active, or all with their state), and bounds on
 * when the conditions held (observed) and when the service accepted them (published).
 */
export const seriesQuery = z
  .strictObject({
    include: z
      .enum(['active', 'all'])
      .default('active')
      .meta({ description: 'all: superseded and retracted reports too, each with its state' }),
    observedFrom: partialDate
      .optional()
      .meta({ description: 'Points whose observed period ends on or after the start of this date' }),
    observedTo: partialDate
      .optional()
      .meta({ description: 'Points whose observed period starts on or before the end of this date' }),
    since: instant('start').optional(),
    until: instant('end').optional(),
    basis: countBasis.optional().meta({
      description:
        "Counts of this basis only: total (running totals) or period (counts for the observed period). Points without a basis (a utility's state) are left out when it is given",
    }),
  })
  .refine((q) => !q.observedFrom || !q.observedTo || q.observedFrom <= q.observedTo, {
    message: 'observedFrom must not be after observedTo',
    path: ['observedFrom'],
  });
export type SeriesQuery = z.infer<typeof seriesQuery>;

const historyParameters = {
  indicator: indicatorFilter,
  verification: verificationFilter,
  since: instant('start').optional(),
  until: instant('end').optional(),
  limit: pageLimit,
  cursor: z.string().min(1).max(2048).optional(),
};

const inOrder = (q: { since?: string; until?: string }) => !q.since || !q.until || q.since <= q.until;
const outOfOrder = { message: 'since must not be after until', path: ['since'] };

export const historyQuery = z.strictObject(historyParameters).refine(inOrder, outOfOrder);
export type HistoryQuery = z.output<typeof historyQuery>;

/**
 * The query of the history as a file: the history's, `place` to keep to one place's, `hxl`,
 * and `limit=all` for every report in one file, which has no pages and so takes no cursor.
 */
export const historyFileQuery = z
  .strictObject({ ...historyParameters, place: slug.optional(), hxl: hxlParameter, limit: exportLimit })
  .refine(inOrder, outOfOrder)
  .refine((q) => q.limit !== 'all' || q.cursor === undefined, {
    message: 'limit=all is the whole history in one file: it has no pages and takes no cursor',
    path: ['cursor'],
  });

/** The parameters of a feed: its filters and page size, and an archive page's cursor. */
export const feedQuery = z.strictObject({
  indicator: indicatorFilter,
  verification: verificationFilter,
  limit: pageLimit,
  cursor: z.string().min(1).max(2048).optional(),
});

/** The history filter a query names. */
export function historyFilterOf(query: {
  indicator?: HistoryFilter['indicators'];
  verification?: HistoryFilter['verifications'];
  since?: string;
  until?: string;
}): HistoryFilter {
  return {
    ...(query.indicator ? { indicators: query.indicator } : {}),
    ...(query.verification ? { verifications: query.verification } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.until ? { until: query.until } : {}),
  };
}
