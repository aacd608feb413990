// Headlines: a report's change in plain words, generated from its figures and never more
// precise than they are ("Bakhmut, November 2022: 12,000 of about 80,000 residents remain"). The words
// come from the message table of the feed's language (its `countPhrases` for counts; the English
// ones are the registry's `phrase`) and the indicator registry's labels.

import { monthsBetween } from '../domain/dates.ts';
import type { FigureChange } from '../domain/feed.ts';
import { findIndicator, type IndicatorOfKind } from '../domain/indicators.ts';
import type { Language } from '../domain/languages.ts';
import type { FigureSummary, Qualifier, Verification } from '../domain/model.ts';
import { basisWords, changeWords, countWords, formatPartialDate, indicatorLabel } from './figures.ts';
import { type HeadlineChange, messages, type UtilityState } from './messages.ts';

function spokenMonths(months: number, language: Language): string {
  const m = messages[language];
  return months >= 24 && months % 12 === 0 ? m.yearCount(months / 12) : m.monthCount(months);
}

/** "electricity, gas or running water", joined the way people write it. */
function joinWords(words: readonly string[], language: Language): string {
  const m = messages[language];
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${m.or} ${words.at(-1)}`;
}

type Since = { date: string; qualifier: Qualifier };
type UtilityGroup = { names: string[]; since: Since | undefined };

const sameSince = (a: Since | undefined, b: Since | undefined) =>
  a && b && a.date === b.date && a.qualifier === b.qualifier ? a : undefined;

const labelOf = (indicator: string, language: Language) => indicatorLabel(indicator, language, false);

/** A count's phrase in `language`, when it has one: "at least 120 civilians killed". */
function countPhrase(indicator: string, language: Language) {
  return messages[language].countPhrases[indicator as IndicatorOfKind<'count'>] as
    | ((n: string, one: boolean) => string)
    | undefined;
}

function utilityParts(figures: readonly FigureSummary[], observed: string, language: Language): string[] {
  const m = messages[language];
  const groups = new Map<UtilityState, UtilityGroup>();
  for (const figure of figures) {
    if (!('state' in figure)) continue;
    const group = groups.get(figure.state);
    // A duration is stated for a group only when all its utilities share it.
    if (group) {
      group.names.push(labelOf(figure.indicator, language));
      group.since = sameSince(group.since, figure.since);
    } else {
      groups.set(figure.state, { names: [labelOf(figure.indicator, language)], since: figure.since });
    }
  }
  return [...groups].map(([state, { names, since }]) => {
    const text = m.utilityHeadline[state](joinWords(names, language));
    if (!since) return text;
    const months = monthsBetween(since.date, observed);
    return months > 0
      ? m.forDuration(text, `${m.qualifiers[since.qualifier]}${spokenMonths(months, language)}`)
      : m.sinceDate(text, formatPartialDate(since.date, language, true));
  });
}

function countParts(figures: readonly FigureSummary[], observed: string, language: Language): string[] {
  const counts = new Map(figures.flatMap((f) => ('value' in f ? [[f.indicator as string, f] as const] : [])));
  const statedAsPart = new Set(
    [...counts.keys()].flatMap((id) => {
      const outOf = findIndicator(id)?.outOf;
      return outOf && counts.has(outOf) ? [outOf] : [];
    }),
  );
  return [...counts.values()].flatMap((figure) => {
    const definition = findIndicator(figure.indicator);
    const phrase = countPhrase(figure.indicator, language);
    if (!definition || !phrase || statedAsPart.has(figure.indicator)) return [];
    const whole = definition.outOf ? counts.get(definition.outOf) : undefined;
    const basis = basisWords(figure, language, observed, true);
    return [
      [phrase(countWords(figure, whole, language), figure.value === 1), basis].filter(Boolean).join(' '),
    ];
  });
}

/** The parts of a headline: utilities grouped by state, then counts, in registry order. */
export function headlineParts(
  figures: readonly FigureSummary[],
  observed: string,
  language: Language,
): string[] {
  const parts = [...utilityParts(figures, observed, language), ...countParts(figures, observed, language)];
  if (parts.length > 0) return parts;
  return figures.map((f) => messages[language].updateOf(labelOf(f.indicator, language)));
}

/**
 * "Bakhmut, November 2022: no electricity, gas or running water for about two months
 * (unconfirmed)": the observed period comes first after the place, so that a reader's list
 * of entries, which shows when each was published, cannot pass an old figure off as news.
 */
export function headline(
  placeName: string,
  figures: readonly FigureSummary[],
  observed: string,
  verification: Verification,
  change: HeadlineChange,
  language: Language,
): string {
  const m = messages[language];
  const body = headlineParts(figures, observed, language).join('; ') || m.report;
  const when = formatPartialDate(observed, language);
  return `${m.changePrefix[change]}${placeName}, ${when}: ${body} (${m.verification[verification].toLowerCase()})`;
}

/**
 * Each changed figure before and after, in registry order: "at least 120 → at least 95
 * civilians killed" for a count the registry has a phrase for, "electricity: unavailable →
 * intermittent" otherwise. A figure whose words stayed the same (its source or note changed)
 * is left to the entry's content.
 */
function changedParts(changes: readonly FigureChange[], language: Language): string[] {
  return changes.flatMap((change) => {
    const { before, after, valueUnchanged } = changeWords(change, language);
    if (valueUnchanged) return [];
    const phrase = countPhrase(change.indicator, language);
    const counts = change.before && 'value' in change.before && change.after && 'value' in change.after;
    return [
      phrase && counts
        ? phrase(`${before} → ${after}`, false)
        : `${labelOf(change.indicator, language)}: ${before} → ${after}`,
    ];
  });
}

/** A title carries the first words of a reason; the entry's content has all of it. */
export function reasonForTitle(reason: string, max = 140): string {
  if (reason.length <= max) return reason;
  const cut = reason.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The title of an entry that announces a change to an earlier report, so that a reader's
 * list says it is one: "Correction to Bakhmut, November 2022: at least 120 → at least 95
 * civilians killed (unconfirmed), because …". A correction says what changed; a retraction
 * what the version withdrawn said, a restoration what the version brought back says.
 */
export function changeHeadline(
  change: Exclude<HeadlineChange, 'new'>,
  placeName: string,
  figures: readonly FigureSummary[],
  observed: string,
  verification: Verification,
  changes: readonly FigureChange[] | undefined,
  reason: string | undefined,
  language: Language,
): string {
  const m = messages[language];
  const changed = change === 'correction' ? changedParts(changes ?? [], language) : [];
  const body =
    (changed.length > 0 ? changed : headlineParts(figures, observed, language)).join('; ') || m.report;
  const when = formatPartialDate(observed, language);
  const subject = `${placeName}, ${when}: ${body} (${m.verification[verification].toLowerCase()})`;
  return m.changeTitle[change](subject, reason);
}
