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
import { longestDraftText, mostDraftCandidates } from './limits.ts';
import { type LexiconPhrases, type MarkedWords, type PhraseList, phrasesOf } from './phrases.ts';
import { type NumberFound, numbersIn, type Word, wordsOf } from './words.ts';
import { count, type WorkMeter } from './work.ts';

export const draftInput = z
  .strictObject({
    text: text(longestDraftText, 'inCharacters').meta({ description: 'The source text, as written' }),
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
    candidates: z.array(draftCandidate).max(mostDraftCandidates),
    omitted: z
      .int()
      .min(1)
      .optional()
      .meta({
        description: `Candidates found after the first ${mostDraftCandidates}, left out of the answer: a text with that many figures is more than a draft`,
      }),
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

/** A sentence, its words at their offsets in it, marked for the lexicon's phrase lists. */
interface Sentence extends MarkedWords {
  text: string;
  /** Where it starts in the whole text. */
  start: number;
}

/** What every pass over a sentence reads with. */
interface Reading {
  lexicon: Lexicon;
  phrases: LexiconPhrases;
  meter: WorkMeter | undefined;
}

const sentencePattern = /[^\n.!?]+(?:[.!?](?=\d)[^\n.!?]*)*[.!?]*/gu;
const leadingSpace = /\s*/y;

/** Sentences with their offsets: they end at ".", "!", "?" or a line break, not inside "12.000". */
function sentencesOf(text: string, { phrases, meter }: Reading): Sentence[] {
  const sentences: Sentence[] = [];
  sentencePattern.lastIndex = 0;
  for (let match = sentencePattern.exec(text); match; match = sentencePattern.exec(text)) {
    count(meter);
    const trimmed = match[0].trim();
    if (trimmed === '') continue;
    // What trim() took from the start is the spaces the sentence starts with.
    leadingSpace.lastIndex = match.index;
    leadingSpace.test(text);
    const words = wordsOf(trimmed, meter);
    const { starts, ends, anyStarts } = phrases.mark(words, meter);
    sentences.push({ text: trimmed, start: leadingSpace.lastIndex, words, starts, ends, anyStarts });
  }
  return sentences;
}

/** Whether some phrase of `list` stands anywhere in the sentence. */
function anywhere(list: PhraseList<true>, sentence: Sentence, meter: WorkMeter | undefined) {
  if (!list.mayStandIn(sentence)) return false;
  for (let i = 0; i < sentence.words.length; i++) if (list.startingAt(sentence, i, meter)) return true;
  return false;
}

// Whether a word starts with a capital, read where it stands in its sentence.
const capital = /\p{Lu}/uy;
function startsWithCapital(text: string, at: number): boolean {
  capital.lastIndex = at;
  return capital.test(text);
}

/** The hedge written right before word `at` (several words may form it), or undefined. */
function hedgeBefore(sentence: Sentence, at: number, { phrases, meter }: Reading): Qualifier | undefined {
  return phrases.hedgesBefore.endingBefore(sentence, at, meter)?.value;
}

function hedgeAfter(sentence: Sentence, at: number, { phrases, meter }: Reading): Qualifier | undefined {
  return phrases.hedgesAfter.startingAt(sentence, at + 1, meter)?.value;
}

/**
 * Whether a number is not a count: a year, a page, a share, "one of the", part of a date.
 * `isPunctuated`: whether a word holds a full stop, comma or space ("2.022" is no year).
 */
function isNotCount(
  n: NumberFound,
  sentence: Sentence,
  { lexicon, phrases, meter }: Reading,
  isPunctuated: (at: number) => boolean,
): boolean {
  const { words } = sentence;
  // Read as a word only when there is one: words[-1] is a slow look-up of a property "-1".
  const before = n.first > 0 ? (words[n.first - 1] as Word).text : '';
  if (lexicon.notCountAfter.includes(before)) return true;
  if (phrases.notCountBefore.startingAt(sentence, n.last + 1, meter)) return true;
  if (lexicon.months[words[n.last + 1]?.text ?? ''] !== undefined) return true;
  if (lexicon.months[before] !== undefined) return true;
  return !n.inWords && n.value >= 1900 && n.value <= 2100 && !isPunctuated(n.first);
}

/**
 * Whether each word holds a full stop, comma or space, looked at once per word: one word may
 * hold thousands of numbers ("1'1'1…"), and reading it whole for each would be quadratic.
 */
function punctuationOf(words: readonly Word[], meter: WorkMeter | undefined): (at: number) => boolean {
  let known: Map<number, boolean> | undefined;
  return (at) => {
    known ??= new Map();
    let marked = known.get(at);
    if (marked === undefined) {
      const text = words[at]?.text ?? '';
      count(meter, text.length);
      marked = /[.,\s]/.test(text);
      known.set(at, marked);
    }
    return marked;
  };
}

const noneNumbered = () => false;

/** Which words a number stands at, by the index of the word: what a count's keyword is never looked for past. */
function numberedWords(numbers: readonly NumberFound[], wordCount: number, meter: WorkMeter | undefined) {
  if (numbers.length === 0) return noneNumbered;
  const numbered: boolean[] = [];
  for (let i = 0; i < wordCount; i++) numbered.push(false);
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k] as NumberFound;
    count(meter, n.last - n.first + 1);
    for (let i = Math.max(n.first, 0); i <= n.last; i++) numbered[i] = true;
  }
  return (at: number) => at >= 0 && at < wordCount && numbered[at] === true;
}

