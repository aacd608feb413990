// A correction made whole: what a moderator sent (the corrected report whole, or only what
// changes) applied to the original, so that the stored correction is a complete report and
// readers and status derivation see no difference between the two ways of writing it.

import { indicatorOrder } from './indicators.ts';
import type { CorrectionInput, Report, ReportInput } from './model.ts';

const reportFields = ['place', 'observed', 'figures', 'summary', 'source', 'verification'] as const;

/** True when the body names every field of a report: then it is the corrected report whole. */
function isWholeReport(input: CorrectionInput): boolean {
  return reportFields.every((field) => input[field] !== undefined) && input.withoutFigures === undefined;
}

/** The corrected report, before the service accepts it (id, published time, `corrects`). */
export function correctedReport(original: Report, input: CorrectionInput): ReportInput {
  const { reason: _, withoutFigures = [], ...changes } = input;
  const base: ReportInput = {
    place: original.place,
    observed: original.observed,
    figures: original.figures,
    summary: original.summary,
    source: original.source,
    verification: original.verification,
  };
  if (isWholeReport(input)) return { ...base, ...changes } as ReportInput;
  const replaced = new Set((changes.figures ?? []).map((f) => f.indicator));
  const dropped = new Set<string>(withoutFigures);
  const figures = [
    ...original.figures.filter((f) => !replaced.has(f.indicator) && !dropped.has(f.indicator)),
    ...(changes.figures ?? []),
  ].sort((a, b) => indicatorOrder(a.indicator) - indicatorOrder(b.indicator));
  return { ...base, ...changes, figures };
}
