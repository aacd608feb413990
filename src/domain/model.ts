// The canonical model. Each public shape is defined once, here, in zod: the runtime
// validation, the TypeScript types and (later) the OpenAPI document and JSON Schemas all
// come from these definitions. Objects are strict: an unknown field is an error, never
// silently dropped.

import * as z from 'zod';
import type { ParsePayload } from 'zod/v4/core';
import { isCalendarDate, partialDatePattern } from './dates.ts';
import { reportIdPattern } from './ids.ts';
import {
  assumedBasis,
  basesOf,
  countBases,
  type IndicatorOfKind,
  indicatorIds,
  indicatorKinds,
  indicatorRegistry,
} from './indicators.ts';
import { type Language, pageLanguages } from './languages.ts';
import { checkWrittenText, withCanonicalLanguages } from './written-text.ts';

// Control characters other than tab and newline have no place in a report and can break
// feeds and terminals downstream.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const forbiddenControlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** How many characters (code points) a text holds: a pair of surrogates is one. */
function charactersIn(value: string): number {
  let characters = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      characters--;
      i++;
    }
  }
  return characters;
}

/**
 * At most `max` characters, counted as code points, not as UTF-16 units (as zod's max counts
 * them). JSON Schema's maxLength counts code points, so the schema states it as that.
 */
const atMostCharacters = (max: number) => (ctx: ParsePayload<string>) => {
  // A text of no more UTF-16 units than `max` has no more characters: most are not counted.
  if (ctx.value.length > max && charactersIn(ctx.value) > max)
    ctx.issues.push({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: ctx.value });
};

/**
 * Human text: NFC-normalised, trimmed, non-empty, bounded, no control characters. The bound
 * counts UTF-16 units, or, `inCharacters`, characters (code points): for a bound stated in
 * characters that text outside the BMP (emoji, some CJK), two units each, must reach too.
 */
export function text(maxLength: number, counted: 'inUnits' | 'inCharacters' = 'inUnits') {
  const trimmed = z.string().normalize('NFC').trim().min(1);
  const bounded =
    counted === 'inCharacters'
      ? trimmed.check(atMostCharacters(maxLength)).meta({ maxLength })
      : trimmed.max(maxLength);
  return bounded
    .refine((value) => !forbiddenControlCharacters.test(value), {
      message: 'must not contain control characters other than tab and newline',
    })
    .refine((value) => value.isWellFormed(), { message: 'must be well-formed Unicode (no lone surrogates)' });
}

/**
 * An input as people write it now: the rules of written text (domain/written-text.ts) apply,
 * which facts stored before them need not meet, so stored schemas are built without them.
 */
function asWritten<T extends z.ZodType>(schema: T) {
  return schema.superRefine((input, ctx) => checkWrittenText(input, ctx)).overwrite(withCanonicalLanguages);
}

export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/, 'must be a BCP 47 language tag such as "nl"');

export const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be 1-64 characters of a-z, 0-9 and -');

export const reportId = z.string().regex(reportIdPattern, 'must be a report id (26-character ULID)');

export const partialDate = z
  .string()
  .regex(partialDatePattern, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'must name a real calendar date');

export const timestamp = z.iso.datetime({ offset: false });

// The enum lists below are stored by position in KV metadata: append to them, never reorder.

export const qualifiers = ['exact', 'approximately', 'at_least', 'at_most'] as const;
export const qualifier = z.enum(qualifiers);
export type Qualifier = z.infer<typeof qualifier>;

export const verificationStates = ['unconfirmed', 'corroborated', 'verified', 'disputed'] as const;
export const verification = z.enum(verificationStates);
export type Verification = z.infer<typeof verification>;

export const utilityStates = ['available', 'intermittent', 'unavailable'] as const;
export const sourceKinds = ['official', 'media', 'ngo', 'social_media'] as const;

// -- places -------------------------------------------------------------------------------

export const placeNames = z
  .record(languageTag, text(120))
  .refine((names) => 'en' in names, { message: 'must include an English name ("en")' });

