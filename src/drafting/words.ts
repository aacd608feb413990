// Text as the extractor reads it: words with their offsets, and numbers as the language
// writes them, in digits ("80.000", "80,000", "80 000", "1,5 miljoen") or in words ("two
// thousand", "tweehonderd", "тисяча"). Pure.

import type { Lexicon } from './lexicon.ts';
import { count, type WorkMeter } from './work.ts';

export interface Word {
  /** Lower case, as the lexicon is written. */
  text: string;
  start: number;
  end: number;
}

export interface NumberFound {
  value: number;
  start: number;
  end: number;
  /** Index of the first and last word it spans. */
  first: number;
  last: number;
  inWords: boolean;
}

const letterOrNumber = /[\p{L}\p{N}]/u;

/** For each UTF-16 unit of the BMP: 0 not yet asked, 1 a letter or a number, 2 neither. */
const kindsInBmp = new Uint8Array(0x10000);

/** How many UTF-16 units the letter or number at `at` takes (2 outside the BMP), or 0 if there is none. */
function letterOrNumberAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 0xd800 || unit > 0xdfff) {
    let kind = kindsInBmp[unit] as number;
    if (kind === 0) {
      kind = letterOrNumber.test(String.fromCharCode(unit)) ? 1 : 2;
      kindsInBmp[unit] = kind;
    }
    return kind === 1 ? 1 : 0;
  }
  const point = text.codePointAt(at) as number;
  return point > 0xffff && letterOrNumber.test(String.fromCodePoint(point)) ? 2 : 0;
}

const isJoiner = (unit: number) => unit === 0x27 || unit === 0x2019 || unit === 0x2e || unit === 0x2d;
const isWordOfItsOwn = (unit: number) => unit === 0x25 || unit === 0x2116;

/**
 * The words of a text: letters and numbers, joined inside a word by an apostrophe ("zo'n",
 * "п’ять"), a hyphen or a full stop ("12.000"), and "%" and "№" each a word. A full stop after
 * a word ends the sentence or an abbreviation ("ca.", "blz."): the lexicon writes
 * abbreviations without it. What /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|%|№/gu matches, read
 * by hand: a text has tens of thousands of words, and a match of a regular expression makes
 * an array each, which was a fifth of a draft's time.
 */
export function wordsOf(text: string, meter?: WorkMeter): Word[] {
  const words: Word[] = [];
  let at = 0;
  while (at < text.length) {
    let step = letterOrNumberAt(text, at);
    if (step === 0) {
      if (isWordOfItsOwn(text.charCodeAt(at))) {
        count(meter);
        words.push({ text: text.charAt(at), start: at, end: at + 1 });
      }
      at++;
      continue;
    }
    count(meter);
    const start = at;
    do {
      at += step;
      step = letterOrNumberAt(text, at);
      // A joiner joins only when a letter or a number follows it.
      if (step === 0 && isJoiner(text.charCodeAt(at))) {
        const after = letterOrNumberAt(text, at + 1);
        if (after > 0) step = 1 + after;
      }
    } while (step > 0);
    words.push({ text: text.slice(start, at).toLowerCase(), start, end: at });
  }
  return words;
}

// A number stands alone: digits inside a word ("LogKa11", "10-year-old", "64-річна") or a date
// ("2022-11", "6/11") are not one.
// Digits in groups of three and plain digits are captured apart: only the first need their
// marks taken out.
const digitPattern =
  /(?<![\p{L}\p{N}.,/-])(?:(\d{1,3}(?:(?:[.,]|[ \u00a0\u202f])\d{3})+)|(\d+))(?:([.,])(\d+))?(?![\p{L}\p{N}]|[.,/-]\d|-\p{L})/gu;

/** A number in digits: groups of three after a mark or a space are thousands; other digits after the decimal mark are decimals. */
function digitValue(match: RegExpExecArray, lexicon: Lexicon) {
  const [, grouped, plain = '', mark, fraction] = match;
  const integer = Number(grouped === undefined ? plain : grouped.replace(/[.,\s\u00a0\u202f]/g, ''));
  if (mark === undefined || fraction === undefined) return integer;
  if (mark !== lexicon.decimalMark && fraction.length === 3) return Number(`${integer}${fraction}`);
  return Number(`${integer}.${fraction}`);
}

/**
 * What reading numbers takes of a lexicon, made once per lexicon: its number words and scales
 * with their values, its scales by word, its number words, scales and joiners longest first
 * by the code of their first letter (a word is read from the parts its next letter can
 * start), and the values of its scales.
 */
interface PartList {
  known: Record<string, number>;
  scales: Map<string, number>;
  partsByFirstLetter: Map<number, string[]>;
  scaleValues: Set<number>;
}

const partLists = new WeakMap<Lexicon, PartList>();

function partListOf(lexicon: Lexicon): PartList {
  let list = partLists.get(lexicon);
  if (!list) {
    const known = { ...lexicon.numberWords, ...lexicon.scales };
    const parts = [...Object.keys(known), ...lexicon.numberJoiners].sort((a, b) => b.length - a.length);
    const partsByFirstLetter = new Map<number, string[]>();
    for (const part of parts) {
      const letter = part.charCodeAt(0);
      partsByFirstLetter.set(letter, [...(partsByFirstLetter.get(letter) ?? []), part]);
    }
    const scales = new Map(Object.entries(lexicon.scales));
    list = { known, scales, partsByFirstLetter, scaleValues: new Set(scales.values()) };
    partLists.set(lexicon, list);
  }
  return list;
}

