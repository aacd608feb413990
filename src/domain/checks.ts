// Rules that need more than the shape of a report: they depend on the clock or on which
// places exist. Each returns issues in the same form as schema validation.

import type { ValidationIssue } from '../problems.ts';
import { isAfter, periodEnd, periodStart } from './dates.ts';
import type { Place, ReportInput } from './model.ts';
import { nearest } from './nearest.ts';

/**
 * Dates may be as coarse as the source was, but never after `now`, and `since` never after
 * the observation: a `since` inside a coarse observed period ("2022-11-05" for "2022-11") holds.
 */
export function checkReportDates(input: ReportInput, now: Date, at = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (isAfter(input.observed, now)) {
    issues.push({
      pointer: `${at}/observed`,
      rule: 'not in the future',
      detail: `observed date ${input.observed} is after the current date`,
      words: { kind: 'future', date: input.observed },
    });
  }
  input.figures.forEach((figure, index) => {
    if (!('since' in figure) || !figure.since) return;
    const pointer = `${at}/figures/${index}/since/date`;
    if (isAfter(figure.since.date, now)) {
      issues.push({
        pointer,
        rule: 'not in the future',
        detail: `${figure.since.date} is after the current date`,
        words: { kind: 'future', date: figure.since.date },
      });
    } else if (periodStart(figure.since.date) >= periodEnd(input.observed)) {
      issues.push({
        pointer,
        rule: 'not after observed',
        detail: `a state cannot hold since ${figure.since.date} when it was observed in ${input.observed}`,
        words: { kind: 'sinceAfterObserved', since: figure.since.date, observed: input.observed },
      });
    }
  });
  return issues;
}

/**
 * `place` must be the slug of a known place. Otherwise the issue suggests the places whose
 * slug or name, in any language, is nearest to what was written ("Bachmoet" → "bakhmut").
 */
export function checkPlaceExists(
  input: Pick<ReportInput, 'place'>,
  known: ReadonlySet<string>,
  at = '',
  places: readonly Pick<Place, 'slug' | 'names'>[] = [],
): ValidationIssue[] {
  if (known.has(input.place)) return [];
  const suggestions = nearest(
    input.place,
    places.map((p) => ({ value: p.slug, names: [p.slug, ...Object.values(p.names)] })),
  );
  const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
  return [
    {
      pointer: `${at}/place`,
      rule: 'known place',
      detail: `no place with slug "${input.place}"${hint} Write the slug of a place, as in /places/{slug}.`,
      ...(suggestions.length ? { suggestions } : {}),
      words: { kind: 'unknownPlace', written: input.place, suggestions },
    },
  ];
}
