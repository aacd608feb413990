// Figures in words for people: each value with its qualifier, each date at its precision.

import { precisionOf } from './dates.ts';
import { formatCount } from './headline.ts';
import { findIndicator } from './indicators.ts';
import type { Figure, FigureSummary } from './model.ts';

const qualifierPrefix = {
  exact: '',
  approximately: 'about ',
  at_least: 'at least ',
  at_most: 'at most ',
} as const;

export function describeDate(value: string): string {
  return `${value} (${precisionOf(value)} precision)`;
}

export function figureLabel(figure: Pick<Figure, 'indicator'>): string {
  const label = findIndicator(figure.indicator)?.label.en ?? figure.indicator;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "unavailable since about 2022-09", "at least 120", or the situation text. */
export function figureValue(figure: Figure | FigureSummary): string {
  if ('value' in figure) return formatCount(figure.value, figure.qualifier);
  if ('state' in figure) {
    return figure.since
      ? `${figure.state} since ${qualifierPrefix[figure.since.qualifier]}${figure.since.date}`
      : figure.state;
  }
  // A summary leaves free text out; the full report has it.
  return 'text' in figure ? figure.text : 'see the full report';
}
