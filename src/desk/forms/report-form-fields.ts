// The names of the report form's fields, for the form that writes them and the code that
// reads them back (src/desk/forms/report-form.ts): one figure's fields are "{indicator}.{part}".

export const figureField = (indicator: string, part: string) => `${indicator}.${part}`;

export const reportFields = {
  place: 'place',
  observed: 'observed',
  summaryText: 'summary.text',
  summaryLanguage: 'summary.language',
  originalText: 'original.text',
  originalLanguage: 'original.language',
  sourceName: 'source.name',
  sourceRole: 'source.role',
  sourceKind: 'source.kind',
  sourceLanguage: 'source.language',
  sourceUrl: 'source.url',
  sourceVia: 'source.via',
  verification: 'verification',
  formToken: 'formToken',
  /** A moderation's reason. */
  reason: 'reason',
  confirm: 'confirm',
} as const;
