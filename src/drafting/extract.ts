// A draft report from source text: for each sentence, the figures it states for the
// registry's indicators, each with its qualifier (from the hedge written before or after the
// number), the exact words that state it, the voice the sentence gives them to, and how sure
// the reading is. Every word it reads by comes from the lexicon (lexicon.ts). Pure and
// deterministic: the same text gives the same draft. It decides nothing: a person reviews
// every candidate before anything is published.

import * as z from 'zod';
import { periodStart, precisionOf } from '../domain/dates.ts';
import { basesOf, type CountBasis, type IndicatorId } from '../domain/indicators.ts';
import { draftLanguages } from '../domain/languages.ts';
import {
  countFigure,
  largestCount,
  partialDate,
  type Qualifier,
  text,
  utilityFigure,
} from '../domain/model.ts';
import { entryOf, type Lexicon, lexicons, type TimeUnit } from './lexicon.ts';
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
        description: `Candidates found after the first ${mostDraftCandidates} different ones, left out of the answer and counted with their repeats: a text with that many figures is more than a draft`,
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
/** The longest abbreviation a lexicon lists, in characters: what is looked at before a full stop. */
const longestAbbreviation = 6;

/**
 * The word a piece of text ends with right before its full stop ("Dr.", "5 тис."), in lower
 * case, when it is short enough to be an abbreviation: what stands between the full stop and
 * the space before it. Read from the end, never further back than an abbreviation is long.
 */
function abbreviationBeforeStop(piece: string): string | undefined {
  let end = piece.length;
  while (end > 0 && /\s/u.test(piece[end - 1] as string)) end--;
  if (piece[end - 1] !== '.') return undefined;
  let from = end - 1;
  while (from > 0 && end - 1 - from < longestAbbreviation + 1 && piece[from - 1] !== ' ') from--;
  const word = piece.slice(from, end - 1);
  return word.length > 0 && word.length <= longestAbbreviation && (from === 0 || piece[from - 1] === ' ')
    ? word.toLowerCase()
    : undefined;
}

/**
 * Sentences with their offsets: they end at ".", "!", "?" or a line break, not inside
 * "12.000" nor after an abbreviation of the lexicon ("Dr.", "ca.", "тис.", "м.").
 */
function* sentencesOf(text: string, { lexicon, phrases, meter }: Reading): Generator<Sentence> {
  sentencePattern.lastIndex = 0;
  /** Where the sentence begun by an earlier piece ending in an abbreviation starts, if one did. */
  let begun: number | undefined;
  for (let match = sentencePattern.exec(text); match; match = sentencePattern.exec(text)) {
    count(meter);
    const start = begun ?? match.index;
    const end = match.index + match[0].length;
    const abbreviated = abbreviationBeforeStop(match[0]);
    if (
      abbreviated !== undefined &&
      lexicon.abbreviations.includes(abbreviated) &&
      text[end] !== '\n' &&
      end < text.length
    ) {
      begun = start;
      continue;
    }
    begun = undefined;
    const trimmed = text.slice(start, end).trim();
    if (trimmed === '') continue;
    // What trim() took from the start is the spaces the sentence starts with.
    leadingSpace.lastIndex = start;
    leadingSpace.test(text);
    for (let from = 0; from < trimmed.length; ) {
      const to = pieceEnd(trimmed, from);
      const piece = to === trimmed.length && from === 0 ? trimmed : trimmed.slice(from, to);
      const words = wordsOf(piece, meter);
      const { starts, ends, anyStarts } = phrases.mark(words, meter);
      yield { text: piece, start: leadingSpace.lastIndex + from, words, starts, ends, anyStarts };
      from = to;
      while (trimmed.charCodeAt(from) === 0x20) from++;
    }
  }
}

/**
 * The longest piece of text read as one sentence, in UTF-16 units. A sentence of prose is a
 * few hundred characters; a longer run with no full stop is a table, a list or a text made to
 * cost, and its words, held for the whole sentence, made a draft's garbage collection grow
 * faster than the text (twice the time a character at 40,000 characters as at 20,000). It is
 * read in pieces of at most this length, each cut at a space where it has one.
 */
const longestSentence = 2_000;

/** Where the piece of `sentence` from `from` on ends: at its end, or at its last space within the longest sentence. */
function pieceEnd(sentence: string, from: number): number {
  if (sentence.length - from <= longestSentence) return sentence.length;
  const limit = from + longestSentence;
  // Looked for back to the piece's start only, so that a text with no space is read once.
  for (let at = limit; at > from; at--) if (sentence.charCodeAt(at) === 0x20) return at;
  // No space: cut where no character outside the BMP is split in two.
  const unit = sentence.charCodeAt(limit);
  return unit >= 0xdc00 && unit <= 0xdfff ? limit - 1 : limit;
}

/** Whether some phrase of `list` stands anywhere in the sentence. */
const anywhere = (list: PhraseList<true>, sentence: Sentence, meter: WorkMeter | undefined) =>
  within(list, sentence, 0, sentence.words.length, meter);

// Whether a word starts with a capital, read where it stands in its sentence.
const capital = /\p{Lu}/uy;
function startsWithCapital(text: string, at: number): boolean {
  capital.lastIndex = at;
  return capital.test(text);
}

/** What a bound becomes when it is denied: "no fewer than 40" is at least 40, "не більше 40" at most. */
const deniedBound: Partial<Record<Qualifier, Qualifier>> = { at_least: 'at_most', at_most: 'at_least' };

/** The hedge written right before word `at` (several words may form it), or undefined. */
function hedgeBefore(sentence: Sentence, at: number, { phrases, meter }: Reading): Qualifier | undefined {
  const hedge = phrases.hedgesBefore.endingBefore(sentence, at, meter);
  if (!hedge) return undefined;
  const denied = phrases.negations.endingBefore(sentence, at - hedge.length, meter) !== undefined;
  return (denied && deniedBound[hedge.value]) || hedge.value;
}

function hedgeAfter(sentence: Sentence, at: number, { phrases, meter }: Reading): Qualifier | undefined {
  return phrases.hedgesAfter.startingAt(sentence, at + 1, meter)?.value;
}

/** How far before a number, in its clause, a word of estimate makes it one: "Naar schatting houden nog 1.000". */
const estimateWithin = 6;

/** "approximately" where a word of estimate stands before the number in its clause (`Lexicon.estimates`). */
function estimateBefore(sentence: Sentence, at: number, { phrases, meter }: Reading): Qualifier | undefined {
  if (!phrases.estimates.mayStandIn(sentence)) return undefined;
  for (let k = at - 1; k >= Math.max(at - estimateWithin, 0); k--) {
    if (phrases.estimates.startingAt(sentence, k, meter)) return 'approximately';
    // Another number between makes the estimate that one's.
    if (markBefore(sentence, k, clauseEnds) || /\d/u.test((sentence.words[k] as Word).text)) return undefined;
  }
  return undefined;
}

/** The largest number read as a person's age when it is marked as one. */
const oldestAge = 120;

/**
 * Whether a number stands alone between commas or in brackets, as a person's age is written
 * after their name: "a woman, 64, was killed", "een vrouw (64) kwam om".
 */
function isAgeMarked(text: string, { start, end }: NumberFound): boolean {
  const space = 0x20;
  let before = start - 1;
  while (before >= 0 && text.charCodeAt(before) === space) before--;
  let after = end;
  while (after < text.length && text.charCodeAt(after) === space) after++;
  const opens = text.charCodeAt(before);
  const closes = text.charCodeAt(after);
  return (opens === 0x2c && closes === 0x2c) || (opens === 0x28 && closes === 0x29);
}

/**
 * Whether a number is not a count: a year, a page, a share, "one of the", part of a date, an age.
 * `isPunctuated`: whether a word holds a full stop, comma or space ("2.022" is no year).
 */
