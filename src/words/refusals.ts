// Why a correction or a retraction was refused, in the reader's language: the `detail` of the
// API's 409 and the desk's message. A report is named by its place and dates, which a person
// recognises, never by its id.

import type { Language } from '../domain/languages.ts';
import type { ModerationRefusal, NamedReport } from '../domain/withdrawal.ts';
import { formatPartialDate, formatTimestamp } from './figures.ts';
import { messages } from './messages.ts';
import { localName } from './places.ts';

function named(report: NamedReport, language: Language): string {
  return messages[language].moderation.namedReport(
    localName(report.place.names, language).text || report.place.slug,
    formatPartialDate(report.observed, language),
    formatTimestamp(report.published, language),
  );
}

export function refusalDetail(refusal: ModerationRefusal, language: Language): string {
  const words = messages[language].moderation.refusals;
  const report = named(refusal.report, language);
  switch (refusal.kind) {
    case 'superseded':
      return words.superseded(report, named(refusal.by, language));
    default:
      return words[refusal.kind](report);
  }
}
