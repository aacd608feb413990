// Figures in words, in every language the service speaks: numbers with their qualifiers
// ("about 12,000"), a part with its whole ("about 12,000 of about 80,000", as the indicator
// registry's `outOf` says), utility states and since when, dates at the precision the
// source gave, indicator labels and source kinds. Feeds, headlines, pages and exports all
// word figures through this module, with the words of src/words/messages.ts; the desk's
// form and import read numbers back as people write them.

import { basisMatters, basisOf } from '../domain/counts.ts';
import { partialDatePattern } from '../domain/dates.ts';
import { findIndicator, indicatorOrder } from '../domain/indicators.ts';
import type { Language } from '../domain/languages.ts';
import type { CountBasis, Disagreement, Figure, FigureSummary, Qualifier, Source } from '../domain/model.ts';
import { messages, type UtilityState } from './messages.ts';

// Ukrainian groups digits with a no-break space, as Intl.NumberFormat('uk') does: "12 000".
const digitGroupSeparator: Record<Language, string> = { en: ',', nl: '.', uk: '\u00A0' };

/**
 * A whole number as people write it, with or without thousands separators ("12.000" and
 * "12,000" are twelve thousand, as a Dutch or English writer means them); else the text, for
 * the schema to refuse. No one groups thousands after a leading 0, so "0.500" is a fraction,
 * never five hundred.
 */
export function readCount(text: string): number | string {
  const trimmed = text.trim();
  if (/^[1-9]\d{0,2}([.,\s\u00A0\u202F]\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\D/g, ''));
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

export function formatNumber(value: number, language: Language): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, digitGroupSeparator[language]);
}

type Count = { value: number; high?: number | undefined; qualifier: Qualifier };

/** "about 12,000", "at least 120", "40–60": never a bare number where the source hedged or gave a range. */
export function formatCount(value: number, qualifier: Qualifier, language: Language, high?: number): string {
  const m = messages[language];
  const number =
    high === undefined
      ? formatNumber(value, language)
      : m.range(formatNumber(value, language), formatNumber(high, language));
  return `${m.qualifiers[qualifier]}${number}`;
}

/** A count, and the whole it is a part of when there is one: "about 12,000 of about 80,000". */
export function countWords(part: Count, whole: Count | undefined, language: Language): string {
  const words = formatCount(part.value, part.qualifier, language, part.high);
  return whole
    ? `${words} ${messages[language].of} ${formatCount(whole.value, whole.qualifier, language, whole.high)}`
    : words;
}

/**
 * What a count counts, in words: "in all, since an unstated date", "in all since February
 * 2022", "in November 2022" (a count for its observed period, when that is known); `brief`
 * leaves out that a total's start is unstated. Said only of indicators whose counts may have
 * either basis; a count of residents is always a total.
 */
export function basisWords(
  figure: { indicator: string; basis?: CountBasis | undefined; since?: Since | undefined },
  language: Language,
  observed?: string,
  brief = false,
): string | undefined {
  if (!basisMatters(figure.indicator)) return undefined;
  const m = messages[language];
  if (basisOf(figure) === 'period') {
    return observed ? m.basis.period(formatPartialDate(observed, language)) : m.basis.periodUnstated;
  }
  if (figure.since) return m.basis.totalSince(sinceWords(figure.since, language));
  return brief ? m.basis.totalBrief : m.basis.total;
}

/** A count in words with what it counts: "at least 120 in all, since an unstated date". */
export function countWithBasis(
  figure: Count & { indicator: string; basis?: CountBasis | undefined; since?: Since | undefined },
  language: Language,
  observed?: string,
): string {
  const words = countWords(figure, undefined, language);
  const basis = basisWords(figure, language, observed);
  return basis ? `${words} ${basis}` : words;
}

/**
 * "2022", "November 2022", "5 November 2022": never more precise than the source. `governed`
 * words a date after "since", where Ukrainian puts the month in the genitive ("з вересня 2022");
 * after a day's number it always is ("5 грудня 2026").
 */
