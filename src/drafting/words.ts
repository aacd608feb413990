// Text as the extractor reads it: words with their offsets, and numbers as the language
// writes them, in digits ("80.000", "80,000", "80 000", "1,5 miljoen") or in words ("two
// thousand", "tweehonderd", "тисяча"). Pure.

import type { Lexicon } from './lexicon.ts';

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

/** The words of a text; an apostrophe inside a word ("zo'n", "п’ять") belongs to it. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  // A full stop after a word ends the sentence or an abbreviation ("ca.", "blz."): the lexicon
  // writes abbreviations without it.
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|%|№/gu)) {
    const raw = match[0];
    words.push({ text: raw.toLowerCase(), start: match.index, end: match.index + raw.length });
  }
  return words;
}

/** A lexicon phrase as its words, each a whole word or a stem: split once, as phrases are few. */
const phraseParts = new Map<string, { text: string; stem: boolean }[]>();

function partsOfPhrase(phrase: string) {
  let parts = phraseParts.get(phrase);
  if (!parts) {
    parts = phrase
      .split(' ')
      .map((part) =>
        part.endsWith('*') ? { text: part.slice(0, -1), stem: true } : { text: part, stem: false },
      );
    phraseParts.set(phrase, parts);
  }
  return parts;
}

/** How many words from `at` on are `phrase` (several words, or a stem with "*"); 0 when they are not. */
export function phraseAt(words: readonly Word[], at: number, phrase: string): number {
  const parts = partsOfPhrase(phrase);
  for (let i = 0; i < parts.length; i++) {
    const word = words[at + i]?.text;
    const part = parts[i] as { text: string; stem: boolean };
    if (word === undefined || !(part.stem ? word.startsWith(part.text) : word === part.text)) return 0;
  }
  return parts.length;
}

// A number stands alone: digits inside a word ("LogKa11") or a date ("2022-11", "6/11") are not one.
const digitPattern =
  /(?<![\p{L}\p{N}.,/-])(\d{1,3}(?:(?:[.,]|[ \u00a0\u202f])\d{3})+|\d+)(?:([.,])(\d+))?(?![\p{L}\p{N}]|[.,/-]\d)/gu;

/** A number in digits: groups of three after a mark or a space are thousands; other digits after the decimal mark are decimals. */
function digitValue(whole: string, mark: string | undefined, fraction: string | undefined, lexicon: Lexicon) {
  const integer = Number(whole.replace(/[.,\s\u00a0\u202f]/g, ''));
  if (mark === undefined || fraction === undefined) return integer;
  if (mark !== lexicon.decimalMark && fraction.length === 3) return Number(`${integer}${fraction}`);
  return Number(`${integer}.${fraction}`);
}

/** A lexicon's number words, scales and joiners, longest first: made once per lexicon. */
const partLists = new WeakMap<
  Lexicon,
  { known: Record<string, number>; parts: string[]; firstLetters: Set<string> }
>();

function partListOf(lexicon: Lexicon) {
  let list = partLists.get(lexicon);
  if (!list) {
    const known = { ...lexicon.numberWords, ...lexicon.scales };
    const parts = [...Object.keys(known), ...lexicon.numberJoiners].sort((a, b) => b.length - a.length);
    list = { known, parts, firstLetters: new Set(parts.map((part) => part.charAt(0))) };
    partLists.set(lexicon, list);
  }
  return list;
}

/** Splits a number word into known parts ("tweeëntwintig" → twee, ën, twintig), or undefined. */
function partsOf(word: string, lexicon: Lexicon): number[] | undefined {
  if (word === '') return [];
  const { known, parts } = partListOf(lexicon);
  for (const part of parts) {
    if (!word.startsWith(part)) continue;
    const rest = partsOf(word.slice(part.length), lexicon);
    if (rest === undefined) continue;
    const value = known[part];
    return value === undefined ? rest : [value, ...rest];
  }
  return undefined;
}

/** The value of number parts in order: scales multiply what comes before them. */
function valueOfParts(parts: readonly number[], lexicon: Lexicon): number {
  const scales = new Set(Object.values(lexicon.scales));
  let total = 0;
  let current = 0;
  for (const part of parts) {
    if (scales.has(part) && part >= 100) {
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
function numberWord(word: Word | undefined, lexicon: Lexicon): number[] | undefined {
  if (!word || /\d/.test(word.text) || !partListOf(lexicon).firstLetters.has(word.text.charAt(0)))
    return undefined;
  const parts = partsOf(word.text, lexicon);
  return parts && parts.length > 0 ? parts : undefined;
}

/** Every number in the text, in order, with the words it spans. */
export function numbersIn(text: string, words: readonly Word[], lexicon: Lexicon): NumberFound[] {
  const found: NumberFound[] = [];
  const wordAt = (offset: number) => words.findIndex((w) => w.start <= offset && offset < w.end);
  for (const match of text.matchAll(digitPattern)) {
    const [all, whole = '', mark, fraction] = match;
    const first = wordAt(match.index);
    let last = wordAt(match.index + all.length - 1);
    let value = digitValue(whole, mark, fraction, lexicon);
    const scale = lexicon.scales[words[last + 1]?.text ?? ''];
    if (scale !== undefined && scale >= 1000) {
      value *= scale;
      last += 1;
    }
    const end = words[last]?.end ?? match.index + all.length;
    found.push({ value: Math.round(value), start: match.index, end, first, last, inWords: false });
  }
  for (let i = 0; i < words.length; i++) {
    if (found.some((n) => n.first <= i && i <= n.last)) continue;
    const parts: number[] = [];
    let j = i;
    for (let next = numberWord(words[j], lexicon); next; next = numberWord(words[j], lexicon)) {
      parts.push(...next);
      j++;
      if (lexicon.numberJoiners.includes(words[j]?.text ?? '') && numberWord(words[j + 1], lexicon)) j++;
    }
    if (parts.length === 0) continue;
    const only = j === i + 1 ? words[i]?.text : undefined;
    if (only !== undefined && lexicon.notAlone.includes(only)) continue;
    const start = words[i]?.start ?? 0;
    const end = words[j - 1]?.end ?? start;
    found.push({ value: valueOfParts(parts, lexicon), start, end, first: i, last: j - 1, inWords: true });
    i = j - 1;
  }
  return found.sort((a, b) => a.start - b.start);
}
