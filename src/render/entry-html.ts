// The HTML body of a feed entry: every figure with its qualifier, the observed date at its
// precision, the source with its role, the original-language quote and the verification.
// Every value is escaped; the markup around them is fixed.

import type { FeedEntry } from '../domain/feed.ts';
import { describeDate, figureLabel, figureValue } from '../domain/figure-text.ts';
import { escapeMarkup as e, isolatedHtml } from './escape.ts';
import { reportUrl } from './site.ts';

const sourceKindWords = {
  official: 'official',
  media: 'media',
  ngo: 'NGO',
  social_media: 'social media',
} as const;

export function entryHtml(entry: FeedEntry, origin: string): string {
  const { report } = entry;
  const parts: string[] = [];
  if (entry.change === 'retraction') {
    parts.push(`<p><strong>Retracted</strong>${entry.reason ? `: ${isolatedHtml(entry.reason)}` : ''}</p>`);
  } else if (entry.change === 'correction') {
    parts.push(`<p><strong>Correction</strong>${entry.reason ? `: ${isolatedHtml(entry.reason)}` : ''}</p>`);
  }
  parts.push(`<p lang="${e(report.summary.language)}">${e(report.summary.text)}</p>`);
  const items = report.figures.map((figure) => {
    const note = 'note' in figure && figure.note ? ` <em>(${isolatedHtml(figure.note)})</em>` : '';
    return `<li><strong>${e(figureLabel(figure))}</strong>: ${e(figureValue(figure))}${note}</li>`;
  });
  parts.push(`<ul>${items.join('')}</ul>`);
  parts.push(
    `<p>Observed: ${e(describeDate(report.observed))}. Verification: <strong>${e(report.verification)}</strong>.</p>`,
  );
  const { source } = report;
  const who = [source.name, source.role].filter(Boolean).join(', ');
  const link = source.url ? ` <a href="${e(source.url)}">${e(source.url)}</a>` : '';
  const via = source.via ? `; via ${isolatedHtml(source.via)}` : '';
  parts.push(
    `<p>Source: ${isolatedHtml(who)} (${e(sourceKindWords[source.kind])}, ${e(source.language)})${via}.${link}</p>`,
  );
  const original = report.summary.original;
  if (original) parts.push(`<blockquote lang="${e(original.language)}">${e(original.text)}</blockquote>`);
  parts.push(`<p><a href="${e(reportUrl(origin, report.id))}">Report ${e(report.id)} as JSON</a></p>`);
  return parts.join('\n');
}