const placeFields = z.strictObject({
  names: placeNames,
  country: z.strictObject({
    code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
    name: text(120),
  }),
  admin: z
    .array(
      z.strictObject({
        level: z.int().min(1).max(4),
        name: text(120),
        pcode: z
          .string()
          .regex(/^[A-Z]{2}[A-Z0-9]{1,18}$/, 'must be a p-code such as "UA14"')
          .optional(),
      }),
    )
    .max(4)
    .default([]),
  coordinates: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    })
    .optional(),
});
/** A place as an admin writes it; the rules of written text apply (domain/written-text.ts). */
export const placeInput = asWritten(placeFields);
export type PlaceInput = z.infer<typeof placeInput>;

export const place = placeFields.extend({ slug });
export type Place = z.infer<typeof place>;

// -- indicators ---------------------------------------------------------------------------

/** An entry of the indicator registry, as GET /api/v1/indicators shows it. */
export const indicator = z.strictObject({
  id: z.enum(indicatorIds),
  code: z.int().min(1),
  kind: z.enum(indicatorKinds),
  label: z.strictObject(
    Object.fromEntries(pageLanguages.map((language) => [language, z.string()])) as Record<
      Language,
      z.ZodString
    >,
  ),
  phrase: z
    .string()
    .optional()
    .meta({ description: 'How a count reads in a sentence; {n} stands for the value with its qualifier' }),
  phraseOne: z.string().optional().meta({ description: 'The same for a count of one, in the singular' }),
  outOf: z.enum(indicatorIds).optional().meta({
    description: 'The count this one is a part of: residents remaining out of the population before',
  }),
  plausible: z
    .strictObject({
      jumpFactor: z.number().optional(),
      notAbove: z.array(z.enum(indicatorIds)).readonly().optional(),
    })
    .optional()
    .meta({
      description:
        'A count more than jumpFactor times the current one, either way, or above a notAbove count, gets a warning',
    }),
  currentForDays: z.int().min(0).meta({
    description:
      'Days a figure stays current after the end of its observed period; staleAfter in a status is computed from it',
  }),
  bases: z
    .strictObject({ allowed: z.array(z.enum(countBases)).readonly(), assumed: z.enum(countBases) })
    .optional()
    .meta({
      description:
        "For a count: the bases its figures may have (a running total, or a count for the report's observed period), and the one assumed when a report leaves it out",
    }),
});
export const indicatorList = z.strictObject({ indicators: z.array(indicator) });
export type IndicatorList = z.infer<typeof indicatorList>;

// -- sources ------------------------------------------------------------------------------

export const source = z.strictObject({
  name: text(100),
  role: text(120).optional(),
  kind: z.enum(sourceKinds),
  url: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain })
    .max(2000)
    .optional(),
  language: languageTag,
  via: text(200).optional(),
});
export type Source = z.infer<typeof source>;

// -- figures ------------------------------------------------------------------------------

const note = text(500).optional();

/** The longest quote a figure may carry: the words that state it, not the whole article. */
const maxQuoteLength = 1000;

/**
 * Who stated a figure, when another voice than the report's source did ("the residents
 * say…", "…says the deputy mayor"), and the exact words of the original text that state it.
 */
const figureProvenance = {
  source: source.optional().meta({
    description:
      "Who stated this figure, when not the report's source; the report's source applies otherwise",
  }),
  quote: text(maxQuoteLength).optional().meta({
    description:
      "The exact words of the original text that state the figure: a part of summary.original's text",
  }),
};

function indicatorsOfKind<K extends 'utility' | 'count' | 'text'>(kind: K) {
  const ids = indicatorRegistry.filter((i) => i.kind === kind).map((i) => i.id);
  return z.enum(ids as [IndicatorOfKind<K>, ...IndicatorOfKind<K>[]]);
}

/** A date at the precision the source gave, hedged as the source hedged it ("since early October"). */
const sinceDate = z.strictObject({ date: partialDate, qualifier });

export const utilityFigure = z.strictObject({
  indicator: indicatorsOfKind('utility'),
  state: z.enum(utilityStates),
  since: sinceDate.optional(),
  note,
  ...figureProvenance,
});

/** The largest count a figure may state. */
export const largestCount = 1_000_000_000;

export const countBasis = z.enum(countBases).meta({
  description:
    "total: a running total (since `since`, when the source says when counting started); period: counted within the report's observed period only. Left out, the indicator's assumed basis (GET /api/v1/indicators) applies",
});
export type CountBasis = z.infer<typeof countBasis>;