/**
 * Splits a number word into known parts ("tweeëntwintig" → twee, ën, twintig), or undefined:
 * the first split found trying the parts longest first, from the start of the word on. A
 * place in the word from which no split is found is remembered, so that each is tried once:
 * "achttien" splits two ways (acht-tien), and trying every split of a word of many of them
 * again at each would take twice as long for every one more.
 */
function partsOf(word: string, { known, partsByFirstLetter }: PartList, meter: WorkMeter | undefined) {
  // Made at the first dead end: most words are no number word, and fail at their first letter.
  let deadEnd: Uint8Array | undefined;
  // The split so far: each part taken, where it starts, and which of that place's parts it is.
  const taken: { at: number; choice: number; part: string }[] = [];
  let at = 0;
  let from = 0;
  while (at < word.length) {
    const parts = partsByFirstLetter.get(word.charCodeAt(at)) ?? [];
    let choice = from;
    while (choice < parts.length) {
      count(meter);
      const part = parts[choice] as string;
      if (word.startsWith(part, at) && !deadEnd?.[at + part.length]) break;
      choice++;
    }
    const part = parts[choice];
    if (part !== undefined) {
      taken.push({ at, choice, part });
      at += part.length;
      from = 0;
    } else {
      const last = taken.pop();
      if (!last) return undefined;
      deadEnd ??= new Uint8Array(word.length + 1);
      deadEnd[at] = 1;
      at = last.at;
      from = last.choice + 1;
    }
  }
  const values: number[] = [];
  for (const { part } of taken) {
    const value = known[part];
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** The value of number parts in order: scales multiply what comes before them. */
function valueOfParts(parts: readonly number[], { scaleValues }: PartList): number {
  let total = 0;
  let current = 0;
  for (const part of parts) {
    if (scaleValues.has(part) && part >= 100) {
      current = (current || 1) * part;
      if (part >= 1000) {
        total += current;
        current = 0;
      }
    } else {
      current += part;
    }
  }
  return total + current;
}

/** The word's parts if it is a number word the lexicon knows. */
function numberWord(word: Word | undefined, partList: PartList, meter: WorkMeter | undefined) {
  if (!word || !partList.partsByFirstLetter.has(word.text.charCodeAt(0))) return undefined;
  count(meter, word.text.length);
  if (/\d/.test(word.text)) return undefined;
  const parts = partsOf(word.text, partList, meter);
  return parts && parts.length > 0 ? parts : undefined;
}

/**
 * Every number in the text, in order, with the words it spans. Matches and words both come in
 * the order of the text, so each match's words are found walking the words once.
 */
export function numbersIn(
  text: string,
  words: readonly Word[],
  lexicon: Lexicon,
  meter?: WorkMeter,
): NumberFound[] {
  const inDigits: NumberFound[] = [];
  let walked = 0;
  const wordAt = (offset: number) => {
    while (walked < words.length && (words[walked] as Word).end <= offset) {
      count(meter);
      walked++;
    }
    return walked < words.length && (words[walked] as Word).start <= offset ? walked : -1;
  };
  const partList = partListOf(lexicon);
  digitPattern.lastIndex = 0;
  for (let match = digitPattern.exec(text); match; match = digitPattern.exec(text)) {
    count(meter);
    const matchEnd = match.index + match[0].length;
    const first = wordAt(match.index);
    let last = wordAt(matchEnd - 1);
    let value = digitValue(match, lexicon);
    const scale = partList.scales.get(words[last + 1]?.text ?? '');
    if (scale !== undefined && scale >= 1000) {
      value *= scale;
      last += 1;
    }
    const end = words[last]?.end ?? matchEnd;
    inDigits.push({ value: Math.round(value), start: match.index, end, first, last, inWords: false });
  }
  const inDigitsAt: boolean[] = [];
  for (let i = 0; i < words.length && inDigits.length > 0; i++) inDigitsAt.push(false);
  for (let k = 0; k < inDigits.length; k++) {
    const n = inDigits[k] as NumberFound;
    count(meter, n.last - n.first + 1);
    for (let i = Math.max(n.first, 0); i <= n.last; i++) inDigitsAt[i] = true;
  }
  const inWords: NumberFound[] = [];
  for (let i = 0; i < words.length; i++) {
    count(meter);
    if (i < inDigitsAt.length && inDigitsAt[i]) continue;
    const firstParts = numberWord(words[i], partList, meter);
    if (!firstParts) continue;
    const parts: number[] = [];
    let j = i;
    for (let next: number[] | undefined = firstParts; next; next = numberWord(words[j], partList, meter)) {
      for (const part of next) parts.push(part);
      j++;
      if (lexicon.numberJoiners.includes(words[j]?.text ?? '') && numberWord(words[j + 1], partList, meter))
        j++;
    }
    const only = j === i + 1 ? words[i]?.text : undefined;
    if (only !== undefined && lexicon.notAlone.includes(only)) continue;
    const start = words[i]?.start ?? 0;
    const end = words[j - 1]?.end ?? start;
    inWords.push({ value: valueOfParts(parts, partList), start, end, first: i, last: j - 1, inWords: true });
    i = j - 1;
  }
  return inOrder(inDigits, inWords);
}

/** Two lists of numbers, each in the order of the text, as one: a merge, not a sort. */
function inOrder(inDigits: NumberFound[], inWords: NumberFound[]): NumberFound[] {
  if (inWords.length === 0) return inDigits;
  if (inDigits.length === 0) return inWords;
  const all: NumberFound[] = [];
  let d = 0;
  let w = 0;
  while (d < inDigits.length || w < inWords.length) {
    const digits = inDigits[d];
    const written = inWords[w];
    if (digits && (!written || digits.start <= written.start)) {
      all.push(digits);
      d++;
    } else if (written) {
      all.push(written);
      w++;
    }
  }
  return all;
}
