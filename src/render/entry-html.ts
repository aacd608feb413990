// The HTML body of a feed item: every figure with its qualifier (a part with its whole), the
// observed date at its precision, the verification, the source and a link to the report in
// full, in the words of the message table (feeds are in English). A feed entry shows the
// full report, with notes, the source's role and URL, and the original-language quote; an
// archive item what the history index holds of it. Every value is escaped, and user text
// beside generated words is isolated.

import type { FeedEntry } from '../domain/feed.ts';
import type { Figure, FigureSummary, ReportSummary, Verification } from '../domain/model.ts';
import { figureRows, formatPartialDate, rowWords, sourceKindWord } from '../words/figures.ts';
import { messages } from '../words/messages.ts';
import { escapeMarkup as e, isolatedHtml } from './escape.ts';
import { reportUrl } from './site.ts';

const language = 'en';
const m = messages[language];

function figureList(figures: readonly (Figure | FigureSummary)[]): string {
  const items = figureRows(figures, language).map((row) => {
    const note = 'note' in row && row.note ? ` <em>(${isolatedHtml(row.note)})</em>` : '';
    return `<li><strong>${e(row.label)}</strong>: ${e(rowWords(row, language))}${note}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function observedAndVerification(observed: string, verification: Verification): string {
  return `<p>${e(m.observed)}: ${e(formatPartialDate(observed, language))}. ${e(m.verificationLabel)}: <strong>${e(m.verification[verification])}</strong>.</p>`;
}

const reportLink = (origin: string, id: string) =>
  `<p><a href="${e(reportUrl(origin, id))}">${e(m.reportAsJson(id))}</a></p>`;

export function entryHtml(entry: FeedEntry, origin: string): string {
  const { report } = entry;
  const parts: string[] = [];
  const reason = entry.reason ? `: ${isolatedHtml(entry.reason)}` : '';
  if (entry.change === 'retraction') parts.push(`<p><strong>${e(m.retracted)}</strong>${reason}</p>`);
  else if (entry.change === 'correction') parts.push(`<p><strong>${e(m.correction)}</strong>${reason}</p>`);
  parts.push(`<p lang="${e(report.summary.language)}">${e(report.summary.text)}</p>`);
  parts.push(figureList(report.figures));
  parts.push(observedAndVerification(report.observed, report.verification));
  const { source } = report;
  const who = [source.name, source.role].filter(Boolean).join(', ');
  const link = source.url ? ` <a href="${e(source.url)}">${e(source.url)}</a>` : '';
  const via = source.via ? `; ${e(m.via)} ${isolatedHtml(source.via)}` : '';
  parts.push(
    `<p>${e(m.source)}: ${isolatedHtml(who)} (${e(sourceKindWord(source.kind, language))}, ${e(source.language)})${via}.${link}</p>`,
  );
  const original = report.summary.original;
  if (original) parts.push(`<blockquote lang="${e(original.language)}">${e(original.text)}</blockquote>`);
  parts.push(reportLink(origin, report.id));
  return parts.join('\n');
}

export function summaryHtml(summary: ReportSummary, origin: string): string {
  return [
    `<p>${e(m.archivedState[summary.state])}${e(m.archivedSummary)}</p>`,
    figureList(summary.figures),
    observedAndVerification(summary.observed, summary.verification),
    `<p>${e(m.source)}: ${isolatedHtml(summary.source.name)} (${e(sourceKindWord(summary.source.kind, language))}).</p>`,
    reportLink(origin, summary.id),
  ].join('\n');
}
