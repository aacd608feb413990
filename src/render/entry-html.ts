// The HTML body of a feed item: what changed and why, every figure with its qualifier (a
// part with its whole), who stated it and the original's words, the observed date at its
// precision and when the service published it, the verification, the source and a link to
// the report's page, in the words of the message table of the feed's language. A feed
// entry shows the full report, with notes, the source's role and URL, and the
// original-language text; an archive item what the history index holds of it. Every value is escaped, and user text
// beside generated words is isolated.

import type { FeedEntry, FigureChange, IndicatorDisagreement } from '../domain/feed.ts';
import type { Language } from '../domain/languages.ts';
import type { Figure, FigureSummary, ReportSummary, Source, Verification } from '../domain/model.ts';
import {
  changeWords,
  countWords,
  disagreementWords,
  figureRows,
  formatPartialDate,
  formatTimestamp,
  indicatorLabel,
  rowWords,
  sourceKindWord,
} from '../words/figures.ts';
import { messages } from '../words/messages.ts';
import { languageName } from '../words/places.ts';
import { escapeMarkup as e, isolatedHtml } from './escape.ts';
import { reportPageUrl } from './site.ts';

function sourceWords(source: Source | Pick<Source, 'name' | 'kind'>, language: Language): string {
  const who = [source.name, 'role' in source ? source.role : undefined].filter(Boolean).join(', ');
  const written = 'language' in source ? `, ${e(languageName(source.language, language))}` : '';
  const via =
    'via' in source && source.via ? `; ${e(messages[language].via)} ${isolatedHtml(source.via)}` : '';
  const link = 'url' in source && source.url ? ` <a href="${e(source.url)}">${e(source.url)}</a>` : '';
  return `${isolatedHtml(who)} (${e(sourceKindWord(source.kind, language))}${written})${via}${link}`;
}

