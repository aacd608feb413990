// The correction of a whole report at the desk: the report form filled in with what the
// current version says, and what the moderator changed in it, read back as the API's partial
// correction. Only what changed is sent, so that warnings speak of what the correction
// changes (an old observed date left as it was is not questioned again) and a figure the
// form cannot show whole (its source's link) stays as it was unless its fields were touched.

import type { CorrectionInput, Report, ReportInput } from '../../domain/model.ts';
import type { KnownPlace } from './place-field.ts';
import { type FormFields, formOfFigure, readReportForm } from './report-form.ts';
import { reportFields as f } from './report-form-fields.ts';

/** The report form's fields, filled in with what `report` says. */
export function formOfReport(report: Report): FormFields {
  const values: FormFields = Object.assign({}, ...report.figures.map(formOfFigure));
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined) values[name] = value;
  };
  set(f.place, report.place);
  set(f.observed, report.observed);
  set(f.summaryText, report.summary.text);
  set(f.summaryLanguage, report.summary.language);
  set(f.originalText, report.summary.original?.text);
  set(f.originalLanguage, report.summary.original?.language);
  set(f.sourceName, report.source.name);
  set(f.sourceRole, report.source.role);
  set(f.sourceKind, report.source.kind);
  set(f.sourceLanguage, report.source.language);
  set(f.sourceUrl, report.source.url);
  set(f.sourceVia, report.source.via);
  set(f.verification, report.verification);
  return values;
}

const wholeFields = ['place', 'observed', 'summary', 'source', 'verification'] as const;

/** A report as the form reads it, before the schema judges it. */
type ReadReport = Record<(typeof wholeFields)[number], unknown> & { figures: { indicator: string }[] };

const read = (fields: FormFields, places: readonly KnownPlace[]) =>
  readReportForm(fields, places).input as ReadReport;

/**
 * What the form changes in `original`: each part of the report whose fields read otherwise
 * than the untouched form does, taken from `corrected` (the form's report as the schema
 * accepted it); the figures added or changed, and those dropped (their fields emptied).
 * Empty when nothing changed.
 */
export function changesOf(
  original: Report,
  fields: FormFields,
  corrected: ReportInput,
  places: readonly KnownPlace[],
): Omit<CorrectionInput, 'reason'> {
  // Both sides are read by the form's own reader, so a select the untouched form sends
  // (a qualifier without a date) or a number written otherwise ("8.000") is no change.
  const was = read(formOfReport(original), places);
  const now = read(fields, places);
  const changes: Omit<CorrectionInput, 'reason'> = {};
  for (const field of wholeFields) {
    if (JSON.stringify(was[field]) !== JSON.stringify(now[field]))
      Object.assign(changes, { [field]: corrected[field] });
  }
  const wasFigure = new Map(was.figures.map((fig) => [fig.indicator, JSON.stringify(fig)]));
  const nowFigure = new Map(now.figures.map((fig) => [fig.indicator, JSON.stringify(fig)]));
  const figures = corrected.figures.filter(
    (fig) => wasFigure.get(fig.indicator) !== nowFigure.get(fig.indicator),
  );
  const withoutFigures = original.figures.flatMap((fig) =>
    nowFigure.has(fig.indicator) ? [] : [fig.indicator],
  );
  return {
    ...changes,
    ...(figures.length > 0 ? { figures } : {}),
    ...(withoutFigures.length > 0 ? { withoutFigures } : {}),
  };
}