/** Qualifiers a range may carry: "between 40 and 60", or "some 40 to 60". */
const rangeQualifiers: readonly string[] = ['exact', 'approximately'];

const countFigureFields = z.strictObject({
  indicator: indicatorsOfKind('count'),
  value: z.int().min(0).max(largestCount).meta({
    description:
      'The number the source gave; for a range, its low bound, which is what a single number is counted as',
  }),
  high: z.int().min(1).max(largestCount).optional().meta({
    description: 'For a range the source gave ("between 40 and 60"): its high bound, above `value`',
  }),
  qualifier,
  basis: countBasis.optional(),
  since: sinceDate.optional().meta({
    description: 'For a running total: when counting started, at the precision the source gave',
  }),
  note,
  ...figureProvenance,
});

/** A count's fields that only hold together: a range's bounds, the basis its indicator allows. */
export const countFigure = countFigureFields.superRefine((figure, ctx) => {
  if (figure.high !== undefined && figure.high <= figure.value) {
    ctx.addIssue({
      code: 'custom',
      path: ['high'],
      message: 'must be above value, the low bound of the range',
    });
  }
  if (figure.high !== undefined && !rangeQualifiers.includes(figure.qualifier)) {
    ctx.addIssue({
      code: 'custom',
      path: ['qualifier'],
      message: 'must be "exact" or "approximately" for a range: its bounds already say at least and at most',
    });
  }
  const allowed = basesOf(figure.indicator)?.allowed ?? [];
  if (figure.basis !== undefined && !allowed.includes(figure.basis)) {
    ctx.addIssue({
      code: 'custom',
      path: ['basis'],
      message: `must be ${allowed.map((b) => `"${b}"`).join(' or ')} for ${figure.indicator}`,
    });
  }
  if (figure.since !== undefined && figure.basis === 'period') {
    ctx.addIssue({
      code: 'custom',
      path: ['since'],
      message: 'must be left out of a count for the observed period: since belongs to a running total',
    });
  }
});

export const textFigure = z.strictObject({
  indicator: indicatorsOfKind('text'),
  text: text(2000),
  language: languageTag,
  ...figureProvenance,
});

export const figure = z.discriminatedUnion('indicator', [utilityFigure, countFigure, textFigure]);
export type Figure = z.infer<typeof figure>;
export type UtilityFigure = z.infer<typeof utilityFigure>;
export type CountFigure = z.infer<typeof countFigure>;

// -- reports ------------------------------------------------------------------------------

export const summary = z.strictObject({
  text: text(2000),
  language: languageTag,
  original: z.strictObject({ text: text(4000), language: languageTag }).optional(),
});

const reportFields = z.strictObject({
  place: slug,
  observed: partialDate,
  figures: z
    .array(figure)
    .min(1)
    .max(indicatorIds.length)
    .refine((figures) => new Set(figures.map((f) => f.indicator)).size === figures.length, {
      message: 'must not name the same indicator twice',
    }),
  summary,
  source,
  verification,
});

/**
 * A figure's quote is the original's own words: when the report holds the original text,
 * the quote must be found in it exactly, so that no one can put words in a source's mouth.
 */
function quotesFromOriginal(input: z.infer<typeof reportFields>, ctx: z.RefinementCtx): void {
  const original = input.summary.original?.text;
  if (original === undefined) return;
  input.figures.forEach((figure, index) => {
    if (figure.quote !== undefined && !original.includes(figure.quote)) {
      ctx.addIssue({
        code: 'custom',
        path: ['figures', index, 'quote'],
        message: 'must be words of summary.original.text exactly as they stand there',
      });
    }
  });
}

/**
 * What a reporter names the place by. It must be the slug of a known place; that is checked
 * against the places that exist (src/domain/checks.ts), which suggest the nearest by any of
 * their names, so a name written as "Bakhmut" or "Bachmoet" is answered with "bakhmut".
 */
const placeReference = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: 'The slug of a known place, as in /places/{slug}' });

const inputFields = reportFields.extend({ place: placeReference });

/**
 * Every count of a report states its basis: where the writer left it out, the one its
 * indicator assumes, so that what the report says does not change if an assumption ever does.
 */