export function formatPartialDate(value: string, language: Language, governed = false): string {
  const [, year, month, day] = partialDatePattern.exec(value) ?? [];
  if (!year) return value;
  const m = messages[language];
  const monthName = month ? (governed || day ? m.monthsGoverned : m.months)[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean).join(' ');
}

/** "24 November 2026, 21:33 UTC". */
export function formatTimestamp(value: string, language: Language): string {
  const at = new Date(value);
  const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return `${at.getUTCDate()} ${messages[language].monthsGoverned[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${time} UTC`;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "3 hours ago": whole units, rounded down, so the words change at most once a minute. */
export function timeSince(value: string, now: Date, language: Language): string {
  const m = messages[language];
  const elapsed = Math.max(0, now.getTime() - Date.parse(value));
  if (elapsed < minute) return m.justNow;
  if (elapsed < hour) return m.ago(Math.floor(elapsed / minute), 'minute');
  if (elapsed < day) return m.ago(Math.floor(elapsed / hour), 'hour');
  if (elapsed < 30 * day) return m.ago(Math.floor(elapsed / day), 'day');
  if (elapsed < 365 * day) return m.ago(Math.floor(elapsed / (30 * day)), 'month');
  return m.ago(Math.floor(elapsed / (365 * day)), 'year');
}

/** An indicator's label from the registry: "Civilians killed", or "civilians killed" inside a sentence. */
export function indicatorLabel(indicator: string, language: Language, capitalized = true): string {
  const label = findIndicator(indicator)?.label[language] ?? indicator;
  return capitalized ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

export function sourceKindWord(kind: Source['kind'], language: Language): string {
  return messages[language].sourceKinds[kind];
}

type Since = { date: string; qualifier: Qualifier };

/** "since about September 2022". */
export function sinceWords(since: Since, language: Language): string {
  return messages[language].sinceWhen(since.qualifier, formatPartialDate(since.date, language, true));
}

/** Who stated a line's figures, when not the report's source, and the words that state them. */
interface RowProvenance {
  /** The figures' own sources, each once; the report's source applies when there is none. */
  sources?: Source[];
  /** The exact words of the original text, in the original's language. */
  quotes?: string[];
}

/** One line of a figure list, in words. */
export type FigureRow = RowProvenance &
  (
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
    | { kind: 'text'; indicator: string; label: string; text?: string; language?: string }
  );

type AnyFigure = Figure | FigureSummary;

const noteOf = (figure: AnyFigure) => ('note' in figure && figure.note ? { note: figure.note } : {});

/** The own sources and quotes of the figures a line states (a part and its whole). */
function provenanceOf(...figures: (AnyFigure | undefined)[]): RowProvenance {
  const sources: Source[] = [];
  const quotes: string[] = [];
  for (const figure of figures) {
    if (!figure) continue;
    if ('source' in figure && figure.source) {
      const own = figure.source;
      if (!sources.some((s) => JSON.stringify(s) === JSON.stringify(own))) sources.push(own);
    }
    if ('quote' in figure && figure.quote) quotes.push(figure.quote);
  }
  return { ...(sources.length ? { sources } : {}), ...(quotes.length ? { quotes } : {}) };
}

const countsOf = (figures: readonly AnyFigure[]) =>
  new Map(figures.flatMap((f) => ('value' in f ? [[f.indicator as string, f] as const] : [])));

/**
 * The whole a count is stated as part of, by the registry: among the same figures, or else
 * among `elsewhere` (a place's other current figures, when its baseline came from another
 * report). Only a whole among the same figures loses its own line.
 */
function wholesIn(figures: readonly AnyFigure[], elsewhere: readonly AnyFigure[]) {
  const counts = countsOf(figures);
  const otherCounts = countsOf(elsewhere);
  const wholeOf = (figure: AnyFigure) => {
    const outOf = findIndicator(figure.indicator)?.outOf;
    return outOf && 'value' in figure ? (counts.get(outOf) ?? otherCounts.get(outOf)) : undefined;
  };
  const statedAsPart = new Set(
    figures.flatMap((f) => {
      const outOf = findIndicator(f.indicator)?.outOf;
      return outOf && 'value' in f && counts.has(outOf) ? [outOf] : [];
    }),
  );
  return { wholeOf, statedAsPart };
}

/**
 * The figures of one report as lines, in registry order. A count stated as part of another
 * ("residents remaining" of "population before the crisis") carries the whole, which then
 * has no line of its own; `wholesElsewhere` holds wholes another report gave.
 */
export function figureRows(
  figures: readonly AnyFigure[],
  language: Language,
  wholesElsewhere: readonly AnyFigure[] = [],
  observed?: string,
): FigureRow[] {
  const m = messages[language];
  const { wholeOf, statedAsPart } = wholesIn(figures, wholesElsewhere);
  const ordered = [...figures].sort((a, b) => indicatorOrder(a.indicator) - indicatorOrder(b.indicator));
  return ordered.flatMap((figure): FigureRow[] => {
    const label = indicatorLabel(figure.indicator, language);
    if ('state' in figure) {
      return [
        {
          kind: 'utility',
          indicator: figure.indicator,
          label,
          state: figure.state,
          stateWords: m.states[figure.state],
          ...(figure.since ? { since: sinceWords(figure.since, language) } : {}),
          ...noteOf(figure),
          ...provenanceOf(figure),
        },
      ];
    }
    if ('value' in figure) {
      if (statedAsPart.has(figure.indicator)) return [];
      const whole = wholeOf(figure);
      // A whole from another report keeps its note and provenance on its own line.
      const ownWhole = whole && figures.includes(whole) ? whole : undefined;
      const note = [noteOf(figure).note, ownWhole && noteOf(ownWhole).note].filter(Boolean).join(' ');
      const basis = basisWords(figure, language, observed);
      const words = [countWords(figure, whole, language), basis].filter(Boolean).join(' ');
      return [
        {
          kind: 'count',
          indicator: figure.indicator,
          label,
          words,
          ...(note ? { note } : {}),
          ...provenanceOf(figure, ownWhole),
        },
      ];
    }
    return [
      {
        kind: 'text',
        indicator: figure.indicator,
        label,
        ...('text' in figure ? { text: figure.text, language: figure.language } : {}),
        ...provenanceOf(figure),
      },
    ];
  });
}

/** A row's value in words on one line: "unavailable since about September 2022", "at least 120". */
export function rowWords(row: FigureRow, language: Language): string {
  if (row.kind === 'utility') return row.since ? `${row.stateWords} ${row.since}` : row.stateWords;
  if (row.kind === 'count') return row.words;
  return row.text ?? messages[language].situationInReport;
}

/** One figure's value in words, on its own: for exports, where each figure is a row of its own. */
export function figureWords(figure: AnyFigure, language: Language, observed?: string): string {
  const [row] = figureRows([figure], language, [], observed);
  return row ? rowWords(row, language) : '';
}

/** "8,000–15,000 by 2 sources; the newest says 15,000": sources that disagree, in words. */
export function disagreementWords(disagreement: Disagreement, language: Language): string {
  const [newest] = disagreement.figures;
  return messages[language].disagreement(
    formatNumber(disagreement.low, language),
    formatNumber(disagreement.high, language),
    disagreement.sourceCount,
    newest && 'value' in newest.figure ? countWords(newest.figure, undefined, language) : '',
  );
}

/**
 * A changed figure in words, before and after. A change of its source, quote or note alone
 * leaves the words the same: `valueUnchanged` says so, so that it is not read as no change.
 * A count whose basis stayed the same is worded without it: the change is in the number.
 */
export function changeWords(
  change: { before?: Figure; after?: Figure },
  language: Language,
): { before: string; after: string; valueUnchanged: boolean } {
  const { before: was, after: is } = change;
  const sameBasis =
    was && is && 'value' in was && 'value' in is && basisWords(was, language) === basisWords(is, language);
  const words = (figure: Figure | undefined) => {
    if (!figure) return messages[language].notStated;
    return sameBasis && 'value' in figure
      ? countWords(figure, undefined, language)
      : figureWords(figure, language);
  };
  const before = words(was);
  const after = words(is);
  return { before, after, valueUnchanged: before === after };
}