const windowAfter = 6;
const windowBefore = 6;

/**
 * The count indicator a number states: the nearest keyword after it, else before it, never
 * past another number, whose keyword that is ("12.000 fled and 4.000 remain").
 */
function countIndicatorOf(
  n: NumberFound,
  numbered: (at: number) => boolean,
  sentence: Sentence,
  { phrases, meter }: Reading,
) {
  for (let offset = 1; offset <= windowAfter; offset++) {
    const at = n.last + offset;
    if (numbered(at)) break;
    const keyword = phrases.counts.startingAt(sentence, at, meter);
    if (keyword) return { indicator: keyword.value, distance: offset, after: true };
  }
  for (let offset = 1; offset <= windowBefore; offset++) {
    const at = n.first - offset;
    if (numbered(at)) break;
    const keyword = at >= 0 ? phrases.counts.startingAt(sentence, at, meter) : undefined;
    if (keyword) return { indicator: keyword.value, distance: offset, after: false };
  }
  return undefined;
}

/** Who the sentence gives its words to: "zegt Aleksandr Martsjenko, plaatsvervangend burgemeester", "residents say". */
function voiceOf(sentence: Sentence, { lexicon, phrases, meter }: Reading): DraftCandidate['voice'] {
  if (!phrases.speechBeforeName.mayStandIn(sentence) && !phrases.speechAfterName.mayStandIn(sentence))
    return undefined;
  const { words, text } = sentence;
  const isName = (w: Word | undefined) => w !== undefined && startsWithCapital(text, w.start);
  const inName = (at: number) =>
    isName(words[at]) || (lexicon.nameParticles.includes(words[at]?.text ?? '') && isName(words[at + 1]));
  for (let i = 0; i < words.length; i++) {
    const before = phrases.speechBeforeName.startingAt(sentence, i, meter);
    if (before && isName(words[i + before.length])) {
      let j = i + before.length;
      const nameWords: Word[] = [];
      while (inName(j)) {
        count(meter);
        nameWords.push(words[j++] as Word);
      }
      const first = nameWords[0] as Word;
      const last = nameWords.at(-1) as Word;
      const name = text.slice(first.start, last.end);
      const rest = text.slice(last.end);
      const role = /^,\s*(\p{Ll}[^,.;!?]*)/u.exec(rest)?.[1]?.trim();
      return { name, ...(role ? { role } : {}) };
    }
    const after = phrases.speechAfterName.startingAt(sentence, i, meter);
    if (after && i > 0) {
      const collective = lexicon.collectiveVoices.find((v) => v.words.includes(words[i - 1]?.text ?? ''));
      if (collective) return { name: collective.name };
      let j = i - 1;
      while (j >= 0 && isName(words[j])) {
        count(meter);
        j--;
      }
      if (j < i - 1) {
        const first = words[j + 1] as Word;
        const last = words[i - 1] as Word;
        return { name: text.slice(first.start, last.end) };
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
function sinceOf(sentence: Sentence, numbers: readonly NumberFound[], reading: Reading, observed?: string) {
  if (!observed) return undefined;
  const { lexicon, phrases, meter } = reading;
  const { words } = sentence;
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k] as NumberFound;
    count(meter);
    const unit = lexicon.units[words[n.last + 1]?.text ?? ''];
    // A duration of more than a century is no reading of a cut that anyone reports.
    if (!unit || n.value > longestDuration[unit]) continue;
    const qualifier = hedgeBefore(sentence, n.first, reading) ?? 'exact';
    const date = partialOf(shift(periodStart(observed), unit, n.value), unit, observed);
    return { date, qualifier, words: [n.first, n.last + 1] as const };
  }
  for (let i = 0; i < words.length && phrases.since.mayStandIn(sentence); i++) {
    const since = phrases.since.startingAt(sentence, i, meter);
    if (!since) continue;
    let j = i + since.length;
    const hedge = phrases.monthHedges.startingAt(sentence, j, meter);
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
function utilitiesOf(sentence: Sentence, { phrases, meter }: Reading) {
  const { words } = sentence;
  type State = 'available' | 'intermittent' | 'unavailable';
  const found: { indicator: IndicatorId; at: number; state: State }[] = [];
  // A negation anywhere in the sentence cuts what it names: "no gas", "газу немає".
  const state: State | undefined = anywhere(phrases.intermittent, sentence, meter)
    ? 'intermittent'
    : anywhere(phrases.negations, sentence, meter)
      ? 'unavailable'
      : anywhere(phrases.restored, sentence, meter)
        ? 'available'
        : undefined;
  if (!state) return found;
  for (let i = 0; i < words.length; i++) {
    const utility = phrases.utilities.startingAt(sentence, i, meter);
    if (!utility || found.some((f) => f.indicator === utility.value)) continue;
    found.push({ indicator: utility.value, at: i, state });
    i += utility.length - 1;
  }
  return found;
}

/** "no civilians were killed": a count of 0, when a negation comes right before its keyword. */
function noneOf(sentence: Sentence, numbered: (at: number) => boolean, { phrases, meter }: Reading) {
  const { words } = sentence;
  const zeros: { indicator: IndicatorId; at: number }[] = [];
  for (let i = 0; i < words.length && phrases.negations.mayStandIn(sentence); i++) {
    if (!phrases.negations.startingAt(sentence, i, meter)) continue;
    for (let offset = 1; offset <= 4; offset++) {
      const at = i + offset;
      if (numbered(at)) break;
      const keyword = phrases.counts.startingAt(sentence, at, meter);
      if (keyword && keyword.value !== 'population_baseline') {
        zeros.push({ indicator: keyword.value, at: i });
        break;
      }
    }
  }
  return zeros;
}

const inNoOtherTown = () => false;

/**
 * Whether a number stands in a part of the sentence (between commas and semicolons) that
 * names a town other than the place's ("in Marsk"): its numbers are that town's, not the
 * place's. Asked of the sentence's numbers in order.
 */
function otherTownsOf(
  sentence: Sentence,
  { lexicon, meter }: Reading,
  placeNames: readonly string[],
): (n: NumberFound) => boolean {
  if (placeNames.length === 0) return inNoOtherTown;
  const { words, text } = sentence;
  const stem = (name: string) => name.toLowerCase().slice(0, 4);
  const ours = new Set(placeNames.map(stem));
  // Where the sentence's commas and semicolons stand, found once, when a town is named.
  let separators: number[] | undefined;
  let beforeWord = 0;
  let beforeEnd = 0;
  const parts: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    count(meter);
    const word = words[i] as Word;
    const next = words[i + 1];
    if (!lexicon.locatives.includes(word.text) || !next) continue;
    if (!startsWithCapital(text, next.start) || ours.has(stem(next.text))) continue;
    if (!separators) {
      count(meter, text.length);
      separators = [...text.matchAll(/[,;]/gu)].map((m) => m.index);
    }
    while (beforeWord < separators.length && (separators[beforeWord] as number) < word.start) beforeWord++;
    while (beforeEnd < separators.length && (separators[beforeEnd] as number) < next.end) beforeEnd++;
    parts.push([separators[beforeWord - 1] ?? 0, separators[beforeEnd] ?? text.length]);
  }
  // The parts start in the order of the text, and so do their ends: of those begun before a
  // number, the last reaches furthest, and the numbers come in order too.
  let begun = 0;
  return (n) => {
    while (begun < parts.length && (parts[begun] as [number, number])[0] <= n.start) begun++;
    const last = parts[begun - 1];
    return last !== undefined && n.end <= last[1];
  };
}

/**
 * The draft of a report from `input.text`: candidates for a person to review; nothing is
 * stored. `placeNames`: the names of the place in any language, so that another town's
 * numbers in the same text are not taken for its own. Its work grows with the length of the
 * text and no faster (each pass looks at a bounded number of words around each word); pass a
 * `meter` to count it.
 */
export function draftFromText(
  input: DraftInput,
  placeNames: readonly string[] = [],
  meter?: WorkMeter,
): Draft {
  const lexicon = lexicons[input.language];
  const reading: Reading = { lexicon, phrases: phrasesOf(lexicon), meter };
  const candidates: DraftCandidate[] = [];
  let omitted = 0;
  for (const sentence of sentencesOf(input.text, reading)) {
    const { words } = sentence;
    const quote = quoteOf(sentence);
    const voice = voiceOf(sentence, reading);
    const numbers = numbersIn(sentence.text, words, lexicon, meter);
    const numbered = numberedWords(numbers, words.length, meter);
    const isPunctuated = punctuationOf(words, meter);
    const since = sinceOf(sentence, numbers, reading, input.observed);
    const inOtherTown = otherTownsOf(sentence, reading, placeNames);
    const add = (figure: DraftCandidate['figure'], level: 'high' | 'medium' | 'low', reason: string) => {
      if (candidates.length === mostDraftCandidates) {
        omitted++;
        return;
      }
      candidates.push({
        figure: { ...figure, quote: quote.text },
        quote,
        ...(voice ? { voice } : {}),
        confidence: { level, reason },
      });
    };
    for (const utility of utilitiesOf(sentence, reading)) {
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
    for (const zero of noneOf(sentence, numbered, reading)) {
      add(
        { indicator: zero.indicator, value: 0, qualifier: 'exact' } as DraftCandidate['figure'],
        'medium',
        'a negation before the count',
      );
    }
    for (let k = 0; k < numbers.length; k++) {
      count(meter);
      const n = numbers[k] as NumberFound;
      if (since && since.words[0] <= n.first && n.last <= since.words[1]) continue;
      if (isNotCount(n, sentence, reading, isPunctuated) || n.value > largestCount) continue;
      if (inOtherTown(n)) continue;
      const next = numbers[k + 1];
      const range = next !== undefined && isRange(n, next, words, lexicon);
      // A range is read as one number, from its first word to its last.
      const span = range ? { ...n, last: next.last } : n;
      const counted = countIndicatorOf(span, numbered, sentence, reading);
      if (!counted) continue;
      // A range keeps both bounds: its hedge, if any, hedges both ("about 40 to 60").
      const hedged = hedgeBefore(sentence, n.first, reading) ?? hedgeAfter(sentence, span.last, reading);
      const high = range && next.value;
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
        `"${sentence.text.slice(n.start, n.end)}" ${counted.after ? 'before' : 'after'} a word of ${counted.indicator}, ${counted.distance} word${counted.distance === 1 ? '' : 's'} away`,
      );
    }
  }
  return {
    language: input.language,
    ...(input.place ? { place: input.place } : {}),
    ...(input.observed ? { observed: input.observed } : {}),
    candidates,
    ...(omitted > 0 ? { omitted } : {}),
  };
}

/** "between 100 and 150", "100 tot 150": whether `n` and the next number form one range. */
function isRange(n: NumberFound, next: NumberFound, words: readonly Word[], lexicon: Lexicon): boolean {
  if (next.first !== n.last + 2) return false;
  const before = n.first > 0 ? (words[n.first - 1] as Word).text : undefined;
  return lexicon.ranges.some(
    (r) => words[n.last + 1]?.text === r.between && (!r.before || before === r.before),
  );
}
