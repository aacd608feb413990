// A draft report from source text: for each sentence, the figures it states for the
// registry's indicators, each with its qualifier (from the hedge written before or after the
// number), the exact words that state it, the voice the sentence gives them to, and how sure
// the reading is. Every word it reads by comes from the lexicon (lexicon.ts). Pure and
// deterministic: the same text gives the same draft. It decides nothing: a person reviews
// every candidate before anything is published.

import * as z from 'zod';
import { periodStart, precisionOf } from '../domain/dates.ts';
import type { IndicatorId } from '../domain/indicators.ts';
import { draftLanguages } from '../domain/languages.ts';
import {
  countFigure,
  largestCount,
  partialDate,
  type Qualifier,
  text,
  utilityFigure,
} from '../domain/model.ts';
import { type Lexicon, lexicons, type TimeUnit } from './lexicon.ts';
import { type NumberFound, numbersIn, phraseAt, type Word, wordsOf } from './words.ts';

export const draftInput = z
  .strictObject({
    text: text(50_000).meta({ description: 'The source text, as written' }),
    language: z.enum(draftLanguages),
    place: z.string().max(200).optional().meta({ description: 'The place the text is about, as a slug' }),
    observed: partialDate
      .optional()
      .meta({ description: 'When the conditions held; durations count back from it' }),
  })
  .meta({ id: 'DraftInput' });
export type DraftInput = z.infer<typeof draftInput>;

const confidence = z.strictObject({
  level: z.enum(['high', 'medium', 'low']),
  reason: z.string(),
});

export const draftCandidate = z
  .strictObject({
    figure: z.union([utilityFigure, countFigure]),
    quote: z.strictObject({
      text: z.string().meta({ description: 'The sentence that states the figure, exactly as it stands' }),
      start: z.int().min(0),
      end: z.int().min(0).meta({ description: 'text.slice(start, end) is the quote' }),
    }),
    voice: z
      .strictObject({ name: z.string(), role: z.string().optional() })
      .optional()
      .meta({ description: 'Who the sentence gives the figure to, when it names someone' }),
    confidence,
  })
  .meta({ id: 'DraftCandidate' });
export type DraftCandidate = z.infer<typeof draftCandidate>;

export const draft = z
  .strictObject({
    language: z.enum(draftLanguages),
    place: z.string().optional(),
    observed: partialDate.optional(),
    candidates: z.array(draftCandidate),
  })
  .meta({ id: 'Draft' });
export type Draft = z.infer<typeof draft>;

/** The longest quote a figure takes (the report schema's bound). */
const longestQuote = 1000;

/** The sentence as the quote of its figures: cut to the report schema's bound, still verbatim. */
function quoteOf(sentence: Sentence) {
  const cut = sentence.text.slice(0, longestQuote).trimEnd();
  return { text: cut, start: sentence.start, end: sentence.start + cut.length };
}

interface Sentence {
  text: string;
  start: number;
  /** Its words, at their offsets in the whole text. */
  words: Word[];
  /** The same words, at their offsets in the sentence. */
  local: Word[];
}

/** Sentences with their offsets: they end at ".", "!", "?" or a line break, not inside "12.000". */
function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(/[^\n.!?]+(?:[.!?](?=\d)[^\n.!?]*)*[.!?]*/gu)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = match.index + lead;
    const local = wordsOf(trimmed);
    const words = local.map((w) => ({ ...w, start: w.start + start, end: w.end + start }));
    sentences.push({ text: trimmed, start, words, local });
  }
  return sentences;
}

/** The first of `phrases` found at `at`, and how many words it spans. */
function phraseFrom(words: readonly Word[], at: number, phrases: readonly string[]) {
  for (const phrase of phrases) {
    const length = phraseAt(words, at, phrase);
    if (length > 0) return { phrase, length };
  }
  return undefined;
}

/** The hedge written right before word `at` (several words may form it), or undefined. */
function hedgeBefore(words: readonly Word[], at: number, lexicon: Lexicon): Qualifier | undefined {
  for (const { words: phrase, qualifier } of lexicon.hedgesBefore) {
    const length = phrase.split(' ').length;
    if (at - length >= 0 && phraseAt(words, at - length, phrase) === length) return qualifier;
  }
  return undefined;
}

function hedgeAfter(words: readonly Word[], at: number, lexicon: Lexicon): Qualifier | undefined {
  return lexicon.hedgesAfter.find(({ words: phrase }) => phraseAt(words, at + 1, phrase) > 0)?.qualifier;
}

