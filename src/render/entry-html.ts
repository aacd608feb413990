// The HTML body of a feed item: what changed and why, every figure with its qualifier (a
// part with its whole), who stated it and the original's words, the observed date at its
// precision and when the service published it, the verification, the source and a link to
// the report's page, in the words of the message table (feeds are in English). A feed
// entry shows the full report, with notes, the source's role and URL, and the
// original-language text; an archive item what the history index holds of it. Every value is escaped, and user text
// beside generated words is isolated.

import type { FeedEntry, FigureChange, IndicatorDisagreement } from '../domain/feed.ts';
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

const language = 'en';
const m = messages[language];

function sourceWords(source: Source | Pick<Source, 'name' | 'kind'>): string {
  const who = [source.name, 'role' in source ? source.role : undefined].filter(Boolean).join(', ');
  const language = 'language' in source ? `, ${e(languageName(source.language, 'en'))}` : '';
  const via = 'via' in source && source.via ? `; ${e(m.via)} ${isolatedHtml(source.via)}` : '';
  const link = 'url' in source && source.url ? ` <a href="${e(source.url)}">${e(source.url)}</a>` : '';
  return `${isolatedHtml(who)} (${e(sourceKindWord(source.kind, 'en'))}${language})${via}${link}`;
}

function figureList(
  figures: readonly (Figure | FigureSummary)[],
  observed: string,
  quoteLanguage?: string,
): string {
  const items = figureRows(figures, language, [], observed).map((row) => {
    const note = 'note' in row && row.note ? ` <em>(${isolatedHtml(row.note)})</em>` : '';
    const sources = (row.sources ?? []).map((s) => `<br>${e(m.statedBy)}: ${sourceWords(s)}`).join('');
    const lang = quoteLanguage ? ` lang="${e(quoteLanguage)}"` : '';
    const quotes = (row.quotes ?? []).map((q) => ` <q${lang}>${e(q)}</q>`).join('');
    return `<li><strong>${e(row.label)}</strong>: ${e(rowWords(row, language))}${note}${quotes}${sources}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function datesAndVerification(observed: string, verification: Verification, published?: string): string {
  const when = published ? ` ${e(m.published)}: ${e(formatTimestamp(published, language))}.` : '';
  return `<p>${e(m.observed)}: ${e(formatPartialDate(observed, language))}.${when} ${e(m.verificationLabel)}: <strong>${e(m.verification[verification])}</strong>.</p>`;
}

const reportLink = (origin: string, id: string, published: string) =>
  `<p><a href="${e(reportPageUrl(origin, id))}">${e(m.reportHeading(formatTimestamp(published, language)))}</a></p>`;

/** Each changed figure, before → after, with its qualifiers: "about 12,000 → 12,000". */
function changeList(changes: readonly FigureChange[]): string {
  const items = changes.map((c) => {
    const { before, after, valueUnchanged } = changeWords(c, language);
    const unchanged = valueUnchanged ? ` (${e(m.valueUnchanged)})` : '';
    return `<li><strong>${e(indicatorLabel(c.indicator, language))}</strong>: ${e(before)} → ${e(after)}${unchanged}</li>`;
  });
  return `<p>${e(m.changesHeading)}:</p><ul>${items.join('')}</ul>`;
}

function changeNotice(entry: FeedEntry): string {
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
function changeLinks(entry: FeedEntry, origin: string): string | undefined {
  if (entry.kind !== 'change' || !entry.changed) return undefined;
  const link = (id: string, words: string) => `<a href="${e(reportPageUrl(origin, id))}">${e(words)}</a>`;
  const current = entry.current ? ` · ${link(entry.current, m.currentVersionLink)}` : '';
  return `<p>${link(entry.changed, m.changedReportLink)}${current}</p>`;
}

/**
 * "Sources disagree on residents remaining: 8,000–15,000 by 2 sources; the newest says
 * 15,000", then each source's figure with a link to its report.
 */
function disagreementHtml(d: IndicatorDisagreement, origin: string): string {
  const words = disagreementWords(d, language);
  const label = indicatorLabel(d.indicator, language, false);
  const items = d.figures.map((f) => {
    const figure = 'value' in f.figure ? countWords(f.figure, undefined, language) : '';
    const link = `<a href="${e(reportPageUrl(origin, f.report))}">${e(formatPartialDate(f.observed, language))}</a>`;
    return `<li>${e(figure)}: ${sourceWords(f.source)}, ${link}</li>`;
  });
  return `<p><strong>${e(m.sourcesDisagree)}</strong> (${e(label)}): ${e(words)}</p>\n<ul>${items.join('')}</ul>`;
}

export function entryHtml(entry: FeedEntry, origin: string): string {
  const { report } = entry;
  const original = report.summary.original;
  const parts: string[] = [];
  const notice = changeNotice(entry);
  if (notice) parts.push(notice);
  const links = changeLinks(entry, origin);
  if (links) parts.push(links);
  if (entry.changes?.length) parts.push(changeList(entry.changes));
  parts.push(`<p lang="${e(report.summary.language)}">${e(report.summary.text)}</p>`);
  parts.push(figureList(report.figures, report.observed, original?.language ?? report.source.language));
  for (const disagreement of entry.disagreements ?? []) parts.push(disagreementHtml(disagreement, origin));
  parts.push(datesAndVerification(report.observed, report.verification, report.published));
  parts.push(`<p>${e(m.source)}: ${sourceWords(report.source)}.</p>`);
  if (original) parts.push(`<blockquote lang="${e(original.language)}">${e(original.text)}</blockquote>`);
  parts.push(reportLink(origin, report.id, report.published));
  return parts.join('\n');
}

export function summaryHtml(summary: ReportSummary, origin: string): string {
  return [
    `<p>${e(m.archivedState[summary.state])}${summary.restoredFrom ? `<strong>${e(m.restored)}:</strong> ${e(m.restoredNote)}. ` : ''}${e(m.archivedSummary)}</p>`,
    figureList(summary.figures, summary.observed),
    datesAndVerification(summary.observed, summary.verification, summary.published),
    `<p>${e(m.source)}: ${sourceWords(summary.source)}.</p>`,
    reportLink(origin, summary.id, summary.published),
  ].join('\n');
}