function isNotCount(
  n: NumberFound,
  sentence: Sentence,
  { lexicon, phrases, meter }: Reading,
  isPunctuated: (at: number) => boolean,
  partOrWhole = false,
): boolean {
  const { words } = sentence;
  // Read as a word only when there is one: words[-1] is a slow look-up of a property "-1".
  // One before a comma says nothing of it: "Last year, 45 civilians".
  const before = n.first > 0 && !markBefore(sentence, n.first, ',') ? (words[n.first - 1] as Word).text : '';
  // "4,000 of the 25,000": read as a part and its whole, the word between them makes neither "one of the".
  const joins = (text: string | undefined) => partOrWhole && lexicon.outOf.includes(text ?? '');
  // "у 2022 році" is no count; "оцінюють у 4500", whose "у" ends a hedge, is one.
  if (
    lexicon.notCountAfter.includes(before) &&
    !joins(before) &&
    !phrases.hedgesBefore.endingBefore(sentence, n.first, meter)
  )
    return true;
  if (phrases.notCountBefore.startingAt(sentence, n.last + 1, meter) && !joins(words[n.last + 1]?.text))
    return true;
  // "тисячі людей", "honderden doden": many, no number; "близько тисячі" is one.
  if (
    n.first === n.last &&
    lexicon.manyWords.includes((words[n.first] as Word).text) &&
    !phrases.hedgesBefore.endingBefore(sentence, n.first, meter)
  )
    return true;
  // "один із небагатьох", "one of few who stayed": one of some, no count.
  if (n.inWords && n.value === 1 && lexicon.outOf.includes(words[n.last + 1]?.text ?? '')) return true;
  if (entryOf(lexicon.months, words[n.last + 1]?.text) !== undefined) return true;
  // "February 12" is a date; "Since February, 312 civilians" a count.
  if (entryOf(lexicon.months, before) !== undefined) return true;
  if (!n.inWords && n.value <= oldestAge && isAgeMarked(sentence.text, n)) return true;
  // A year is one word of digits: "2 тисяч" is a count.
  return !n.inWords && n.first === n.last && n.value >= 1900 && n.value <= 2100 && !isPunctuated(n.first);
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

/** Which words a count (`counts[k]`: whether number k is one) stands at, by the index of the word: what a count's keyword is never looked for past. */
function numberedWords(
  numbers: readonly NumberFound[],
  counts: readonly boolean[],
  wordCount: number,
  meter: WorkMeter | undefined,
) {
  if (!counts.includes(true)) return noneNumbered;
  const numbered: boolean[] = [];
  for (let i = 0; i < wordCount; i++) numbered.push(false);
  for (let k = 0; k < numbers.length; k++) {
    if (!counts[k]) continue;
    const n = numbers[k] as NumberFound;
    count(meter, n.last - n.first + 1);
    for (let i = Math.max(n.first, 0); i <= n.last; i++) numbered[i] = true;
  }
  return (at: number) => at >= 0 && at < wordCount && numbered[at] === true;
}

const windowAfter = 6;
const windowBefore = 6;

/** The marks that end a clause: a keyword past one is another clause's. */
const clauseEnds = ',;:()';

/** How near before a number a keyword stands that is read before a keyword further after it: "killed 7 civilians and injured 12". */
const nearBefore = 2;

/**
 * The count indicator a number states: the nearest keyword after it, else before it, never
 * past another count, whose keyword that is ("12.000 fled and 4.000 remain"). A keyword right
 * before the number, with no mark between, is read before one further after it or past a
 * comma: "killed 7 civilians and injured 12", "загинули 3 людей, поранено 5". A number in
 * words takes a keyword before it only from near by: "residents of one street".
 */
function countIndicatorOf(
  n: NumberFound,
  numbered: (at: number) => boolean,
  sentence: Sentence,
  reading: Reading,
) {
  const { lexicon, phrases, meter } = reading;
  const { words } = sentence;
  let after: { indicator: IndicatorId; distance: number; after: true; marked: boolean } | undefined;
  for (let offset = 1; offset <= windowAfter && !after; offset++) {
    const at = n.last + offset;
    if (numbered(at)) break;
    const keyword = countKeywordAt(sentence, at, reading);
    // "damaged 14 buildings and injured 6 people", "Зруйновано двадцять будинків, загинули 3
    // людини": a keyword right before a count, further or past a comma, is that count's.
    if (
      keyword &&
      (offset > nearBefore || clauseEndBetween(sentence, n.last, at)) &&
      numbered(at + keyword.length)
    )
      break;
    if (keyword)
      after = {
        indicator: keyword.value,
        distance: offset,
        after: true,
        marked: clauseEndBetween(sentence, n.last, at),
      };
  }
  // "Twelve people hiding in a basement were killed": the dead or injured said later in the
  // clause are what the people remaining there became.
  if (after?.indicator === 'population_remaining') {
    for (let offset = after.distance + 1; offset <= remainingBecameWithin; offset++) {
      const at = n.last + offset;
      if (numbered(at) || markBefore(sentence, at, clauseEnds)) break;
      const keyword = countKeywordAt(sentence, at, reading);
      if (keyword && civilianCounts.includes(keyword.value))
        return { indicator: keyword.value, distance: offset, after: true, marked: false } as const;
    }
  }
  // No keyword before can be nearer than one right after, in the same clause.
  if (after && !after.marked && after.distance <= 2) return after;
  // A number in words ("one street", "one of") takes a keyword before it only from near by.
  // Words before are counted from its hedge, which is read with it: "killed at least seven".
  const before = n.inWords ? nearBefore : windowBefore;
  const first = n.first - (phrases.hedgesBefore.endingBefore(sentence, n.first, meter)?.length ?? 0);
  for (let offset = 1; offset <= before; offset++) {
    const at = first - offset;
    if (numbered(at)) break;
    const keyword = at >= 0 ? countKeywordAt(sentence, at, reading) : undefined;
    if (!keyword) continue;
    // "Among the dead were two children", "Among the 15 injured are two children": a part of
    // the count, not the count.
    if (anyWithin([at - amongWithin, at], (k) => lexicon.among.includes(words[k]?.text ?? ''))) break;
    const sameClause = !clauseEndBetween(sentence, at, first);
    const near = offset <= nearBefore && sameClause;
    // One after it past a clause's end is further than one before it in its own clause:
    // "voor de invasie 8.000 inwoners; nu zijn het er nog 300".
    if (!after || (near && (after.marked || after.distance > offset + 1)) || (after.marked && sameClause))
      return { indicator: keyword.value, distance: offset, after: false };
    break;
  }
  return after;
}

/** How far after a number of people remaining the dead or injured they became may be said: "hiding in a basement were killed". */
const remainingBecameWithin = 10;

/**
 * The keyword of a count that stands at word `at`. A particle split from its verb is one only
 * where it ends its clause: "kwamen vier burgers om." is a count, "om 10 uur" a time.
 */
function countKeywordAt(sentence: Sentence, at: number, { lexicon, phrases, meter }: Reading) {
  const keyword = phrases.counts.startingAt(sentence, at, meter);
  if (!keyword || keyword.length > 1 || !lexicon.clauseFinal.includes(sentence.words[at]?.text ?? ''))
    return keyword;
  return at === sentence.words.length - 1 || markBefore(sentence, at + 1, clauseEnds) ? keyword : undefined;
}

/** How far before a count's keyword "among" makes a number after it a part: "among the 15 injured". */
const amongWithin = 3;

/** Whether a mark that ends a clause stands between words `from` and `to`. */
function clauseEndBetween(sentence: Sentence, from: number, to: number): boolean {
  for (let k = from + 1; k <= to; k++) if (markBefore(sentence, k, clauseEnds)) return true;
  return false;
}

/** The most words a role written before a name may have: "head of the regional military administration". */
const longestRole = 6;

/** Whether one of `marks` (each a character) stands between word `at` and the word before it. */
function markBefore(sentence: Sentence, at: number, marks: string): boolean {
  const before = sentence.words[at - 1];
  const word = sentence.words[at];
  if (before === undefined || word === undefined) return false;
  // Read where it stands, not cut out: this is asked at most words of a text.
  for (let i = before.end; i < word.start; i++) if (marks.includes(sentence.text[i] as string)) return true;
  return false;
}

/** The marks that end a name or a role: a comma, a colon, brackets, quotes. */
const nameEnds = ',;:()"“”«»';
const punctuatedBefore = (sentence: Sentence, at: number) => markBefore(sentence, at, nameEnds);

/** The most words a role written before a name and a comma may have: "the head of the district hospital, Petra Anselm". */
const longestAppositiveRole = 8;

/** The most words a body named before "said" may have: "the Donetsk regional military administration". */
const longestBody = 4;
/** How far before "said" the "of" after a body may stand: "bestuur van de regio meldt". */
const bodyOfWithin = 4;

/** An age written as one word: "67-річний", "67-year-old", "67-jarige". */
const ageWord = /^\d+-\p{L}/u;

/** A word written in capitals only ("ОВА", "UN"): an abbreviation, a name's only where no name follows it. */
const abbreviation = /^\p{Lu}{2,}$/u;

/**
 * Who the sentence gives its words to: "zegt Aleksandr Martsjenko, plaatsvervangend
 * burgemeester", "according to deputy mayor Ivan Testenko", "regional governor Anna Kolb
 * said", "The regional governor, Oleh Marchenko, said", "за словами заступника міського голови
 * Івана Тестенка". The role is read as written: the lower-case words right before the name
 * (back to a comma, or to a word that is in no role: "the", "de"), a title even with a capital
 * ("Mayor", "Мер міста") and an abbreviation before the name ("голова ОВА"), or the words
 * after the name between commas, or those before it up to its comma.
 */
function voiceOf(
  sentence: Sentence,
  named: DraftCandidate['voice'],
  { lexicon, phrases, meter }: Reading,
): DraftCandidate['voice'] {
  // "Twelve people were killed, she said": the voice the text named last, if it named one.
  if (anywhere(phrases.speechByPronoun, sentence, meter)) return named;
  if (!phrases.speechBeforeName.mayStandIn(sentence) && !phrases.speechAfterName.mayStandIn(sentence))
    return undefined;
  const { words, text } = sentence;
  const isAbbreviation = (at: number) => {
    const word = words[at];
    return word !== undefined && abbreviation.test(text.slice(word.start, word.end));
  };
  const isName = (at: number) => {
    const word = words[at];
    return (
      word !== undefined &&
      startsWithCapital(text, word.start) &&
      !lexicon.titles.includes(word.text) &&
      !lexicon.notNames.includes(word.text) &&
      entryOf(lexicon.months, word.text) === undefined
    );
  };
  /** A name's own word: a capital that is no abbreviation. */
  const isPersonal = (at: number) => isName(at) && !isAbbreviation(at);
  const inName = (at: number) =>
    isName(at) || (lexicon.nameParticles.includes(words[at]?.text ?? '') && isName(at + 1));
  const canBeInRole = (at: number) => {
    const word = words[at];
    return word !== undefined && !/\d/u.test(word.text) && !lexicon.notInRole.includes(word.text);
  };
  /** An abbreviation right before a name is its role's: "голова ОВА Іван Петренко". */
  const isAbbreviatedRole = (at: number) => isAbbreviation(at) && isPersonal(at + 1);
  /**
   * A word of a role: in lower case, or an abbreviation before the name, or a capital that
   * names where or whose the role is, right before a role's word ("Donetsk regional governor",
   * "UN official", "начальник Донецької ОВА").
   */
  const isRoleWord = (at: number) =>
    canBeInRole(at) &&
    (!isName(at) ||
      isAbbreviatedRole(at) ||
      (!punctuatedBefore(sentence, at + 1) &&
        canBeInRole(at + 1) &&
        (!isName(at + 1) || (!isAbbreviation(at) && isAbbreviatedRole(at + 1)))));
  const span = (first: number, last: number) =>
    text.slice((words[first] as Word).start, (words[last] as Word).end);
  /** A role as written: with the full stop of an abbreviation it ends with ("Dr."). */
  const roleSpan = (first: number, last: number) => {
    const role = span(first, last);
    const end = (words[last] as Word).end;
    return text[end] === '.' && lexicon.abbreviations.includes((words[last] as Word).text)
      ? `${role}.`
      : role;
  };
  /** The role written between commas right after the name's last word, when there is one. */
  const roleAfter = (last: number) => {
    // "Як повідомив Іван Петренко, загинули 12 людей": what follows is the figure, not a role.
    const said =
      phrases.counts.startingAt(sentence, last + 1, meter) ??
      phrases.utilities.startingAt(sentence, last + 1, meter);
    const role = said
      ? undefined
      : /^,\s*(\p{Ll}[^,.;!?\d]*)(?=[,.;!?]|$)/u.exec(text.slice((words[last] as Word).end))?.[1]?.trim();
    // "Maria Holm, a volunteer who distributes food": the role ends where a clause about the person begins.
    const roleWords = role?.split(/\s+/u) ?? [];
    const relative = roleWords.findIndex((word) => lexicon.relatives.includes(word));
    const ownWords = relative === -1 ? roleWords : roleWords.slice(0, relative);
    // "Ivan Testenko, the deputy mayor, said": without the article it starts with.
    if (lexicon.notInRole.includes(ownWords[0] ?? '')) ownWords.shift();
    return ownWords.length > 0 ? ownWords.join(' ') : undefined;
  };
  /** Words `first` to `last` as a role, without the article they start with ("the deputy mayor"). */
  const roleWithoutArticle = (first: number, last: number) => {
    let from = first;
    while (from <= last && lexicon.notInRole.includes(words[from]?.text ?? '')) from++;
    return from <= last ? span(from, last) : undefined;
  };
  /** The role written right before word `at`, the name's first: the first of its words, or `at` when none. */
  const roleStart = (at: number) => {
    let first = at;
    while (
      first > 0 &&
      at - first < longestRole &&
      isRoleWord(first - 1) &&
      !punctuatedBefore(sentence, first)
    ) {
      count(meter);
      first--;
    }
    return first;
  };
  /**
   * "The regional governor, Oleh Marchenko, said": the words between the sentence's start or
   * a comma and the comma before the name `at`, without the article they start with.
   */
  const roleBeforeComma = (at: number) => {
    if (!punctuatedBefore(sentence, at)) return undefined;
    const inRole = (k: number) => isRoleWord(k) || lexicon.notInRole.includes(words[k]?.text ?? '');
    let first = at;
    while (first > 0 && at - first < longestAppositiveRole && inRole(first - 1)) {
      count(meter);
      first--;
      if (punctuatedBefore(sentence, first)) break;
    }
    if (first === at || (first > 0 && !punctuatedBefore(sentence, first))) return undefined;
    return roleWithoutArticle(first, at - 1);
  };
  const voice = (first: number, last: number, role: string | undefined) => ({
    name: span(first, last),
    ...(role ? { role } : {}),
  });
  const isBody = (at: number) => lexicon.bodies.includes(words[at]?.text ?? '');
  const collectiveAt = (at: number) =>
    lexicon.collectiveVoices.find((v) => v.words.includes(words[at]?.text ?? ''));
  /**
   * "according to the regional administration", "повідомили в Донецькій ОВА": a body that
   * speaks for itself, from word `at` (past the article or preposition) to the first word
   * that names one, within a role's length and no mark between.
   */
  const bodyAfter = (at: number) => {
    let first = at;
    while (lexicon.notInRole.includes(words[first]?.text ?? '')) first++;
    for (let k = first; k < first + longestRole && canBeInRole(k); k++) {
      if (k > first && punctuatedBefore(sentence, k)) return undefined;
      count(meter);
      if (isBody(k)) return { name: span(first, k) };
    }
    return undefined;
  };
  /**
   * "the regional military administration said", "het militair bestuur van de regio meldt": a
   * body that ends right before word `at`, or whose "of" and where do.
   */
  const bodyBefore = (at: number) => {
    if (punctuatedBefore(sentence, at)) return undefined;
    let body = at - 1;
    if (!isBody(body)) {
      let of = at - 2;
      while (of > at - bodyOfWithin && !(lexicon.outOf.includes(words[of]?.text ?? '') && isBody(of - 1)))
        of--;
      if (!isBody(of - 1) || !lexicon.outOf.includes(words[of]?.text ?? '')) return undefined;
      for (let k = of; k < at; k++)
        if (punctuatedBefore(sentence, k) || /\d/u.test((words[k] as Word).text)) return undefined;
      body = of - 1;
    }
    let first = body;
    while (
      first > 0 &&
      body + 1 - first < longestBody &&
      canBeInRole(first - 1) &&
      !punctuatedBefore(sentence, first)
    ) {
      count(meter);
      first--;
    }
    return { first, name: span(first, at - 1) };
  };
  /** "Woordvoerder Els Vermeer van de gemeente meldt": the person before a body's "of", whose it is. */
  const personOfBody = (first: number) => {
    let k = first - 1;
    if (lexicon.notInRole.includes(words[k]?.text ?? '') && !lexicon.outOf.includes(words[k]?.text ?? ''))
      k--;
    return lexicon.outOf.includes(words[k]?.text ?? '') && isPersonal(k - 1) && !punctuatedBefore(sentence, k)
      ? k - 1
      : undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const before = phrases.speechBeforeName.startingAt(sentence, i, meter);
    // "zeggen bewoners": many who speak as one.
    const many = before && collectiveAt(i + before.length);
    if (many) return { name: many.name };
    if (before) {
      // "according to deputy mayor Ivan Testenko": a role of lower-case words may come first.
      let j = i + before.length;
      // "заявив у понеділок губернатор Олег Марченко": when it was said is not the role's.
      if (
        lexicon.notInRole.includes(words[j]?.text ?? '') &&
        lexicon.notNames.includes(words[j + 1]?.text ?? '')
      )
        j++;
      if (lexicon.notNames.includes(words[j]?.text ?? '')) j++;
      // "according to the regional governor, Anna Kolb": the article is not the role's.
      if (lexicon.notInRole.includes(words[j]?.text ?? '') && isRoleWord(j + 1)) j++;
      // "каже 67-річний Іван Сич": an age before the name is neither role nor name.
      if (ageWord.test(words[j]?.text ?? '')) j++;
      const roleFrom = j;
      while (j - roleFrom < longestRole && isRoleWord(j) && !punctuatedBefore(sentence, j + 1)) {
        count(meter);
        j++;
      }
      // The role's last word may stand before a comma and the name.
      if (isRoleWord(j) && punctuatedBefore(sentence, j + 1) && isPersonal(j + 1)) j++;
      if (!isName(j) && j > roleFrom) j = roleFrom;
      if (isName(j)) {
        const first = j;
        while (inName(j)) {
          count(meter);
          j++;
        }
        const last = j - 1;
        const before = first > roleFrom ? roleSpan(roleFrom, first - 1) : undefined;
        // "Dr. Anna Holm, the hospital's chief surgeon": a title alone says less than the role after the name.
        const titleOnly =
          first === roleFrom + 1 && lexicon.abbreviations.includes((words[roleFrom] as Word).text);
        const role = before && !titleOnly ? before : (roleAfter(last) ?? before);
        return voice(first, last, role);
      }
      const body = bodyAfter(i + before.length);
      if (body) return body;
    }
    const after = phrases.speechAfterName.startingAt(sentence, i, meter);
    if (after && i > 0) {
      // "De inwoners zeggen", not "… 2.000 inwoners, schat burgemeester …".
      const collective = !punctuatedBefore(sentence, i) && collectiveAt(i - 1);
      if (collective) return { name: collective.name };
      const body = bodyBefore(i);
      const person = body && personOfBody(body.first);
      if (body && person === undefined) return { name: body.name };
      // "regional governor Anna Kolb said", or "Petra Anselm, head of the district hospital, says".
      let last = person ?? i - 1;
      let role: string | undefined;
      if (person === undefined && !isName(last) && punctuatedBefore(sentence, i)) {
        // Between commas, a role is the words there, a place's name among them: "head of the
        // district hospital", "the governor of Donetsk region".
        let start = i - 1;
        while (start > 0 && i - start < longestAppositiveRole && !punctuatedBefore(sentence, start)) {
          count(meter);
          start--;
        }
        if (!isName(start) && punctuatedBefore(sentence, start) && isName(start - 1)) {
          role = roleWithoutArticle(start, i - 1);
          last = start - 1;
        }
      }
      // "Jan de Wit zei": a particle inside the name is the name's.
      const inNameBefore = (at: number) =>
        isPersonal(at) ||
        (at < last && lexicon.nameParticles.includes(words[at]?.text ?? '') && isPersonal(at - 1));
      let j = last;
      while (j >= 0 && inNameBefore(j)) {
        count(meter);
        j--;
      }
      if (j < last) {
        const first = j + 1;
        const roleFirst = roleStart(first);
        // "The head of the local hospital, Dr. Petra Anselm, said": a title alone says less than the role before its comma.
        const titleOnly =
          roleFirst === first - 1 && lexicon.abbreviations.includes((words[roleFirst] as Word).text);
        const before = roleFirst < first ? roleSpan(roleFirst, first - 1) : undefined;
        return voice(
          first,
          last,
          role ?? (titleOnly ? (roleBeforeComma(roleFirst) ?? before) : (before ?? roleBeforeComma(first))),
        );
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

/** A day of a month as written in a date ("3 February", "February 3"): its number, or undefined. */
function dayOf(word: Word | undefined): number | undefined {
  if (!word || !/^\d{1,2}$/.test(word.text)) return undefined;
  const day = Number(word.text);
  return day >= 1 && day <= 31 ? day : undefined;
}

/** A year as written in a date ("2022"), no later than the observed one: its number, or undefined. */
function yearOf(word: Word | undefined, observedStart: Date): number | undefined {
  if (!word || !/^\d{4}$/.test(word.text)) return undefined;
  const year = Number(word.text);
  return year >= 1900 && year <= observedStart.getUTCFullYear() ? year : undefined;
}

/** The year of the last such month up to the observed one: "since October", observed in March, is last year's. */
const lastYearOf = (month: number, observedStart: Date) =>
  observedStart.getUTCFullYear() - (month > observedStart.getUTCMonth() + 1 ? 1 : 0);

/**
 * "Gas was cut in October", "у жовтні": the month a cut began, as the date it has been cut
 * since, when the sentence says no "since" and no return. Read for a cut only: "killed in
 * October" is a count of that month, not a running total.
 */
function cutMonthOf(sentence: Sentence, reading: Reading, observed?: string) {
  const { lexicon, phrases, meter } = reading;
  // "In March power returned, but gas is still cut": the month may be the return's.
  const returns = anywhere(phrases.restored, sentence, meter) || anywhere(phrases.working, sentence, meter);
  if (!observed || returns) return undefined;
  const { words } = sentence;
  const months = lexicon.monthsAfterCutIn ?? lexicon.months;
  for (let i = 0; i < words.length - 1; i++) {
    count(meter);
    // "cut on 12 February", "op 12 februari afgesloten", "відключили 12 лютого": that day.
    const day = lexicon.cutOn.includes((words[i] as Word).text)
      ? cutDayOf(i + 1, sentence, reading, observed)
      : (phrases.cuts.endingBefore(sentence, i, meter) ||
          (lexicon.cutOn.length === 0 && !lexicon.fromTo.to.includes(words[i - 1]?.text ?? ''))) &&
        cutDayOf(i, sentence, reading, observed);
    if (day) return day;
    if (!lexicon.cutIn.includes((words[i] as Word).text)) continue;
    const hedge = phrases.monthHedges.startingAt(sentence, i + 1, meter);
    const at = i + 1 + (hedge?.length ?? 0);
    const month = entryOf(months, words[at]?.text);
    if (month === undefined) continue;
    const observedStart = periodStart(observed);
    const year = yearOf(words[at + 1], observedStart) ?? lastYearOf(month, observedStart);
    const qualifier: Qualifier = hedge ? 'approximately' : 'exact';
    return { date: `${year}-${String(month).padStart(2, '0')}`, qualifier };
  }
  return undefined;
}

/** The day of "12 February" or "February 12" from word `at`, with its year if written. */
function cutDayOf(at: number, { words }: Sentence, { lexicon }: Reading, observed: string) {
  const written = dateAt(at, words, lexicon, periodStart(observed), true);
  return written?.day === undefined ? undefined : { date: written.date, qualifier: 'exact' as const };
}

/**
 * "for almost two months", "al bijna twee maanden", "since early October", "since 3
 * February": since when, relative to `observed`. `dated`: the text names the month, not a
 * duration, which is what a running total's start is.
 */
function sinceOf(sentence: Sentence, numbers: readonly NumberFound[], reading: Reading, observed?: string) {
  if (!observed) return undefined;
  const { lexicon, phrases, meter } = reading;
  const { words } = sentence;
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k] as NumberFound;
    count(meter);
    const unit = entryOf(lexicon.units, words[n.last + 1]?.text);
    // A duration of more than a century is no reading of a cut that anyone reports.
    if (!unit || n.value > longestDuration[unit]) continue;
    const qualifier = hedgeBefore(sentence, n.first, reading) ?? 'exact';
    const date = partialOf(shift(periodStart(observed), unit, n.value), unit, observed);
    return { date, qualifier, words: [n.first, n.last + 1] as const, dated: false };
  }
  // "for a month", "for about a month", "al een maand", "вже місяць": one of the unit.
  for (let i = 1; i < words.length; i++) {
    count(meter);
    const unit = entryOf(lexicon.units, (words[i] as Word).text);
    if (!unit) continue;
    let at = i - 1;
    if (lexicon.oneOf.includes((words[at] as Word).text)) at--;
    const hedge = phrases.hedgesBefore.endingBefore(sentence, i, meter);
    if (hedge) at = i - hedge.length - 1;
    if (
      !lexicon.durationMarkers.includes(words[at]?.text ?? '') ||
      (at === i - 1 && lexicon.oneOf.length > 0)
    )
      continue;
    const date = partialOf(shift(periodStart(observed), unit, 1), unit, observed);
    return {
      date,
      qualifier: hedge?.value ?? ('exact' as Qualifier),
      words: [at, i] as const,
      dated: false,
    };
  }
  for (let i = 0; i < words.length && phrases.since.mayStandIn(sentence); i++) {
    const since = phrases.since.startingAt(sentence, i, meter);
    if (!since) continue;
    let j = i + since.length;
    const hedge = phrases.monthHedges.startingAt(sentence, j, meter);
    if (hedge) j += hedge.length;
    const observedStart = periodStart(observed);
    const qualifier: Qualifier = hedge ? 'approximately' : 'exact';
    // The day is read only where no hedge makes the date a month's.
    const written = dateAt(j, words, lexicon, observedStart, !hedge);
    if (!written) {
      // "since 2022", "since early 2023": a year alone, when it is no later than the observed one.
      const yearAlone = yearOf(words[j], observedStart);
      if (yearAlone === undefined) continue;
      return { date: String(yearAlone), qualifier, words: [i, j] as const, dated: true };
    }
    return { date: written.date, qualifier, words: [i, written.last] as const, dated: true };
  }
  return undefined;
}

/**
 * The date written from word `at`: "3 February", "February 3" (when `readDay`), or the month
 * alone, with the year written after it ("since 24 February 2022"), else the last such month
 * up to the observed one; `day` where one is written that the month has ("30 February" is
 * none, and the month stands alone); `last`, the date's last word.
 */
function dateAt(
  at: number,
  words: readonly Word[],
  { months }: Lexicon,
  observedStart: Date,
  readDay: boolean,
) {
  const dayFirst = readDay ? dayOf(words[at]) : undefined;
  const monthAt = dayFirst === undefined ? at : at + 1;
  const month = entryOf(months, words[monthAt]?.text);
  if (month === undefined) return undefined;
  const written = dayFirst ?? (readDay ? dayOf(words[monthAt + 1]) : undefined);
  const dayLast = dayFirst === undefined && written !== undefined ? monthAt + 1 : monthAt;
  const writtenYear = yearOf(words[dayLast + 1], observedStart);
  const year = writtenYear ?? lastYearOf(month, observedStart);
  const day =
    written !== undefined && written <= new Date(Date.UTC(year, month, 0)).getUTCDate() ? written : undefined;
  const monthDate = `${year}-${String(month).padStart(2, '0')}`;
  return {
    date: day === undefined ? monthDate : `${monthDate}-${String(day).padStart(2, '0')}`,
    day,
    last: writtenYear === undefined ? dayLast : dayLast + 1,
  };
}

/** Whether some phrase of `list` stands in words [from, to) of the sentence. */
function within(
  list: PhraseList<true>,
  sentence: Sentence,
  from: number,
  to: number,
  meter: WorkMeter | undefined,
) {
  if (!list.mayStandIn(sentence)) return false;
  for (let i = from; i < to; i++) if (list.startingAt(sentence, i, meter)) return true;
  return false;
}

/** Whether a semicolon stands between word `at` and the word before it. */
const semicolonBefore = (sentence: Sentence, at: number) => markBefore(sentence, at, ';');

/**
 * The parts of a sentence that each say their own: it is cut before each word that sets what
 * follows against what came before ("but", "maar", "але") and at each semicolon. As word
 * ranges [from, to), in order.
 */
function partsOf(sentence: Sentence, { phrases, meter }: Reading): [number, number][] {
  const { words } = sentence;
  const parts: [number, number][] = [];
  let from = 0;
  const contrasted = phrases.contrasts.mayStandIn(sentence);
  for (let i = 1; i < words.length; i++) {
    count(meter);
    const contrast = contrasted ? phrases.contrasts.startingAt(sentence, i, meter) : undefined;
    // "werkt maar een paar uur per dag": before a word of coming and going, "maar" is "only";
    // before "blackouts", which names a utility, it is "but".
    const only =
      contrast &&
      phrases.intermittent.startingAt(sentence, i + contrast.length, meter) &&
      !phrases.utilities.startingAt(sentence, i + contrast.length, meter);
    if ((contrast && !only) || semicolonBefore(sentence, i)) {
      parts.push([from, i]);
      from = i;
    }
  }
  parts.push([from, words.length]);
  return parts;
}

type UtilityState = 'available' | 'intermittent' | 'unavailable';

/** What a confidence's reason says of the word that gave a utility its state. */
const stateWords: Record<UtilityState, string> = {
  available: 'works',
  intermittent: 'comes and goes',
  unavailable: 'is cut',
};

/** How far after a cut, or a word that it works, a word of coming and going makes it come and go: "cut for a few hours every day", "available only intermittently". */
const comesAndGoesWithin = 4;
/** How far after a word of its return a cut makes it a cut again: "de stroom is weer uitgevallen". */
const cutAgainWithin = 2;
/** How far after "after" a cut or a negation is a past one: "after ten days without water". */
const pastWithin = 4;
/** How far after a word of coming and going a word that it works is read with it: "beperkt beschikbaar". */
const comesAndGoesWorkingWithin = 2;
/** How far into a clause, or after "and", the utility it is of may stand: ", and the water supply". */
const subjectWithin = 4;
/** How far after a cut a word that it has ended is read with it: "the water cut has now ended". */
const cutEndedWithin = 3;
/** How far after a negation a cut is the one it denies: "has not yet been cut off". */
const deniedCutWithin = 4;
/** How far after a negation a word that it works is the one it denies: "is still not available". */
const deniedWorkingWithin = 3;

/** A word of a utility's state, where it stands, and whether a negation made it ("not cut off", "no power"). */
interface StateWord {
  at: number;
  state: UtilityState;
  denied?: true;
}

/**
 * The words of a part that say a utility's state, in order: a phrase that says it works
 * ("still works"), a word of coming and going, a negation, a cut, a word of its return. A
 * negation followed closely by a cut denies it ("not cut off", "niet onderbroken"), and one
 * followed closely by a word that it works denies that ("not available"); a cut or a word that
 * it works followed closely by a word of coming and going says it comes and goes ("cut every
 * day"); a return followed closely by a cut is a cut again ("weer uitgevallen").
 */
function stateWordsOf(
  sentence: Sentence,
  [from, to]: [number, number],
  { lexicon, phrases, meter }: Reading,
) {
  const found: StateWord[] = [];
  /** Whether word `at` begins another clause or is "and". */
  const joinsAt = (at: number) =>
    markBefore(sentence, at, clauseEnds) || lexicon.conjunctions.includes(sentence.words[at]?.text ?? '');
  /**
   * Whether word `at` begins another clause, or what "and" joins, that names a utility of its
   * own: "Water is back, power is on for a few hours", "Газу немає і вода є".
   */
  const joinedAt = (at: number) =>
    joinsAt(at) &&
    anyWithin([at, at + subjectWithin], (k) => phrases.utilities.startingAt(sentence, k, meter));
  /** Whether an interruption or a utility is named within a few words from `at`: "daily blackouts". */
  const ownSubjectNear = (at: number) =>
    anyWithin(
      [at, at + subjectWithin],
      (k) =>
        phrases.interruptions.startingAt(sentence, k, meter) ??
        phrases.utilities.startingAt(sentence, k, meter),
    );
  // Up to a phrase that says it works, whose own words those are: "подають без перебоїв". Past
  // a comma or "and", what comes and goes with interruptions or a utility of its own is
  // theirs: "Water is available, scheduled outages continue", "Taps are running, and there are
  // daily blackouts"; not "Power is available, for a few hours a day".
  const comesAndGoesAfter = (at: number) => {
    let joined = false;
    for (let j = at; j < Math.min(to, at + comesAndGoesWithin); j++) {
      if (joinedAt(j)) return false;
      joined ||= joinsAt(j);
      if (phrases.working.startingAt(sentence, j, meter)) return false;
      if (phrases.intermittent.startingAt(sentence, j, meter)) return !(joined && ownSubjectNear(j));
    }
    return false;
  };
  /** Where the first phrase of `list` within `within` words from `at` (in the part) ends, if one stands there. */
  const endWithin = (list: PhraseList<true>, at: number, within: number) => {
    for (let j = at; j < Math.min(to, at + within); j++) {
      // Not past a comma, nor an "and" with a utility of its own: "no electricity, gas works",
      // "Газу немає і вода є" deny no working.
      if (markBefore(sentence, j, clauseEnds) || joinedAt(j)) return undefined;
      const found = list.startingAt(sentence, j, meter);
      if (found) return j + found.length;
    }
    return undefined;
  };
  const cutAfter = (at: number) => endWithin(phrases.cuts, at, cutAgainWithin) !== undefined;
  const negationAfter = (at: number) => endWithin(phrases.negations, at, cutAgainWithin) !== undefined;
  /** Whether a negation stands within a few words from `at`, in its clause: "werkt niet meer", "werkt nog steeds niet". */
  const negatedAfter = (at: number) => {
    for (let j = at; j < Math.min(to, at + cutAgainWithin); j++) {
      // "подають без перебоїв" works, "є не в усіх будинках" comes and goes: neither is a cut.
      if (
        markBefore(sentence, j, clauseEnds) ||
        joinedAt(j) ||
        phrases.working.startingAt(sentence, j, meter) ||
        phrases.intermittent.startingAt(sentence, j, meter)
      )
        return false;
      if (phrases.negations.startingAt(sentence, j, meter)) return true;
    }
    return false;
  };
  /** Whether word `at` ends its clause, or begins how long or what "and" adds: "немає вже тиждень". */
  const endsWhatItSays = (at: number) =>
    at === sentence.words.length ||
    joinsAt(at) ||
    lexicon.durationMarkers.includes(sentence.words[at]?.text ?? '') ||
    lexicon.since.includes(sentence.words[at]?.text ?? '');
  /** Where the phrase of the last word that makes a cut a past one ("after") ends. */
  let pastFrom: number | undefined;
  /**
   * Whether word `at` stands closely after such a word, in its clause, past a length of time
   * ("after ten days without"): "після обстрілу зникло світло" is a cut that holds.
   */
  const inPast = (at: number) => {
    if (pastFrom === undefined || at < pastFrom || at >= pastFrom + pastWithin) return false;
    let timed = false;
    for (let k = pastFrom; k <= at; k++) {
      if (markBefore(sentence, k, clauseEnds)) return false;
      timed ||= entryOf(lexicon.units, sentence.words[k]?.text) !== undefined;
    }
    return timed;
  };
  for (let i = from; i < to; i++) {
    const pastWord = phrases.pastAfter.startingAt(sentence, i, meter);
    if (pastWord) {
      pastFrom = i + pastWord.length;
      i += pastWord.length - 1;
      continue;
    }
    const working = phrases.working.startingAt(sentence, i, meter);
    // Of a word that it works and a cut that both start here, the longer is what is said: "working to restore".
    const longerCut = working && phrases.cuts.startingAt(sentence, i, meter);
    if (working && !(longerCut && longerCut.length > working.length)) {
      // "знову зникло", "back off again": a word that it works followed closely by a cut is a
      // cut, and so is one that a negation follows in its clause ("werkt niet meer").
      const state =
        cutAfter(i + working.length) || negatedAfter(i + working.length)
          ? 'unavailable'
          : comesAndGoesAfter(i + working.length)
            ? 'intermittent'
            : 'available';
      found.push({ at: i, state });
      i += working.length - 1;
      continue;
    }
    const comesAndGoes = phrases.intermittent.startingAt(sentence, i, meter);
    const cut = phrases.cuts.startingAt(sentence, i, meter);
    // "the water cut has ended", "outages are over": a cut that has ended is a utility that works.
    const stopped = comesAndGoes ?? cut;
    const over = stopped && endWithin(phrases.ended, i + stopped.length, cutEndedWithin);
    if (over !== undefined) {
      found.push({ at: i, state: 'available' });
      i = over - 1;
      continue;
    }
    // "Перебоїв із водою немає": interruptions that a negation ending what the clause says
    // denies are none; "Проблеми з водою не вирішено" denies something else.
    const none =
      stopped &&
      phrases.interruptions.startingAt(sentence, i, meter) &&
      endWithin(phrases.negations, i + stopped.length, deniedWorkingWithin);
    if (none && endsWhatItSays(none)) {
      found.push({ at: i, state: 'available', denied: true });
      i = none - 1;
      continue;
    }
    if (comesAndGoes) {
      // "beperkt beschikbaar", "intermittently available": the word that it works is read with it.
      const available = endWithin(phrases.working, i + comesAndGoes.length, comesAndGoesWorkingWithin);
      found.push({ at: i, state: 'intermittent' });
      i = (available ?? i + comesAndGoes.length) - 1;
      continue;
    }
    const negation = phrases.negations.startingAt(sentence, i, meter);
    // "back after ten days without water": that cut has ended, and says nothing of now.
    const ended = negation ?? cut;
    if (ended && inPast(i)) {
      i += ended.length - 1;
      continue;
    }
    if (negation) {
      // "has not been cut off", "niet afgesloten", "no power cuts": a cut denied is a utility that works.
      const denied =
        endWithin(phrases.cuts, i + negation.length, deniedCutWithin) ??
        endWithin(phrases.interruptions, i + negation.length, deniedCutWithin);
      if (denied !== undefined) {
        found.push({ at: i, state: 'available', denied: true });
        i = denied - 1;
        continue;
      }
      // "not available", "not restored", "niet hersteld": what it denies is read with it.
      const deniedWorking =
        endWithin(phrases.working, i + negation.length, deniedWorkingWithin) ??
        endWithin(phrases.restored, i + negation.length, deniedWorkingWithin);
      const negated = comesAndGoesAfter(i + negation.length) ? 'intermittent' : 'unavailable';
      found.push({ at: i, state: negated, denied: true });
      i = (deniedWorking ?? i + negation.length) - 1;
      continue;
    }
    if (cut) {
      // "trucked in twice a week": when the help comes, read with it, says nothing of the utility.
      const substitute = phrases.substitutes.startingAt(sentence, i, meter);
      const helpComes = substitute && endWithin(phrases.intermittent, i + cut.length, comesAndGoesWithin);
      if (helpComes) {
        found.push({ at: i, state: 'unavailable' });
        i = helpComes - 1;
        continue;
      }
      found.push({ at: i, state: comesAndGoesAfter(i + cut.length) ? 'intermittent' : 'unavailable' });
      // "went off again": a return right after a cut says it is cut once more.
      const again = markBefore(sentence, i + cut.length, clauseEnds)
        ? undefined
        : phrases.restored.startingAt(sentence, i + cut.length, meter);
      i += cut.length + (again?.length ?? 0) - 1;
      continue;
    }
    const restored = phrases.restored.startingAt(sentence, i, meter);
    // "weer uitgevallen", "weer geen stroom", "знову немає": a return followed closely by a cut
    // or a negation is a cut again; "returned to about half of the homes": a return to a part,
    // or one that comes and goes, is partial.
    if (restored) {
      const again = cutAfter(i + restored.length) || negationAfter(i + restored.length);
      const partial = !again && comesAndGoesAfter(i + restored.length);
      found.push({ at: i, state: again ? 'unavailable' : partial ? 'intermittent' : 'available' });
    }
  }
  return found;
}

/** How far into a sentence a pronoun may stand for the utility the sentence before named: "On Wednesday it returned". */
const pronounWithin = 3;

/** A utility a pronoun stands for, and the word where it stands. */
interface CarriedUtility {
  indicator: IndicatorId;
  at: number;
}

/** The one utility a sentence names, if it names exactly one: what "it" in the next may stand for. */
function onlyUtilityOf(sentence: Sentence, { phrases, meter }: Reading): IndicatorId | undefined {
  let only: IndicatorId | undefined;
  for (let i = 0; i < sentence.words.length && phrases.utilities.mayStandIn(sentence); i++) {
    const utility = phrases.utilities.startingAt(sentence, i, meter);
    if (!utility) continue;
    if (only !== undefined && only !== utility.value) return undefined;
    only = utility.value;
  }
  return only;
}

/**
 * "Power was cut on Monday. It was restored on Wednesday.": in a sentence that names no
 * utility, a pronoun near its start stands for the one utility the sentence before named.
 */
function carriedUtilityOf(
  sentence: Sentence,
  named: IndicatorId | undefined,
  { lexicon, phrases, meter }: Reading,
): CarriedUtility | undefined {
  if (named === undefined || phrases.utilities.mayStandIn(sentence)) return undefined;
  const { words } = sentence;
  for (let at = 0; at < Math.min(words.length, pronounWithin); at++) {
    count(meter);
    if (lexicon.utilityPronouns.includes((words[at] as Word).text)) return { indicator: named, at };
  }
  return undefined;
}

/** How far into a part that names no utility its state may open it: "but has since been restored". */
const subjectlessWithin = 4;

/**
 * The sentence's utilities and what it says of them. Each part of the sentence (partsOf)
 * says its own: a utility takes the state of the nearest word of state in its part, so that
 * "no electricity, but gas still works" never cuts the gas. A part that is a condition, a
 * forecast or a fear ("if the station is hit, water will be cut") states nothing, and
 * neither does a part about another town, or one that says both that something works and
 * that something is cut.
 */
function utilitiesOf(
  sentence: Sentence,
  inOtherTown: (at: { start: number; end: number }) => boolean,
  carried: CarriedUtility | undefined,
  reading: Reading,
) {
  const { phrases, meter } = reading;
  const { words } = sentence;
  const found: { indicator: IndicatorId; at: number; state: UtilityState; elliptic?: true }[] = [];
  if (!phrases.utilities.mayStandIn(sentence) && !carried) return found;
  const utilityAt = (i: number) =>
    carried?.at === i
      ? { value: carried.indicator, length: 1 }
      : phrases.utilities.startingAt(sentence, i, meter);
  /** Each utility of words [from, to) with the state nearest to it of `states`, those of its words. */
  const readPart = (
    [from, to]: readonly [number, number],
    states: readonly { at: number; state: UtilityState }[],
  ) => {
    // A part that says a utility is cut and that it comes and goes says it comes and goes:
    // "rolling blackouts leave homes without power for hours".
    const comesAndGoes = states.some((s) => s.state === 'intermittent');
    let next = 0;
    for (let i = from; i < to; i++) {
      const utility = utilityAt(i);
      if (!utility) continue;
      if (inOtherTown(words[i] as Word) || found.some((f) => f.indicator === utility.value)) {
        i += utility.length - 1;
        continue;
      }
      const elliptic = ellipsisAfter(sentence, i + utility.length, reading);
      if (elliptic) {
        // "Water is not back, power is", "… niet uitgevallen, het water wel": what was left out.
        const left = ellipticState(
          elliptic,
          statesSoFar.findLast((s) => s.at < i),
        );
        if (left) found.push({ indicator: utility.value, at: i, state: left, elliptic: true });
        i += utility.length - 1;
        continue;
      }
      // The states are in order: the nearest is the last one before the utility or the first after it.
      while (next < states.length && (states[next] as { at: number }).at < i) {
        count(meter);
        next++;
      }
      const before = states[next - 1];
      const after = states[next];
      const nearest =
        before && (!after || i - before.at <= after.at - (i + utility.length - 1)) ? before : after;
      if (nearest)
        found.push({ indicator: utility.value, at: i, state: comesAndGoes ? 'intermittent' : nearest.state });
      i += utility.length - 1;
    }
  };
  /** Whether words [from, to) name one utility, once or more. */
  const namesOneUtility = ([from, to]: readonly [number, number]) => {
    let named: IndicatorId | undefined;
    for (let i = from; i < to; i++) {
      const utility = utilityAt(i);
      if (!utility) continue;
      if (named !== undefined && named !== utility.value) return false;
      named = utility.value;
    }
    return named !== undefined;
  };
  /** The utilities named in words [from, to) that nothing gave a state, each once. */
  const statelessIn = (from: number, to: number) => {
    const named: { indicator: IndicatorId; at: number }[] = [];
    for (let i = from; i < to; i++) {
      const utility = utilityAt(i);
      if (!utility) continue;
      const known = (f: { indicator: IndicatorId }) => f.indicator === utility.value;
      if (!inOtherTown(words[i] as Word) && !found.some(known) && !named.some(known))
        named.push({ indicator: utility.value, at: i });
      i += utility.length - 1;
    }
    return named;
  };
  /** The state words of the parts read so far, the current one's included, in order. */
  const statesSoFar: StateWord[] = [];
  /** How many utilities were found before the part before, and where its last comma piece begins. */
  let foundBefore = 0;
  let lastPieceBefore = 0;
  for (const part of partsOf(sentence, reading)) {
    const [from, to] = part;
    // The utilities the part before gave a state in its last piece: "Power is rationed, and water was cut off".
    const subjects = found.slice(foundBefore).filter((f) => f.at >= lastPieceBefore);
    const pieceBefore = lastPieceBefore;
    foundBefore = found.length;
    if (within(phrases.conditions, sentence, from, to, meter)) {
      // "Газу немає, і невідомо, коли його повернуть": the pieces before the condition state theirs.
      const said = piecesBeforeCondition(sentence, part, reading);
      if (said) readPart(said, stateWordsOf(sentence, said, reading));
      continue;
    }
    const states = stateWordsOf(sentence, part, reading);
    statesSoFar.push(...states);
    lastPieceBefore = lastSaidOf(piecesOf(sentence, part, reading), states);
    if (states.length === 0 && !anyWithin(part, (at) => ellipsisAfter(sentence, at, reading))) continue;
    // "Water was cut off but is now restored", "Power, however, remains off": a part that
    // names no utility and opens with one state, not denied, says it of the utilities the last
    // piece of the part before named.
    const first = states[0];
    const stateless = subjects.length > 0 ? [] : statelessIn(pieceBefore, from);
    if (
      subjects.length + stateless.length > 0 &&
      first &&
      first.at - from <= subjectlessWithin &&
      states.every((s) => s.state === first.state && !s.denied) &&
      !anyWithin(part, utilityAt) &&
      // "Water is available; scheduled outages continue": interruptions are a subject of their own.
      !anyWithin(part, (k) => phrases.interruptions.startingAt(sentence, k, meter))
    ) {
      for (const subject of subjects) subject.state = first.state;
      for (const { indicator, at } of stateless) found.push({ indicator, at, state: first.state });
      continue;
    }
    if (states.every((s) => s.state === states[0]?.state)) {
      readPart(part, states);
      continue;
    }
    // A part that says two states is read a piece at a time where its commas or "and" part
    // them, each piece naming a utility and saying its state: "Світла немає, газ є", "no power,
    // no water, gas still works", "no gas, and water flows only at night", "gas was cut off
    // and water has returned".
    const pieces = listsJoined(piecesOf(sentence, part, reading), states, sentence, reading).map((piece) => ({
      piece,
      states: states.filter((s) => piece[0] <= s.at && s.at < piece[1]),
      named: anyWithin(piece, utilityAt),
    }));
    const parted = pieces.every((p) => p.named === p.states.length > 0 && !saysBoth(p.states));
    if (pieces.length > 1 && parted) for (const { piece, states } of pieces) readPart(piece, states);
    // Of one utility, a return said last ends the cuts said before it ("Water, cut on Monday,
    // returned on Friday"), and one to a part of the homes comes and goes ("40 procent van de
    // huizen heeft weer stroom").
    else if (returnsLast(states) && namesOneUtility(part))
      readPart(part, states.some((s) => s.state === 'intermittent') ? states : states.slice(-1));
    // Else one that says a utility works and one is cut is read no further, a state left out
    // being a person's to fill in where the opposite state would mislead them.
    else if (!saysBoth(states)) readPart(part, states);
  }
  return found;
}

/** What an elliptic clause does with the state said before it: see `Lexicon.elliptic`. */
type Ellipsis = 'affirms' | 'also' | 'denies';

/**
 * Whether word `at` ends an elliptic clause right before a comma or the end, and what it does
 * with what was left out ("…, power is", "…, water too", "…, water niet").
 */
function ellipsisAfter(sentence: Sentence, at: number, { lexicon }: Reading): Ellipsis | undefined {
  const { words } = sentence;
  const word = words[at]?.text ?? '';
  const ends = at + 1 === words.length || markBefore(sentence, at + 1, clauseEnds);
  if (!ends) return undefined;
  if (lexicon.elliptic.includes(word)) return 'affirms';
  if (lexicon.ellipticAlso.includes(word)) return 'also';
  return lexicon.ellipticDenied.includes(word) ? 'denies' : undefined;
}

const otherState: Partial<Record<UtilityState, UtilityState>> = {
  available: 'unavailable',
  unavailable: 'available',
};

/**
 * The state an elliptic clause leaves out, from the state said before it: the same, or what
 * that said before any negation ("not cut off" says a cut), affirmed or denied. None after a
 * state that comes and goes, nor with none before.
 */
function ellipticState(ellipsis: Ellipsis, before: StateWord | undefined): UtilityState | undefined {
  if (!before || before.state === 'intermittent') return undefined;
  if (ellipsis === 'also') return before.state;
  const said = before.denied ? otherState[before.state] : before.state;
  return ellipsis === 'affirms' ? said : said && otherState[said];
}

/**
 * Where the last of pieces begins, with those before it that say no state of their own:
 * "Power and water were cut off" is one thing said of both.
 */
function lastSaidOf(pieces: readonly [number, number][], states: readonly StateWord[]): number {
  let k = pieces.length - 1;
  const saysNothing = ([from, to]: readonly [number, number]) =>
    !states.some((s) => from <= s.at && s.at < to);
  while (k > 0 && saysNothing(pieces[k - 1] as [number, number])) k--;
  return (pieces[k] as [number, number])[0];
}

/** Whether the last of states says a utility works, and no negation made it so. */
const returnsLast = (states: readonly StateWord[]) => {
  const last = states.at(-1);
  return last !== undefined && last.state === 'available' && !last.denied;
};

/** Whether states say both that something works and that something does not work all the time. */
const saysBoth = (states: readonly { state: UtilityState }[]) =>
  states.some((s) => s.state === 'available') && states.some((s) => s.state !== 'available');

/** Whether `found` finds something at some word of [from, to). */
function anyWithin([from, to]: readonly [number, number], found: (at: number) => unknown): boolean {
  for (let i = from; i < to; i++) if (found(i)) return true;
  return false;
}

/**
 * The words of a part before the piece (cut at commas and "and") that holds a condition, when
 * that piece is not the first: a condition's own clause, and those after it, state nothing.
 */
function piecesBeforeCondition(
  sentence: Sentence,
  part: readonly [number, number],
  reading: Reading,
): [number, number] | undefined {
  const { phrases, meter } = reading;
  const pieces = piecesOf(sentence, part, reading);
  const conditional = pieces.findIndex(([from, to]) => within(phrases.conditions, sentence, from, to, meter));
  return conditional > 0 ? [part[0], (pieces[conditional] as [number, number])[0]] : undefined;
}

/**
 * Pieces with a piece that says no state joined to the one after it where that one begins
 * with "and": "Світло і газ відключені" says one thing of both.
 */
function listsJoined(
  pieces: readonly [number, number][],
  states: readonly StateWord[],
  { words }: Sentence,
  { lexicon }: Reading,
): [number, number][] {
  const joined: [number, number][] = [];
  let start: number | undefined;
  for (const [from, to] of pieces) {
    const saysNothing = !states.some((s) => from <= s.at && s.at < to);
    const andAfter = lexicon.conjunctions.includes(words[to]?.text ?? '');
    if (saysNothing && andAfter) {
      start ??= from;
      continue;
    }
    joined.push([start ?? from, to]);
    start = undefined;
  }
  if (start !== undefined) joined.push([start, (pieces.at(-1) as [number, number])[1]]);
  return joined;
}

/** Words [from, to) cut at each comma and before each "and", as word ranges in order. */
function piecesOf(
  sentence: Sentence,
  [from, to]: readonly [number, number],
  { lexicon }: Reading,
): [number, number][] {
  const pieces: [number, number][] = [];
  let start = from;
  for (let i = from + 1; i < to; i++) {
    const joined = lexicon.conjunctions.includes((sentence.words[i] as Word).text);
    if (!joined && !markBefore(sentence, i, ',')) continue;
    pieces.push([start, i]);
    start = i;
  }
  pieces.push([start, to]);
  return pieces;
}

/** How many words after a negated count's keyword a share may deny it instead: "не залишилось і половини". */
const sharesAfterWithin = 2;

/** "no civilians were killed": a count of 0, when a negation comes right before its keyword. */
function noneOf(sentence: Sentence, numbered: (at: number) => boolean, reading: Reading) {
  const { lexicon, phrases, meter } = reading;
  const { words } = sentence;
  const zeros: { indicator: IndicatorId; at: number }[] = [];
  for (let i = 0; i < words.length && phrases.negations.mayStandIn(sentence); i++) {
    const negation = phrases.negations.startingAt(sentence, i, meter);
    // "Водопостачання не постраждало": what a utility's clause denies is no count of people.
    if (
      !negation ||
      anyWithin([i - subjectWithin, i], (k) => phrases.utilities.startingAt(sentence, k, meter))
    )
      continue;
    for (let offset = 0; offset < 4; offset++) {
      const at = i + negation.length + offset;
      if (numbered(at) || lexicon.shares.includes(words[at]?.text ?? '')) break;
      const keyword = countKeywordAt(sentence, at, reading);
      if (!keyword || keyword.value === 'population_baseline') continue;
      // "Не залишилось і половини мешканців": a share after the keyword is what is denied.
      const end = at + keyword.length;
      if (!anyWithin([end, end + sharesAfterWithin], (k) => lexicon.shares.includes(words[k]?.text ?? '')))
        zeros.push({ indicator: keyword.value, at: i });
      break;
    }
  }
  return zeros;
}

/** How far into a sentence a locative opens it: "In Marsk, …", "Meanwhile in Marsk, …". */
const opensWithin = 1;

/** The most words between a locative and the name of a town: "in the nearby village of Marsk". */
const longestTownLead = 4;

/** How many first letters of a place's name say a word is that name in any case: "Бахм" in "у Бахмуті". */
const longestTownStem = 4;
const shortestTownStem = 3;

/** Whether a number or a word stands in a part about another town, and whether the sentence names one. */
interface OtherTowns {
  inOtherTown: (at: { start: number; end: number }) => boolean;
  named: boolean;
}

const inNoOtherTown: OtherTowns = { inOtherTown: () => false, named: false };

/**
 * Whether a number stands in a part of the sentence (between commas and semicolons) that
 * names a town other than the place's ("in Marsk"): its numbers are that town's, not the
 * place's. Asked of a sentence's numbers in order, or of its words in order, by a reader of its own.
 */
function otherTownsOf(
  sentence: Sentence,
  { lexicon, phrases, meter }: Reading,
  placeNames: readonly string[],
): OtherTowns {
  if (placeNames.length === 0) return inNoOtherTown;
  const { words, text } = sentence;
  // A name's first word without the endings a language declines ("Тихе" in "у Тихому Полі"):
  // all but its last two letters, from three to four of them.
  const stems = placeNames.map((name) => {
    const first = name.toLowerCase().split(/\s/u, 1)[0] ?? '';
    return first.slice(0, Math.min(longestTownStem, Math.max(shortestTownStem, first.length - 2)));
  });
  const isOurs = (word: string) => stems.some((stem) => word.startsWith(stem));
  // Where the sentence's commas and semicolons stand, found once, when a town is named.
  let separators: number[] | undefined;
  /** Where the part that opens with the town named at word `at` ends: at a contrast or a semicolon. */
  const openingEnd = (at: number) => {
    const after = (words[at] as Word).end;
    const semicolon = text.indexOf(';', after);
    const end = semicolon === -1 ? text.length : semicolon;
    if (!phrases.contrasts.mayStandIn(sentence)) return end;
    for (let k = at + 1; k < words.length && (words[k] as Word).start < end; k++) {
      count(meter);
      if (phrases.contrasts.startingAt(sentence, k, meter)) return (words[k] as Word).start;
    }
    return end;
  };
  let beforeWord = 0;
  let beforeEnd = 0;
  const parts: [number, number][] = [];
  /** Whether word `at` opens the sentence or a clause. */
  const opensClause = (at: number) => at <= opensWithin || markBefore(sentence, at, clauseEnds);
  for (let i = 0; i < words.length; i++) {
    count(meter);
    const word = words[i] as Word;
    // "across the region", "В області поранено 15 людей": a wider place is another place too.
    const wider =
      phrases.elsewhere.startingAt(sentence, i, meter) ??
      (opensClause(i) ? phrases.elsewhereOpening.startingAt(sentence, i, meter) : undefined);
    let j = i + (wider ? wider.length - 1 : 1);
    if (!wider) {
      if (!lexicon.locatives.includes(word.text)) continue;
      // "in nearby Marsk", "in the village of Marsk", "у сусідньому селі Марськ".
      while (j - i <= longestTownLead && lexicon.townLeads.includes(words[j]?.text ?? '')) j++;
      const named = words[j];
      if (!named) continue;
      // "in March" is no other town.
      const month = entryOf(lexicon.months, named.text) !== undefined;
      if (!startsWithCapital(text, named.start) || isOurs(named.text) || month) continue;
    }
    const next = words[j] as Word;
    if (!separators) {
      count(meter, text.length);
      // Not the comma inside a number: "10,000", "1,5 miljoen".
      separators = [...text.matchAll(/;|,(?!\d)/gu)].map((m) => m.index);
    }
    while (beforeWord < separators.length && (separators[beforeWord] as number) < word.start) beforeWord++;
    while (beforeEnd < separators.length && (separators[beforeEnd] as number) < next.end) beforeEnd++;
    const part: [number, number] = [separators[beforeWord - 1] ?? 0, separators[beforeEnd] ?? text.length];
    // "In Marsk, 20 civilians were killed": a sentence that opens with the town is the town's,
    // up to a contrast or a semicolon ("…, while in Lindgrove 3 died").
    if (i <= opensWithin) part[1] = openingEnd(j);
    // A part inside one before it adds nothing, and the parts' ends stay in order.
    if (part[1] > (parts[parts.length - 1]?.[1] ?? -1)) parts.push(part);
  }
  // The parts start in the order of the text, and so do their ends: of those begun before a
  // number, the last reaches furthest, and the numbers come in order too.
  let begun = 0;
  const inOtherTown = (n: { start: number; end: number }) => {
    while (begun < parts.length && (parts[begun] as [number, number])[0] <= n.start) begun++;
    const last = parts[begun - 1];
    return last !== undefined && n.end <= last[1];
  };
  return { inOtherTown, named: parts.length > 0 };
}

/** How many words after the part, or before the whole, the word "of" may stand: "4,000 of the town's 25,000". */
const outOfWithin = 3;
/** How many words may stand between the part and the whole: "4,000 of the town's pre-war 25,000". */
const partToWholeWithin = 8;

/**
 * "About 4,000 of the town's 25,000 residents remain", "van de ruim 20.000 inwoners zijn er
 * nog 3.500", "залишилося 5 тисяч мешканців із 30 тисяч": in a sentence that says people
 * remain, the number after "of" (or the one it stands before) is the whole, the town's people
 * before, and the other the part that remains. Each keeps its own hedge.
 */
function partAndWhole(
  n: NumberFound,
  next: NumberFound | undefined,
  sentence: Sentence,
  reading: Reading,
): { remaining: NumberFound; whole: NumberFound } | undefined {
  if (!next) return undefined;
  if (
    next.first - n.last <= partToWholeWithin &&
    outOfIn(n.last + 1, Math.min(next.first, n.last + 1 + outOfWithin), sentence, reading)
  )
    return { remaining: n, whole: next };
  if (outOfIn(n.first - outOfWithin, n.first, sentence, reading)) return { remaining: next, whole: n };
  return undefined;
}

/** Whether "of" ("van", "із") is one of words [from, to). */
function outOfIn(from: number, to: number, { words }: Sentence, { lexicon, meter }: Reading): boolean {
  for (let i = Math.max(from, 0); i < to; i++) {
    count(meter);
    if (lexicon.outOf.includes((words[i] as Word).text)) return true;
  }
  return false;
}

/**
 * "Most of the 25,000 residents have fled", "van de 40.000 bewoners is niemand meer over": a
 * whole with no part beside it, the town's people before, after "of" and right before the
 * word for all who live there.
 */
function isWholeAlone(n: NumberFound, sentence: Sentence, reading: Reading): boolean {
  const { lexicon, phrases, meter } = reading;
  const { words } = sentence;
  if (!lexicon.residents.includes(words[n.last + 1]?.text ?? '')) return false;
  for (let at = n.first - 1; at >= Math.max(n.first - outOfWithin, 0); at--) {
    count(meter);
    if (!lexicon.outOf.includes((words[at] as Word).text)) continue;
    // "claimed the lives of five residents": of a count, they are the ones it counts.
    const counted = phrases.counts.endingBefore(sentence, at, meter);
    return !counted || counted.value === 'population_baseline';
  }
  return false;
}

/** The most words a hedge between "to" and what a count became may have: "to fewer than 2,000". */
const longestChangeHedge = 2;

/**
 * "rose from 12 to 15", "fallen from 40,000 to about 2,000", "van 40.000 naar 2.000", "з 40 до 2
 * тисяч": whether a number and the next say what a count was and what it became, the next
 * right after "to" or after "to" and a hedge. Of people who live in a place, the first is the
 * whole they were and the next what remains; of any other count, the next is the count.
 */
function isChange(n: NumberFound, next: NumberFound, { words }: Sentence, { lexicon }: Reading): boolean {
  const { from, to } = lexicon.fromTo;
  return (
    words[n.first - 1]?.text === from &&
    to.includes(words[n.last + 1]?.text ?? '') &&
    next.first <= n.last + 2 + longestChangeHedge
  );
}

/** Whether some word of the sentence names the people who live in a place ("population", "inwoners"). */
function namesPopulation({ words }: Sentence, { lexicon, meter }: Reading): boolean {
  for (const word of words) {
    count(meter);
    if (lexicon.populationWords.includes(word.text)) return true;
  }
  return false;
}

/** The counts that are of civilians only. */
const civilianCounts: readonly IndicatorId[] = ['civilian_deaths', 'civilian_injuries'];
/** How many words after a number a word may say whom it counts: "two Ukrainian soldiers", "3 remain missing". */
const whomWithin = 3;

/**
 * Whether a word of `list` stands in the few words right after a number, saying whom it
 * counts: no civilians ("12 soldiers were killed"), or the missing ("3 vermisten").
 */
function namesWithin(
  list: readonly string[],
  n: NumberFound,
  { words }: Sentence,
  meter: WorkMeter | undefined,
) {
  for (let at = n.last + 1; at <= n.last + whomWithin && at < words.length; at++) {
    count(meter);
    if (list.includes((words[at] as Word).text)) return true;
  }
  return false;
}

/** Whether some word of the sentence says people remain: where a part and its whole are read. */
function saysPeopleRemain(sentence: Sentence, { phrases, meter }: Reading): boolean {
  if (!phrases.counts.mayStandIn(sentence)) return false;
  for (let i = 0; i < sentence.words.length; i++)
    if (phrases.counts.startingAt(sentence, i, meter)?.value === 'population_remaining') return true;
  return false;
}

/**
 * What in a sentence makes its reading less sure, when something does: a negation, a
 * contrast, a condition or another town. A figure read from such a sentence is never of the
 * highest confidence.
 */
function cautionOf(
  sentence: Sentence,
  otherTowns: OtherTowns,
  { phrases, meter }: Reading,
): string | undefined {
  if (anywhere(phrases.negations, sentence, meter)) return 'a negation';
  if (anywhere(phrases.contrasts, sentence, meter)) return 'a contrast';
  if (anywhere(phrases.conditions, sentence, meter)) return 'a condition';
  if (otherTowns.named) return 'another town';
  return undefined;
}

/**
 * The basis a sentence gives its counts: a running total ("in total", "since early
 * November") or a count of a period ("in the past day"), when it says.
 */
function basisOf(
  sentence: Sentence,
  since: ReturnType<typeof sinceOf>,
  { phrases, meter }: Reading,
): { basis: CountBasis; since?: { date: string; qualifier: Qualifier } } | undefined {
  if (anywhere(phrases.periodCount, sentence, meter)) return { basis: 'period' };
  if (since?.dated) return { basis: 'total', since: { date: since.date, qualifier: since.qualifier } };
  if (anywhere(phrases.runningTotal, sentence, meter)) return { basis: 'total' };
  return undefined;
}

const orEmpty = (part: unknown) => (part === undefined ? '' : String(part));

/**
 * What a figure states, as one string: two figures that state the same are one. Joined with
 * `+`, and a field left out as nothing: a draft looks each figure up by it, and the shorter,
 * flatter string is the quicker to hash.
 */
function statementOf(figure: DraftCandidate['figure']): string {
  const f = figure as Partial<Record<string, unknown>> & { since?: { date: string; qualifier: string } };
  return (
    orEmpty(f.indicator) +
    '|' +
    orEmpty(f.state) +
    '|' +
    orEmpty(f.value) +
    '|' +
    orEmpty(f.high) +
    '|' +
    orEmpty(f.qualifier) +
    '|' +
    orEmpty(f.basis) +
    '|' +
    orEmpty(f.since?.date) +
    '|' +
    orEmpty(f.since?.qualifier)
  );
}

/** What a draft holds so far: its candidates, what they state, and how many were left out. */
interface Drafted {
  candidates: DraftCandidate[];
  /** The figures drafted so far, as what they state: a text that repeats one gives it once. */
  stated: Set<string>;
  /**
   * Each utility's state as the text last gives it, and what it states: "Water was cut on
   * Monday. On Friday, water was restored." is water that works, so a later state of a utility
   * replaces an earlier one, which is left out at the end.
   */
  utilityStates: Map<IndicatorId, { candidate: DraftCandidate; statement: string }>;
  replaced: Set<DraftCandidate>;
  /** The one utility the sentence before named, or one of its pronouns stood for. */
  named: IndicatorId | undefined;
  /** The voice a sentence before named last: who "she said" is. */
  voice: DraftCandidate['voice'];
  /** The candidates of the sentence before: "Dat meldt burgemeester Jan de Wit." gives them their voice. */
  ofSentenceBefore: DraftCandidate[];
  omitted: number;
}

/**
 * "Er zijn 12 doden gevallen. Dat meldt burgemeester Jan de Wit.": the voice of the sentence
 * after, for the figures of the one before that have none. A figure with a voice is no longer
 * the plainest reading, so one of the highest confidence comes down a level.
 */
function giveVoice(candidates: readonly DraftCandidate[], voice: NonNullable<DraftCandidate['voice']>) {
  for (const candidate of candidates) {
    if (candidate.voice) continue;
    candidate.voice = voice;
    const { level, reason } = candidate.confidence;
    candidate.confidence = {
      level: level === 'high' ? 'medium' : level,
      reason: `${reason}, its voice in the sentence after`,
    };
  }
}

/** The figures one sentence states, added to `drafted`. */
function draftSentence(
  sentence: Sentence,
  observed: string | undefined,
  placeNames: readonly string[],
  reading: Reading,
  drafted: Drafted,
): void {
  const { lexicon, phrases, meter } = reading;
  const { words } = sentence;
  const carried = carriedUtilityOf(sentence, drafted.named, reading);
  drafted.named = carried ? carried.indicator : onlyUtilityOf(sentence, reading);
  // Read before the sentence is found to state nothing: a later one may say "she said".
  const voice = voiceOf(sentence, drafted.voice, reading);
  if (voice) drafted.voice = voice;
  const before = drafted.ofSentenceBefore;
  drafted.ofSentenceBefore = [];
  if (voice && phrases.speechOfSentenceBefore.startingAt(sentence, 0, meter)) giveVoice(before, voice);
  // Every figure is read from a word of a count, a utility (or a pronoun for one), or the
  // people of a place who went "from 40,000 to 2,000": a sentence with none of them states no
  // figure, and most sentences of a text are such.
  if (
    !phrases.counts.mayStandIn(sentence) &&
    !phrases.utilities.mayStandIn(sentence) &&
    !carried &&
    !namesPopulation(sentence, reading)
  )
    return;
  const numbers = numbersIn(sentence.text, words, lexicon, meter);
  const isPunctuated = punctuationOf(words, meter);
  const since = sinceOf(sentence, numbers, reading, observed);
  const otherTowns = otherTownsOf(sentence, reading, placeNames);
  const caution = cautionOf(sentence, otherTowns, reading);
  const counted = basisOf(sentence, since, reading);
  let quote: ReturnType<typeof quoteOf> | undefined;
  const add = (
    figure: DraftCandidate['figure'],
    level: 'high' | 'medium' | 'low',
    reasonOf: () => string,
  ) => {
    // Past the most a draft holds, what is found is counted, repeats and all.
    if (drafted.candidates.length - drafted.replaced.size === mostDraftCandidates) {
      drafted.omitted++;
      return;
    }
    const statement = statementOf(figure);
    const earlier = 'state' in figure ? drafted.utilityStates.get(figure.indicator) : undefined;
    if (earlier ? earlier.statement === statement : drafted.stated.has(statement)) return;
    drafted.stated.add(statement);
    const capped = level === 'high' && caution ? 'medium' : level;
    const reason = reasonOf();
    quote ??= quoteOf(sentence);
    const candidate: DraftCandidate = {
      figure: { ...figure, quote: quote.text },
      quote,
      ...(voice ? { voice } : {}),
      confidence: { level: capped, reason: caution ? `${reason}, in a sentence with ${caution}` : reason },
    };
    drafted.candidates.push(candidate);
    drafted.ofSentenceBefore.push(candidate);
    if (!('state' in figure)) return;
    if (earlier) drafted.replaced.add(earlier.candidate);
    drafted.utilityStates.set(figure.indicator, { candidate, statement });
  };
  // For each number, by its place: whether it stands in another town's part (asked once, in
  // order, as that reader asks to be, and only when the sentence names one), and whether it
  // is a count.
  const inOtherTown: boolean[] = [];
  if (otherTowns.named) for (const n of numbers) inOtherTown.push(otherTowns.inOtherTown(n));
  const isCountAt = (k: number, partOrWhole = false) => {
    const n = numbers[k] as NumberFound;
    return (
      !(since && since.words[0] <= n.first && n.last <= since.words[1]) &&
      !isNotCount(n, sentence, reading, isPunctuated, partOrWhole) &&
      n.value <= largestCount &&
      inOtherTown[k] !== true
    );
  };
  const counts: boolean[] = [];
  for (let k = 0; k < numbers.length; k++) counts.push(isCountAt(k));
  // Only a count bounds the words read for another's keyword: "40 civilians, including eight children, were killed".
  const numbered = numberedWords(numbers, counts, words.length, meter);
  /** A count's basis and start, where the sentence gives one and its indicator takes it. */
  const basisFor = (indicator: IndicatorId) =>
    counted && basesOf(indicator)?.allowed.includes('period') ? counted : {};
  const utilities = otherTownsOf(sentence, reading, placeNames).inOtherTown;
  // A cut is dated by "since", or else by the month it began in: "cut in October".
  const cutStart =
    phrases.utilities.mayStandIn(sentence) || carried
      ? since
        ? { date: since.date, qualifier: since.qualifier }
        : cutMonthOf(sentence, reading, observed)
      : undefined;
  for (const utility of utilitiesOf(sentence, utilities, carried, reading)) {
    const cutSince = utility.state === 'unavailable' && cutStart ? { since: cutStart } : {};
    add(
      { indicator: utility.indicator, state: utility.state, ...cutSince } as DraftCandidate['figure'],
      'medium',
      () =>
        `"${words[utility.at]?.text}"${carried?.at === utility.at ? `, for the ${utility.indicator} the sentence before names,` : ''} ${utility.elliptic ? `in a clause that leaves its state to the one before: it ${stateWords[utility.state]}` : `with a word that it ${stateWords[utility.state]} in its part of the sentence`}`,
    );
  }
  for (const zero of noneOf(sentence, numbered, reading)) {
    add(
      {
        indicator: zero.indicator,
        value: 0,
        qualifier: 'exact',
        ...basisFor(zero.indicator),
      } as DraftCandidate['figure'],
      'medium',
      () => 'a negation before the count',
    );
  }
  const remains = numbers.length > 1 && saysPeopleRemain(sentence, reading);
  /** Whether the sentence names the people who live there, found the first time it is asked. */
  let population: boolean | undefined;
  /** A number's hedge: before it, after its last word, or an estimate heading its clause. */
  const hedgeOf = (n: NumberFound) =>
    hedgeBefore(sentence, n.first, reading) ??
    hedgeAfter(sentence, n.last, reading) ??
    estimateBefore(sentence, n.first, reading);
  /** The hedge of what a count became ("to about 2,000"); the "to" itself ("до") hedges nothing. */
  const hedgeAfterTo = (n: NumberFound): Qualifier =>
    lexicon.fromTo.to.includes(words[n.first - 1]?.text ?? '') ? 'exact' : (hedgeOf(n) ?? 'exact');
  /** The count before, and what it counts: what a number joined to it by "and" may count too. */
  let previousCount: { indicator: IndicatorId; at: NumberFound } | undefined;
  for (let k = 0; k < numbers.length; k++) {
    count(meter);
    const n = numbers[k] as NumberFound;
    const next = numbers[k + 1];
    const change =
      next !== undefined &&
      isChange(n, next, sentence, reading) &&
      isCountAt(k, true) &&
      isCountAt(k + 1, true);
    // Of the people who live there, "from X to Y" is a part and its whole.
    let fromTo = false;
    if (change) {
      population ??= namesPopulation(sentence, reading);
      fromTo = population;
    }
    const pair =
      fromTo && next
        ? { remaining: next, whole: n }
        : remains && next && isCountAt(k, true) && isCountAt(k + 1, true)
          ? partAndWhole(n, next, sentence, reading)
          : undefined;
    if (pair) {
      const read = [
        ['population_remaining', pair.remaining],
        ['population_baseline', pair.whole],
      ] as const;
      // In the order the text gives them.
      for (const [indicator, figure] of [...read].sort(([, a], [, b]) => a.start - b.start)) {
        add(
          {
            indicator,
            value: figure.value,
            // "з 40 до 2 тисяч": the "to" before what remains is no hedge.
            qualifier:
              fromTo && figure === pair.remaining ? hedgeAfterTo(figure) : (hedgeOf(figure) ?? 'exact'),
          } as DraftCandidate['figure'],
          'medium',
          () =>
            `"${sentence.text.slice(figure.start, figure.end)}" as ${figure === pair.whole ? 'the whole' : 'the part that remains'} in "${sentence.text.slice(Math.min(pair.remaining.start, pair.whole.start), Math.max(pair.remaining.end, pair.whole.end))}"`,
        );
      }
      k++;
      continue;
    }
    if (isCountAt(k, true) && isWholeAlone(n, sentence, reading)) {
      add(
        { indicator: 'population_baseline', value: n.value, qualifier: hedgeOf(n) ?? 'exact' },
        'medium',
        () =>
          `"${sentence.text.slice(n.start, n.end)}" as the whole of the "${words[n.last + 1]?.text}", after a word "of"`,
      );
      continue;
    }
    if (!counts[k]) continue;
    const range = !change && next !== undefined && isRange(n, next, words, lexicon);
    // A range, and a count's change ("from 12 to 15"), are read as one number, from its first
    // word to its last.
    const span = (range || change) && next ? { ...n, last: next.last } : n;
    const found =
      countIndicatorOf(span, numbered, sentence, reading) ??
      sharedCountOf(span, previousCount, sentence, reading);
    previousCount = found && { indicator: found.indicator, at: span };
    if (
      !found ||
      (civilianCounts.includes(found.indicator) &&
        namesWithin(lexicon.notCivilians, span, sentence, meter)) ||
      (found.indicator === 'population_remaining' &&
        namesWithin(lexicon.someOfThem, span, sentence, meter)) ||
      namesWithin(lexicon.missing, span, sentence, meter)
    )
      continue;
    // A range keeps both bounds: its hedge, if any, hedges both ("about 40 to 60").
    const hedged = hedgeOf(span);
    const high = range && next.value;
    const bounds =
      change && next
        ? { qualifier: hedgeAfterTo(next) }
        : high && high > n.value
          ? { high, qualifier: hedged === 'approximately' ? hedged : ('exact' as const) }
          : { qualifier: hedged ?? ('exact' as const) };
    if (range || change) k++;
    // What a count became is the count.
    const stated = change && next ? next : n;
    // High only for the plainest reading: the sentence's one number, in digits, its keyword
    // right after it, and nothing else said of it (no voice, basis or date to read).
    const plain = numbers.length === 1 && !voice && !counted && !since;
    const level =
      found.after && found.distance <= 2 && !n.inWords && plain ? 'high' : found.after ? 'medium' : 'low';
    add(
      {
        indicator: found.indicator,
        value: stated.value,
        ...bounds,
        ...basisFor(found.indicator),
      } as DraftCandidate['figure'],
      level,
      () =>
        'with' in found
          ? `"${sentence.text.slice(stated.start, stated.end)}" with "${sentence.text.slice(found.with.start, found.with.end)}" before it, a count of ${found.indicator}`
          : `"${sentence.text.slice(stated.start, stated.end)}" ${found.after ? 'before' : 'after'} a word of ${found.indicator}, ${found.distance} word${found.distance === 1 ? '' : 's'} away`,
    );
  }
}

/**
 * "Загинули двоє військових і троє цивільних": a number of civilians with no word of its own,
 * right after another count, its noun and "and", counts what that one counts.
 */
function sharedCountOf(
  n: NumberFound,
  previous: { indicator: IndicatorId; at: NumberFound } | undefined,
  { words }: Sentence,
  { lexicon }: Reading,
) {
  if (!previous || n.first !== previous.at.last + 3) return undefined;
  if (!lexicon.conjunctions.includes(words[n.first - 1]?.text ?? '')) return undefined;
  // Only of civilians: "12 killed and 3 missing" counts no dead.
  if (!lexicon.civilians.includes(words[n.last + 1]?.text ?? '')) return undefined;
  return { indicator: previous.indicator, distance: 3, after: false, with: previous.at } as const;
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
  const drafted: Drafted = {
    candidates: [],
    stated: new Set(),
    utilityStates: new Map(),
    replaced: new Set(),
    named: undefined,
    voice: undefined,
    ofSentenceBefore: [],
    omitted: 0,
  };
  for (const sentence of sentencesOf(input.text, reading))
    draftSentence(sentence, input.observed, placeNames, reading, drafted);
  const { replaced, omitted } = drafted;
  const candidates =
    replaced.size === 0 ? drafted.candidates : drafted.candidates.filter((c) => !replaced.has(c));
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