/** Whether a number is not a count: a year, a page, a share, "one of the", part of a date. */
function isNotCount(n: NumberFound, words: readonly Word[], lexicon: Lexicon): boolean {
  const before = words[n.first - 1]?.text ?? '';
  if (lexicon.notCountAfter.includes(before)) return true;
  if (phraseFrom(words, n.last + 1, lexicon.notCountBefore)) return true;
  if (lexicon.months[words[n.last + 1]?.text ?? ''] !== undefined) return true;
  if (lexicon.months[before] !== undefined) return true;
  return !n.inWords && n.value >= 1900 && n.value <= 2100 && !/[.,\s]/.test(words[n.first]?.text ?? '');
}

const windowAfter = 6;
const windowBefore = 6;

/**
 * The count indicator a number states: the nearest keyword after it, else before it, never
 * past another number, whose keyword that is ("12.000 fled and 4.000 remain").
 */
function countIndicatorOf(
  n: NumberFound,
  others: readonly NumberFound[],
  words: readonly Word[],
  lexicon: Lexicon,
) {
  const another = (at: number) => others.some((o) => o.start !== n.start && o.first <= at && at <= o.last);
  for (let offset = 1; offset <= windowAfter; offset++) {
    if (another(n.last + offset)) break;
    for (const { indicator, keywords } of lexicon.counts) {
      if (phraseFrom(words, n.last + offset, keywords)) return { indicator, distance: offset, after: true };
    }
  }
  for (let offset = 1; offset <= windowBefore; offset++) {
    if (another(n.first - offset)) break;
    for (const { indicator, keywords } of lexicon.counts) {
      if (n.first - offset >= 0 && phraseFrom(words, n.first - offset, keywords))
        return { indicator, distance: offset, after: false };
    }
  }
  return undefined;
}

/** Who the sentence gives its words to: "zegt Aleksandr Martsjenko, plaatsvervangend burgemeester", "residents say". */
function voiceOf(sentence: Sentence, lexicon: Lexicon): DraftCandidate['voice'] {
  const { words, text, start } = sentence;
  const original = (w: Word) => text.slice(w.start - start, w.end - start);
  const isName = (w: Word | undefined) => w !== undefined && /^\p{Lu}/u.test(original(w));
  const inName = (at: number) =>
    isName(words[at]) || (lexicon.nameParticles.includes(words[at]?.text ?? '') && isName(words[at + 1]));
  for (let i = 0; i < words.length; i++) {
    const before = phraseFrom(words, i, lexicon.speechBeforeName);
    if (before && isName(words[i + before.length])) {
      let j = i + before.length;
      const nameWords: Word[] = [];
      while (inName(j)) nameWords.push(words[j++] as Word);
      const first = nameWords[0] as Word;
      const last = nameWords.at(-1) as Word;
      const name = text.slice(first.start - start, last.end - start);
      const rest = text.slice(last.end - start);
      const role = /^,\s*(\p{Ll}[^,.;!?]*)/u.exec(rest)?.[1]?.trim();
      return { name, ...(role ? { role } : {}) };
    }
    const after = phraseFrom(words, i, lexicon.speechAfterName);
    if (after && i > 0) {
      const collective = lexicon.collectiveVoices.find((v) => v.words.includes(words[i - 1]?.text ?? ''));
      if (collective) return { name: collective.name };
      let j = i - 1;
      while (j >= 0 && isName(words[j])) j--;
      if (j < i - 1) {
        const first = words[j + 1] as Word;
        const last = words[i - 1] as Word;
        return { name: text.slice(first.start - start, last.end - start) };
      }
    }
  }
  return undefined;
}

const longestDuration: Record<TimeUnit, number> = { day: 36_500, week: 5_200, month: 1_200, year: 100 };

const shift = (date: Date, unit: TimeUnit, amount: number) => {
  const d = new Date(date);
  if (unit === 'day') d.setUTCDate(d.getUTCDate() - amount);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() - 7 * amount);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - amount);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - amount);
  return d;
};

/** A partial date at the precision the observed date and the unit allow. */
function partialOf(date: Date, unit: TimeUnit, observed: string): string {
  const day = precisionOf(observed) === 'day' && (unit === 'day' || unit === 'week');
  const iso = date.toISOString();
  return day ? iso.slice(0, 10) : iso.slice(0, 7);
}