function withAssumedBases<T extends { figures: z.infer<typeof figure>[] }>(input: T): T {
  const stated = input.figures.map((f) =>
    'value' in f && f.basis === undefined ? { ...f, basis: assumedBasis(f.indicator) } : f,
  );
  return { ...input, figures: stated };
}

/** A report as a reporter writes it. */
export const reportInput = asWritten(inputFields.superRefine(quotesFromOriginal)).overwrite(withAssumedBases);
export type ReportInput = z.infer<typeof reportInput>;

export const reason = text(1000);

/**
 * A correction as a moderator writes it: the reason, and what changes. A body with every
 * field of a report is the corrected report whole, as it always was. A body without some
 * names only what changes: the fields it has replace the original's, its `figures` replace
 * the original's figures of the same indicators and keep the others, and `withoutFigures`
 * drops figures. Either way the stored correction is a complete report
 * (src/domain/corrections.ts), checked by every rule of a report.
 */
export const correctionInput = asWritten(
  z.strictObject({
    reason,
    place: placeReference.optional(),
    observed: partialDate.optional(),
    figures: reportFields.shape.figures.optional(),
    withoutFigures: z
      .array(z.enum(indicatorIds))
      .min(1)
      .optional()
      .meta({ description: "Indicators whose figures the correction drops from the original's" }),
    summary: summary.optional(),
    source: source.optional(),
    verification: verification.optional(),
  }),
);
export type CorrectionInput = z.infer<typeof correctionInput>;

export const retractionInput = asWritten(z.strictObject({ reason }));

export const report = reportFields.extend({
  id: reportId,
  published: timestamp,
  corrects: z.strictObject({ report: reportId, reason }).optional(),
});
export type Report = z.infer<typeof report>;

export const retraction = z.strictObject({
  report: reportId,
  reason,
  retracted: timestamp,
  withdrawnWithChainOf: reportId.optional().meta({
    description:
      'Set when the report was withdrawn together with every other version of it (the original and all its corrections) in one step: the superseded version the withdrawal was asked of. Every version so withdrawn has the same reason and time',
  }),
});
export type Retraction = z.infer<typeof retraction>;

export const reportStates = ['active', 'superseded', 'retracted'] as const;
export const reportState = z.enum(reportStates);
export type ReportState = z.infer<typeof reportState>;

/** A report as the API shows it: the immutable report and what later became of it. */
/** Who published a fact: the name of the token or account. Shown only where the operator chose. */
const publishedBy = z.string().min(1).meta({
  description:
    'Who published it: the name of the token or account. Present only when the operator has chosen to show it (PUBLISHED_BY_PUBLIC)',
});

export const reportView = report.extend({
  state: reportState,
  supersededBy: reportId.optional(),
  publishedBy: publishedBy.optional(),
  retraction: retraction.omit({ report: true }).extend({ publishedBy: publishedBy.optional() }).optional(),
  restored: z.strictObject({ correction: reportId, reason, retracted: timestamp }).optional().meta({
    description:
      'Set when a correction of this report was retracted, which made it current again: that correction, and the reason and time of its retraction',
  }),
});
export type ReportView = z.infer<typeof reportView>;

/** A figure as listings show it: the value and its qualifier, without free text or its own source. */
const freeText = { note: true, source: true, quote: true } as const;
export const figureSummary = z.union([
  utilityFigure.omit(freeText),
  countFigureFields.omit(freeText),
  textFigure.pick({ indicator: true }),
]);
export type FigureSummary = z.infer<typeof figureSummary>;

/** A report as history listings show it; small enough for a KV key's metadata. */
export const reportSummary = z.strictObject({
  id: reportId,
  place: slug,
  observed: partialDate,
  published: timestamp,
  verification,
  state: reportState,
  supersededBy: reportId.optional(),
  restoredFrom: reportId.optional().meta({
    description: 'The retracted correction whose retraction made this report current again',
  }),
  corrects: reportId.optional(),
  figures: z.array(figureSummary),
  source: source.pick({ name: true, kind: true }),
});
export type ReportSummary = z.infer<typeof reportSummary>;

// -- status -------------------------------------------------------------------------------

const staleAfter = z.iso.date().meta({
  description:
    "The last day (UTC) on which the figure counts as current: the end of its observed period plus its indicator's currentForDays. After it, the figure has not been confirmed since its observed date",
});

