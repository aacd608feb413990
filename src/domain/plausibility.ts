// Warnings before a report is published: figures that are possible but look like a slip
// ("12.000" typed the Dutch way is 12 in JSON). Each rule reads the indicator registry's
// data (`outOf`, `plausible`), never an indicator's name. A warning does not refuse a
// report by itself: the writer confirms it has seen it (docs/api.md#dry-runs-and-warnings).

import * as z from 'zod';
import { basisOf } from './counts.ts';
import { comparePartialDates, monthsBetween } from './dates.ts';
import { findIndicator } from './indicators.ts';
import type { CountFigure, Figure, IndicatorStatus, ReportInput } from './model.ts';

export const warningCodes = [
  'above-whole',
  'far-from-current',
  'above-population',
  'old-observation',
] as const;
export type WarningCode = (typeof warningCodes)[number];

/** A warning as the API answers it: its words are the reader's (src/words/warnings.ts). */
export const warning = z.strictObject({
  code: z.enum(warningCodes),
  pointer: z.string().meta({ description: 'Where in the body, as a JSON Pointer' }),
  detail: z.string(),
});
export type WarningView = z.infer<typeof warning>;

interface Count {
  indicator: string;
  value: number;
}

/** What a warning found, as data, to be worded in the reader's language. */
export type WarningFacts =
  /** A count above the count it is a part of (`outOf`), or above a `notAbove` bound. */
  | { code: 'above-whole' | 'above-population'; figure: Count; limit: Count }
  | { code: 'far-from-current'; figure: Count; current: number; factor: number }
  | { code: 'old-observation'; observed: string; newest: string };

export type Warning = WarningFacts & { pointer: string };

/** What the place holds now: its current figure per indicator and its newest observation. */
export interface PlaceNow {
  indicators: Partial<Record<string, Pick<IndicatorStatus, 'figure' | 'observed'>>>;
}

/** More than this many months before the place's newest observation is questioned. */
const oldObservationMonths = 12;

const isCount = (figure: Figure | undefined): figure is CountFigure =>
  figure !== undefined && 'value' in figure;

/** The warnings for one report, its pointers under `at` ("/reports/3" in a batch). */
export function plausibilityWarnings(input: ReportInput, now: PlaceNow, at = ''): Warning[] {
  const warnings: Warning[] = [];
  const stated = (id: string) => input.figures.find((f) => f.indicator === id);
  const current = (id: string) => now.indicators[id]?.figure;
  /** A count of the same report, or else the place's current one. */
  const countOf = (id: string) => {
    const own = stated(id);
    if (isCount(own)) return own;
    const held = current(id);
    return isCount(held) ? held : undefined;
  };
  input.figures.forEach((figure, index) => {
    if (!isCount(figure)) return;
    const pointer = `${at}/figures/${index}/value`;
    const definition = findIndicator(figure.indicator);
    const stated = { indicator: figure.indicator, value: figure.value };
    const whole = definition?.outOf ? countOf(definition.outOf) : undefined;
    if (whole && figure.value > whole.value) {
      warnings.push({ code: 'above-whole', pointer, figure: stated, limit: whole });
    }
    for (const bound of definition?.plausible?.notAbove ?? []) {
      const limit = countOf(bound);
      if (limit && figure.value > limit.value) {
        warnings.push({ code: 'above-population', pointer, figure: stated, limit });
      }
    }
    const factor = definition?.plausible?.jumpFactor;
    const held = current(figure.indicator);
    // A running total is not far from a count for a period: they count different things.
    const comparable = isCount(held) && basisOf(held) === basisOf(figure);
    if (factor && comparable && held.value > 0 && figure.value > 0) {
      const ratio = figure.value / held.value;
      if (ratio > factor || ratio < 1 / factor) {
        warnings.push({ code: 'far-from-current', pointer, figure: stated, current: held.value, factor });
      }
    }
  });
  const newest = Object.values(now.indicators)
    .map((s) => s?.observed)
    .filter((d): d is string => d !== undefined)
    .reduce<string | undefined>(
      (a, b) => (a === undefined || comparePartialDates(b, a) > 0 ? b : a),
      undefined,
    );
  if (newest && monthsBetween(input.observed, newest) > oldObservationMonths) {
    warnings.push({ code: 'old-observation', pointer: `${at}/observed`, observed: input.observed, newest });
  }
  return warnings;
}