/** "for almost two months", "al bijna twee maanden", "since early October": since when, relative to `observed`. */
function sinceOf(sentence: Sentence, numbers: readonly NumberFound[], lexicon: Lexicon, observed?: string) {
  if (!observed) return undefined;
  const { words } = sentence;
  for (const n of numbers) {
    const unit = lexicon.units[words[n.last + 1]?.text ?? ''];
    // A duration of more than a century is no reading of a cut that anyone reports.
    if (!unit || n.value > longestDuration[unit]) continue;
    const qualifier = hedgeBefore(words, n.first, lexicon) ?? 'exact';
    const date = partialOf(shift(periodStart(observed), unit, n.value), unit, observed);
    return { date, qualifier, words: [n.first, n.last + 1] as const };
  }
  for (let i = 0; i < words.length; i++) {
    const since = phraseFrom(words, i, lexicon.since);
    if (!since) continue;
    let j = i + since.length;
    const hedge = phraseFrom(words, j, lexicon.monthHedges);
    if (hedge) j += hedge.length;
    const month = lexicon.months[words[j]?.text ?? ''];
    if (month === undefined) continue;
    const observedStart = periodStart(observed);
    const year = observedStart.getUTCFullYear() - (month > observedStart.getUTCMonth() + 1 ? 1 : 0);
    const qualifier: Qualifier = hedge ? 'approximately' : 'exact';
    return { date: `${year}-${String(month).padStart(2, '0')}`, qualifier, words: [i, j] as const };
  }
  return undefined;
}

/** The sentence's utilities and what it says of them: cut after a negation, restored, or coming and going. */
function utilitiesOf(sentence: Sentence, lexicon: Lexicon) {
  const { words } = sentence;
  type State = 'available' | 'intermittent' | 'unavailable';
  const found: { indicator: IndicatorId; at: number; state: State }[] = [];
  const has = (phrases: readonly string[]) => words.some((_, i) => phraseFrom(words, i, phrases));
  // A negation anywhere in the sentence cuts what it names: "no gas", "газу немає".
  const state: State | undefined = has(lexicon.intermittent)
    ? 'intermittent'
    : has(lexicon.negations)
      ? 'unavailable'
      : has(lexicon.restored)
        ? 'available'
        : undefined;
  if (!state) return found;
  for (let i = 0; i < words.length; i++) {
    const utility = lexicon.utilities.find(({ keywords }) => phraseFrom(words, i, keywords));
    if (!utility || found.some((f) => f.indicator === utility.indicator)) continue;
    found.push({ indicator: utility.indicator, at: i, state });
    i += (phraseFrom(words, i, utility.keywords)?.length ?? 1) - 1;
  }
  return found;
}

/** "no civilians were killed": a count of 0, when a negation comes right before its keyword. */
function noneOf(sentence: Sentence, numbers: readonly NumberFound[], lexicon: Lexicon) {
  const { words } = sentence;
  const zeros: { indicator: IndicatorId; at: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!phraseFrom(words, i, lexicon.negations)) continue;
    for (let offset = 1; offset <= 4; offset++) {
      const at = i + offset;
      if (numbers.some((n) => n.first <= at && at <= n.last)) break;
      const count = lexicon.counts.find(({ keywords }) => phraseFrom(words, at, keywords));
      if (count && count.indicator !== 'population_baseline') {
        zeros.push({ indicator: count.indicator, at: i });
        break;
      }
    }
  }
  return zeros;
}

/**
 * The parts of a sentence (between commas and semicolons) that name a town other than the
 * place's ("in Marsk"): the numbers there are that town's, not the place's.
 */
function elsewhere(sentence: Sentence, lexicon: Lexicon, placeNames: readonly string[]): [number, number][] {
  if (placeNames.length === 0) return [];
  const { words, text, start } = sentence;
  const stem = (name: string) => name.toLowerCase().slice(0, 4);
  const ours = new Set(placeNames.map(stem));
  const parts: [number, number][] = [];
  for (const [i, word] of words.entries()) {
    const next = words[i + 1];
    if (!lexicon.locatives.includes(word.text) || !next) continue;
    if (!/^\p{Lu}/u.test(text.slice(next.start - start)) || ours.has(stem(next.text))) continue;
    const before = text.slice(0, word.start - start).search(/[,;][^,;]*$/u);
    const after = text.slice(next.end - start).search(/[,;]/u);
    parts.push([start + (before === -1 ? 0 : before), after === -1 ? start + text.length : next.end + after]);
  }
  return parts;
}

