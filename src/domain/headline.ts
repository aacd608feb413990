// Headlines: a report's change in plain words, generated from its figures and never more
// precise than they are ("Bakhmut: about 12,000 of about 80,000 residents remain").
// The wording comes from the indicator registry, so a new indicator needs no code here.

import { monthsBetween } from './dates.ts';
import { findIndicator } from './indicators.ts';
import type { FigureSummary, Qualifier, Verification } from './model.ts';

const numberWords = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
];

const qualifierWords: Record<Qualifier, string> = {
  exact: '',
  approximately: 'about ',
  at_least: 'at least ',
  at_most: 'at most ',
};

/** "about 12,000", "more than"-style hedges kept: never a bare number where the source hedged. */
export function formatCount(value: number, qualifier: Qualifier): string {
  return `${qualifierWords[qualifier]}${value.toLocaleString('en-US')}`;
}

function spokenMonths(months: number): string {
  if (months >= 24 && months % 12 === 0) return `${numberWords[months / 12] ?? months / 12} years`;
  return months === 1 ? 'one month' : `${numberWords[months] ?? months} months`;
}

/** "electricity, gas or running water", joined the way people write it. */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

type Since = { date: string; qualifier: Qualifier };
type UtilityGroup = { names: string[]; since: Since | undefined };

const sameSince = (a: Since | undefined, b: Since | undefined) =>
  a && b && a.date === b.date && a.qualifier === b.qualifier ? a : undefined;

const labelOf = (indicator: string) => findIndicator(indicator)?.label.en ?? indicator;

function utilityParts(figures: readonly FigureSummary[], observed: string): string[] {
  const groups = new Map<string, UtilityGroup>();
  for (const figure of figures) {
    if (!('state' in figure)) continue;
    const group = groups.get(figure.state);
    // A duration is stated for a group only when all its utilities share it.
    if (group) {
      group.names.push(labelOf(figure.indicator));
      group.since = sameSince(group.since, figure.since);
    } else {
      groups.set(figure.state, { names: [labelOf(figure.indicator)], since: figure.since });
    }
  }
  return [...groups].map(([state, { names, since }]) => {
    const subject = joinWords(names);
    const text =
      state === 'available'
        ? `${subject} available`
        : `${state === 'unavailable' ? 'no' : 'intermittent'} ${subject}`;
    if (!since) return text;
    const months = monthsBetween(since.date, observed);
    return months > 0
      ? `${text} for ${qualifierWords[since.qualifier]}${spokenMonths(months)}`
      : `${text} since ${since.date}`;
  });
}

function countParts(figures: readonly FigureSummary[]): string[] {
  const counts = new Map(figures.flatMap((f) => ('value' in f ? [[f.indicator as string, f] as const] : [])));
  const statedAsPart = new Set(
    [...counts.keys()].flatMap((id) => {
      const outOf = findIndicator(id)?.outOf;
      return outOf && counts.has(outOf) ? [outOf] : [];
    }),
  );
  return [...counts.values()].flatMap((figure) => {
    const definition = findIndicator(figure.indicator);
    if (!definition?.phrase || statedAsPart.has(figure.indicator)) return [];
    const whole = definition.outOf ? counts.get(definition.outOf) : undefined;
    const n = formatCount(figure.value, figure.qualifier);
    return [
      definition.phrase.replace('{n}', whole ? `${n} of ${formatCount(whole.value, whole.qualifier)}` : n),
    ];
  });
}

/** The parts of a headline: utilities grouped by state, then counts, in registry order. */
export function headlineParts(figures: readonly FigureSummary[], observed: string): string[] {
  const parts = [...utilityParts(figures, observed), ...countParts(figures)];
  if (parts.length > 0) return parts;
  return figures.map((f) => `${labelOf(f.indicator)} update`);
}

export type HeadlineChange = 'new' | 'correction' | 'retraction';

const changePrefix: Record<HeadlineChange, string> = {
  new: '',
  correction: 'Correction: ',
  retraction: 'Retracted: ',
};

/** "Bakhmut: no electricity, gas or running water for about two months (unconfirmed)". */
export function headline(
  placeName: string,
  figures: readonly FigureSummary[],
  observed: string,
  verification: Verification,
  change: HeadlineChange,
): string {
  const body = headlineParts(figures, observed).join('; ') || 'report';
  return `${changePrefix[change]}${placeName}: ${body} (${verification})`;
}