function figureList(
  figures: readonly (Figure | FigureSummary)[],
  observed: string,
  language: Language,
  quoteLanguage?: string,
): string {
  const m = messages[language];
  const items = figureRows(figures, language, [], observed).map((row) => {
    const note = 'note' in row && row.note ? ` <em>(${isolatedHtml(row.note)})</em>` : '';
    const sources = (row.sources ?? [])
      .map((s) => `<br>${e(m.statedBy)}: ${sourceWords(s, language)}`)
      .join('');
    const lang = quoteLanguage ? ` lang="${e(quoteLanguage)}"` : '';
    const quotes = (row.quotes ?? []).map((q) => ` <q${lang}>${e(q)}</q>`).join('');
    return `<li><strong>${e(row.label)}</strong>: ${e(rowWords(row, language))}${note}${quotes}${sources}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function datesAndVerification(
  observed: string,
  verification: Verification,
  language: Language,
  published?: string,
): string {
  const m = messages[language];
  const when = published ? ` ${e(m.published)}: ${e(formatTimestamp(published, language))}.` : '';
  return `<p>${e(m.observed)}: ${e(formatPartialDate(observed, language))}.${when} ${e(m.verificationLabel)}: <strong>${e(m.verification[verification])}</strong>.</p>`;
}

const reportLink = (origin: string, id: string, published: string, language: Language) =>
  `<p><a href="${e(reportPageUrl(origin, id, language))}">${e(messages[language].reportHeading(formatTimestamp(published, language)))}</a></p>`;

/** Each changed figure, before → after, with its qualifiers: "about 12,000 → 12,000". */
function changeList(changes: readonly FigureChange[], language: Language): string {
  const m = messages[language];
  const items = changes.map((c) => {
    const { before, after, valueUnchanged } = changeWords(c, language);
    const unchanged = valueUnchanged ? ` (${e(m.valueUnchanged)})` : '';
    return `<li><strong>${e(indicatorLabel(c.indicator, language))}</strong>: ${e(before)} → ${e(after)}${unchanged}</li>`;
  });
  return `<p>${e(m.changesHeading)}:</p><ul>${items.join('')}</ul>`;
}

function changeNotice(entry: FeedEntry, language: Language): string {
  const m = messages[language];
  const reason = entry.reason ? ` ${e(m.reasonLabel)}: ${isolatedHtml(entry.reason)}` : '';
  switch (entry.change) {
    case 'new':
      return '';
    case 'retraction':
      return `<p><strong>${e(m.retracted)}.</strong>${reason}</p>`;
    case 'correction':
      return `<p><strong>${e(m.correction)}.</strong>${reason}</p>`;
    case 'restored':
      return `<p><strong>${e(m.restored)}:</strong> ${e(m.restoredNote)}.${reason}</p>`;
  }
}

/** A change leads to the report it changes and to the version current now, when there is one. */
function changeLinks(entry: FeedEntry, origin: string, language: Language): string | undefined {
  if (entry.kind !== 'change' || !entry.changed) return undefined;
  const m = messages[language];
  const link = (id: string, words: string) =>
    `<a href="${e(reportPageUrl(origin, id, language))}">${e(words)}</a>`;
  const current = entry.current ? ` · ${link(entry.current, m.currentVersionLink)}` : '';
  return `<p>${link(entry.changed, m.changedReportLink)}${current}</p>`;
}

/**
 * "Sources disagree on residents remaining: 8,000–15,000 by 2 sources; the newest says
 * 15,000", then each source's figure with a link to its report.
 */
function disagreementHtml(d: IndicatorDisagreement, origin: string, language: Language): string {
  const words = disagreementWords(d, language);
  const label = indicatorLabel(d.indicator, language, false);
  const items = d.figures.map((f) => {
    const figure = 'value' in f.figure ? countWords(f.figure, undefined, language) : '';
    const link = `<a href="${e(reportPageUrl(origin, f.report, language))}">${e(formatPartialDate(f.observed, language))}</a>`;
    return `<li>${e(figure)}: ${sourceWords(f.source, language)}, ${link}</li>`;
  });
  return `<p><strong>${e(messages[language].sourcesDisagree)}</strong> (${e(label)}): ${e(words)}</p>\n<ul>${items.join('')}</ul>`;
}

export function entryHtml(entry: FeedEntry, origin: string, language: Language): string {
  const { report } = entry;
  const original = report.summary.original;
  const parts: string[] = [];
  const notice = changeNotice(entry, language);
  if (notice) parts.push(notice);
  const links = changeLinks(entry, origin, language);
  if (links) parts.push(links);
  if (entry.changes?.length) parts.push(changeList(entry.changes, language));
  parts.push(`<p lang="${e(report.summary.language)}">${e(report.summary.text)}</p>`);
  parts.push(
    figureList(report.figures, report.observed, language, original?.language ?? report.source.language),
  );
  for (const disagreement of entry.disagreements ?? []) {
    parts.push(disagreementHtml(disagreement, origin, language));
  }
  parts.push(datesAndVerification(report.observed, report.verification, language, report.published));
  parts.push(`<p>${e(messages[language].source)}: ${sourceWords(report.source, language)}.</p>`);
  if (original) parts.push(`<blockquote lang="${e(original.language)}">${e(original.text)}</blockquote>`);
  parts.push(reportLink(origin, report.id, report.published, language));
  return parts.join('\n');
}

export function summaryHtml(summary: ReportSummary, origin: string, language: Language): string {
  const m = messages[language];
  return [
    `<p>${e(m.archivedState[summary.state])}${summary.restoredFrom ? `<strong>${e(m.restored)}:</strong> ${e(m.restoredNote)}. ` : ''}${e(m.archivedSummary)}</p>`,
    figureList(summary.figures, summary.observed, language),
    datesAndVerification(summary.observed, summary.verification, language, summary.published),
    `<p>${e(m.source)}: ${sourceWords(summary.source, language)}.</p>`,
    reportLink(origin, summary.id, summary.published, language),
  ].join('\n');
}