/**
 * The draft of a report from `input.text`: candidates for a person to review; nothing is
 * stored. `placeNames`: the names of the place in any language, so that another town's
 * numbers in the same text are not taken for its own.
 */
export function draftFromText(input: DraftInput, placeNames: readonly string[] = []): Draft {
  const lexicon = lexicons[input.language];
  const candidates: DraftCandidate[] = [];
  for (const sentence of sentencesOf(input.text)) {
    const { words } = sentence;
    const quote = quoteOf(sentence);
    const voice = voiceOf(sentence, lexicon);
    const numbers = numbersIn(sentence.text, sentence.local, lexicon).map((n) => ({
      ...n,
      start: n.start + sentence.start,
      end: n.end + sentence.start,
    }));
    const since = sinceOf(sentence, numbers, lexicon, input.observed);
    const otherTowns = elsewhere(sentence, lexicon, placeNames);
    const add = (figure: DraftCandidate['figure'], level: 'high' | 'medium' | 'low', reason: string) =>
      candidates.push({
        figure: { ...figure, quote: quote.text },
        quote,
        ...(voice ? { voice } : {}),
        confidence: { level, reason },
      });
    for (const utility of utilitiesOf(sentence, lexicon)) {
      const cutSince =
        utility.state === 'unavailable' && since
          ? { since: { date: since.date, qualifier: since.qualifier } }
          : {};
      add(
        { indicator: utility.indicator, state: utility.state, ...cutSince } as DraftCandidate['figure'],
        utility.state === 'unavailable' ? 'high' : 'medium',
        `"${words[utility.at]?.text}" with ${utility.state === 'unavailable' ? 'a negation' : 'a word of its state'} in the sentence`,
      );
    }
    for (const zero of noneOf(sentence, numbers, lexicon)) {
      add(
        { indicator: zero.indicator, value: 0, qualifier: 'exact' } as DraftCandidate['figure'],
        'medium',
        'a negation before the count',
      );
    }
    for (let k = 0; k < numbers.length; k++) {
      const n = numbers[k] as NumberFound;
      if (since && since.words[0] <= n.first && n.last <= since.words[1]) continue;
      if (isNotCount(n, words, lexicon) || n.value > largestCount) continue;
      if (otherTowns.some(([from, to]) => from <= n.start && n.end <= to)) continue;
      const range = rangeFrom(n, numbers[k + 1], words, lexicon);
      // A range is read as one number, from its first word to its last.
      const span = range ? { ...n, last: (numbers[k + 1] as NumberFound).last } : n;
      const counted = countIndicatorOf(
        span,
        range ? numbers.filter((o) => o !== numbers[k + 1]) : numbers,
        words,
        lexicon,
      );
      if (!counted) continue;
      // A range keeps both bounds: its hedge, if any, hedges both ("about 40 to 60").
      const hedged = hedgeBefore(words, n.first, lexicon) ?? hedgeAfter(words, span.last, lexicon);
      const high = range && (numbers[k + 1] as NumberFound).value;
      const bounds =
        high && high > n.value
          ? { high, qualifier: hedged === 'approximately' ? hedged : ('exact' as const) }
          : { qualifier: hedged ?? ('exact' as const) };
      if (range) k++;
      const level =
        counted.after && counted.distance <= 2 && !n.inWords ? 'high' : counted.after ? 'medium' : 'low';
      add(
        { indicator: counted.indicator, value: n.value, ...bounds } as DraftCandidate['figure'],
        level,
        `"${sentence.text.slice(n.start - sentence.start, n.end - sentence.start)}" ${counted.after ? 'before' : 'after'} a word of ${counted.indicator}, ${counted.distance} word${counted.distance === 1 ? '' : 's'} away`,
      );
    }
  }
  return {
    language: input.language,
    ...(input.place ? { place: input.place } : {}),
    ...(input.observed ? { observed: input.observed } : {}),
    candidates,
  };
}

/** "between 100 and 150", "100 tot 150": where the range stands, when `n` and the next number form one. */
function rangeFrom(n: NumberFound, next: NumberFound | undefined, words: readonly Word[], lexicon: Lexicon) {
  if (!next || next.first !== n.last + 2) return undefined;
  const range = lexicon.ranges.find(
    (r) => words[n.last + 1]?.text === r.between && (!r.before || words[n.first - 1]?.text === r.before),
  );
  if (!range) return undefined;
  return { start: range.before ? (words[n.first - 1] as Word).start : n.start, end: next.end };
}