const statedBy = source.meta({
  description: "Who stated the figure: the figure's own source, or else the report's",
});

/** A figure in force, with the provenance of the report it comes from. */
/** Where a figure in a status comes from: its report, when, how sure, and who stated it. */
const statedIn = {
  report: reportId,
  observed: partialDate,
  published: timestamp,
  verification,
  source: statedBy,
};

const figureInForce = z.strictObject({
  figure,
  ...statedIn,
  staleAfter,
  language: languageTag.meta({
    description: "The language of the report's own words: its notes and summary",
  }),
});

/** One source's figure among those that disagree. */
const disagreeingFigure = z.strictObject({ figure: figureSummary, ...statedIn });

export const disagreement = z
  .strictObject({
    low: z
      .int()
      .min(0)
      .meta({ description: 'The lowest number any of the sources gave (a range: its low bound)' }),
    high: z
      .int()
      .min(0)
      .meta({ description: 'The highest number any of the sources gave (a range: its high bound)' }),
    sourceCount: z.int().min(2).meta({ description: 'How many sources state a figure for the period' }),
    figures: z.array(disagreeingFigure).min(2).meta({
      description:
        "Each source's latest figure for the period, newest observation first; the headline is among them",
    }),
  })
  .meta({
    description:
      "Set when active reports from different sources state the indicator for overlapping observed periods and their figures cannot both hold (docs/data-model.md#status-of-a-place). The headline figure is still the newest observation's",
  });
export type Disagreement = z.infer<typeof disagreement>;

/** The current value of one indicator, with the provenance of the report it comes from. */
export const indicatorStatus = figureInForce.extend({
  period: figureInForce.optional().meta({
    description:
      'For a count whose headline is a running total: the latest count for a period only, shown beside it, never in its place',
  }),
  disagreement: disagreement.optional(),
});
export type IndicatorStatus = z.infer<typeof indicatorStatus>;
export type FigureInForce = z.infer<typeof figureInForce>;

export const coverageStates = ['reported', 'not_reported'] as const;
export type Coverage = (typeof coverageStates)[number];

export const coverage = z.record(z.enum(indicatorIds), z.enum(coverageStates)).meta({
  description:
    'Every indicator of the registry: reported (its figure is in indicators; once past its staleAfter it has not been confirmed since) or not_reported (no report has stated it): no report is not "fine"',
});

export const placeStatus = z.strictObject({
  updated: timestamp.nullable(),
  indicators: z.partialRecord(z.enum(indicatorIds), indicatorStatus),
  coverage,
});
export type PlaceStatus = z.infer<typeof placeStatus>;

const summaryInForce = z.strictObject({
  figure: figureSummary,
  ...statedIn,
  quote: figureProvenance.quote,
  staleAfter,
});

/**
 * The current value of one indicator as the list of places shows it: the figure without
 * notes or free text, with its provenance and quote. `published` and `source` are there so that the
 * exports (CSV, GeoJSON) are served from the list of places alone, with one KV read.
 */
export const indicatorStatusSummary = summaryInForce.extend({
  period: summaryInForce.optional(),
  disagreement: disagreement.optional(),
});
export type IndicatorStatusSummary = z.infer<typeof indicatorStatusSummary>;

export const placeSummary = place.extend({
  updated: timestamp.nullable(),
  reportCount: z.int().min(0),
  indicators: z.partialRecord(z.enum(indicatorIds), indicatorStatusSummary),
  coverage,
});
export type PlaceSummary = z.infer<typeof placeSummary>;

export const placeView = z.strictObject({
  place,
  status: placeStatus,
  reportCount: z.int().min(0),
});
export type PlaceView = z.infer<typeof placeView>;

// -- listings -----------------------------------------------------------------------------

export const placeList = z.strictObject({ places: z.array(placeSummary) });
export type PlaceList = z.infer<typeof placeList>;

export const reportPage = z.strictObject({
  reports: z.array(reportSummary),
  nextCursor: z.string().nullable(),
  next: z.string().nullable(),
});
export type ReportPage = z.infer<typeof reportPage>;

export const reportBatch = z.strictObject({ reports: z.array(reportView) });
