// Figures, dates and durations in words, in the page's language. The same rules as the
// feeds' wording (domain/figure-text.ts, domain/headline.ts): every number keeps its
// qualifier, every date its precision, and a part is stated with its whole ("about 12,000
// of about 80,000"), as the indicator registry's `outOf` says.

import { partialDatePattern } from '../../domain/dates.ts';
import { findIndicator, indicatorOrder } from '../../domain/indicators.ts';
import type { Figure, FigureSummary, Qualifier } from '../../domain/model.ts';
import type { Language, Messages, UtilityState } from './messages.ts';

const digitGroupSeparator: Record<Language, string> = { en: ',', nl: '.' };

export function formatNumber(value: number, language: Language): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, digitGroupSeparator[language]);
}

export function formatCount(value: number, qualifier: Qualifier, m: Messages, language: Language): string {
  return `${m.qualifiers[qualifier]}${formatNumber(value, language)}`;
}

/** "2022", "November 2022", "5 November 2022": never more precise than the source. */
export function formatPartialDate(value: string, m: Messages): string {
  const [, year, month, day] = partialDatePattern.exec(value) ?? [];
  if (!year) return value;
  const monthName = month ? m.months[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean).join(' ');
}

/** "24 November 2026, 21:33 UTC". */
export function formatTimestamp(value: string, m: Messages): string {
  const at = new Date(value);
  const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return `${at.getUTCDate()} ${m.months[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${time} UTC`;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "3 hours ago": whole units, rounded down, so the words change at most once a minute. */
export function timeSince(value: string, now: Date, m: Messages): string {
  const elapsed = Math.max(0, now.getTime() - Date.parse(value));
  if (elapsed < minute) return m.justNow;
  if (elapsed < hour) return m.ago(Math.floor(elapsed / minute), 'minute');
  if (elapsed < day) return m.ago(Math.floor(elapsed / hour), 'hour');
  if (elapsed < 30 * day) return m.ago(Math.floor(elapsed / day), 'day');
  if (elapsed < 365 * day) return m.ago(Math.floor(elapsed / (30 * day)), 'month');
  return m.ago(Math.floor(elapsed / (365 * day)), 'year');
}

export function indicatorLabel(indicator: string, language: Language): string {
  const label = findIndicator(indicator)?.label[language] ?? indicator;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** One line of a figure list, in words. */
export type FigureRow =
  | {
      kind: 'utility';
      indicator: string;
      label: string;
      state: UtilityState;
      stateWords: string;
      /** "since about September 2022", when the source said since when. */
      since?: string;
      note?: string;
    }
  | { kind: 'count'; indicator: string; label: string; words: string; note?: string }
  | { kind: 'text'; indicator: string; label: string; text?: string; language?: string };

type AnyFigure = Figure | FigureSummary;

const noteOf = (figure: AnyFigure) => ('note' in figure && figure.note ? { note: figure.note } : {});

/**
 * The figures of one report as lines, in registry order. A count stated as part of another
 * ("residents remaining" of "population before the crisis") carries the whole, which then
 * has no line of its own.
 */
export function figureRows(figures: readonly AnyFigure[], m: Messages, language: Language): FigureRow[] {
  const counts = new Map(figures.flatMap((f) => ('value' in f ? [[f.indicator as string, f] as const] : [])));
  const statedAsPart = new Set(
    figures.flatMap((f) => {
      const outOf = findIndicator(f.indicator)?.outOf;
      return outOf && 'value' in f && counts.has(outOf) ? [outOf] : [];
    }),
  );
  const ordered = [...figures].sort((a, b) => indicatorOrder(a.indicator) - indicatorOrder(b.indicator));
  return ordered.flatMap((figure): FigureRow[] => {
    const label = indicatorLabel(figure.indicator, language);
    if ('state' in figure) {
      const { since } = figure;
      return [
        {
          kind: 'utility',
          indicator: figure.indicator,
          label,
          state: figure.state,
          stateWords: m.states[figure.state],
          ...(since
            ? { since: `${m.since} ${m.qualifiers[since.qualifier]}${formatPartialDate(since.date, m)}` }
            : {}),
          ...noteOf(figure),
        },
      ];
    }
    if ('value' in figure) {
      if (statedAsPart.has(figure.indicator)) return [];
      const outOf = findIndicator(figure.indicator)?.outOf;
      const whole = outOf ? counts.get(outOf) : undefined;
      const part = formatCount(figure.value, figure.qualifier, m, language);
      const words = whole
        ? `${part} ${m.of} ${formatCount(whole.value, whole.qualifier, m, language)}`
        : part;
      const note = [noteOf(figure).note, whole && noteOf(whole).note].filter(Boolean).join(' ');
      return [{ kind: 'count', indicator: figure.indicator, label, words, ...(note ? { note } : {}) }];
    }
    return [
      {
        kind: 'text',
        indicator: figure.indicator,
        label,
        ...('text' in figure ? { text: figure.text, language: figure.language } : {}),
      },
    ];
  });
}
