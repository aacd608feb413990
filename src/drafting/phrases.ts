// The lexicon's phrase lists, as the extractor looks them up: which phrase of a list stands
// at a word of a sentence, or ends right before it. The extractor asks this a dozen times at
// every word of a text, and most words start no phrase, so each word is first marked once
// with the lists whose phrases may start or end with it (a bit each), and a list is looked up
// only where its bit is set: by the word its phrases start or end with (a stem by its first
// letter), so that a look-up costs the same however long the list is. Pure.

import type { IndicatorId } from '../domain/indicators.ts';
import type { Qualifier } from '../domain/model.ts';
import type { Lexicon } from './lexicon.ts';
import type { Word } from './words.ts';
import { count, type WorkMeter } from './work.ts';

/** A word of a phrase: a whole word, or a stem ("gewond*") that takes any ending. */
interface Part {
  text: string;
  stem: boolean;
}

interface Entry<T> {
  parts: readonly Part[];
  /** Its place in the lexicon's list: of two phrases found at a word, the first listed is the one. */
  order: number;
  value: T;
}

export interface PhraseFound<T> {
  value: T;
  /** How many words it spans. */
  length: number;
}

/** Entries by the word they are found by: whole words by the word, stems by their first letter's code. */
interface Index<T> {
  words: Map<string, Entry<T>[]>;
  stems: Map<number, Entry<T>[]>;
}

const partsOf = (phrase: string): Part[] =>
  phrase
    .split(' ')
    .map((part) =>
      part.endsWith('*') ? { text: part.slice(0, -1), stem: true } : { text: part, stem: false },
    );

function indexBy<T>(entries: readonly Entry<T>[], partOf: (entry: Entry<T>) => Part): Index<T> {
  const index: Index<T> = { words: new Map(), stems: new Map() };
  for (const entry of entries) {
    const { text, stem } = partOf(entry);
    if (stem) index.stems.set(text.charCodeAt(0), [...(index.stems.get(text.charCodeAt(0)) ?? []), entry]);
    else index.words.set(text, [...(index.words.get(text) ?? []), entry]);
  }
  return index;
}

/** Whether `entry`'s words stand in `words` from `start` on. */
function stands<T>(entry: Entry<T>, words: readonly Word[], start: number, meter: WorkMeter | undefined) {
  count(meter);
  if (start < 0) return false;
  for (let i = 0; i < entry.parts.length; i++) {
    const word = words[start + i]?.text;
    const part = entry.parts[i] as Part;
    if (word === undefined || !(part.stem ? word.startsWith(part.text) : word === part.text)) return false;
  }
  return true;
}

const noEntries: readonly never[] = [];

/** A sentence's words, each marked with the lists that have a phrase starting or ending with it. */
export interface MarkedWords {
  words: readonly Word[];
  /** For each word, the bits of the lists that have a phrase starting with it. */
  starts: readonly number[];
  /** For each word, the bits of the lists that have a phrase ending with it. */
  ends: readonly number[];
  /** The bits of the lists that have a phrase starting with some word: a pass for any other finds nothing. */
  anyStarts: number;
}

const marksAt = (marks: readonly number[], at: number) =>
  at >= 0 && at < marks.length ? (marks[at] as number) : 0;

export class PhraseList<T> {
  /** Its bit in a word's marks. */
  readonly bit: number;
  readonly entries: readonly Entry<T>[];
  readonly #byFirstWord: Index<T>;
  readonly #byLastWord: Index<T>;

  constructor(phrases: readonly (readonly [phrase: string, value: T])[], bit: number) {
    this.bit = bit;
    this.entries = phrases.map(([phrase, value], order) => ({ parts: partsOf(phrase), order, value }));
    this.#byFirstWord = indexBy(this.entries, (entry) => entry.parts[0] as Part);
    this.#byLastWord = indexBy(this.entries, (entry) => entry.parts.at(-1) as Part);
  }

  /** Whether a phrase of the list may stand in the words: when not, no word need be looked at. */
  mayStandIn({ anyStarts }: MarkedWords): boolean {
    return (anyStarts & this.bit) !== 0;
  }

  /** The first phrase listed whose words stand from word `at` on. */
  startingAt({ words, starts }: MarkedWords, at: number, meter?: WorkMeter): PhraseFound<T> | undefined {
    count(meter);
    if (!(marksAt(starts, at) & this.bit)) return undefined;
    return this.#first(this.#byFirstWord, words, at, false, meter);
  }

  /** The first phrase listed whose words end right before word `at`. */
  endingBefore({ words, ends }: MarkedWords, at: number, meter?: WorkMeter): PhraseFound<T> | undefined {
    count(meter);
    if (!(marksAt(ends, at - 1) & this.bit)) return undefined;
    return this.#first(this.#byLastWord, words, at, true, meter);
  }

  /**
   * The phrase listed first of those that stand from word `at` on (or, `ending`, that end
   * right before it), found by that word in `index`. The index keeps the lexicon's order, so
   * each of its lists is searched only to its first match.
   */
  #first(
    index: Index<T>,
    words: readonly Word[],
    at: number,
    ending: boolean,
    meter: WorkMeter | undefined,
  ): PhraseFound<T> | undefined {
    const word = (words[ending ? at - 1 : at] as Word).text;
    const startOf = (entry: Entry<T>) => (ending ? at - entry.parts.length : at);
    let found: Entry<T> | undefined;
    for (const entry of index.words.get(word) ?? noEntries) {
      if (stands(entry, words, startOf(entry), meter)) {
        found = entry;
        break;
      }
    }
    for (const entry of index.stems.get(word.charCodeAt(0)) ?? noEntries) {
      if (found && entry.order > found.order) break;
      if (stands(entry, words, startOf(entry), meter)) {
        found = entry;
        break;
      }
    }
    return found && { value: found.value, length: found.parts.length };
  }
}

/** The bits of the lists whose phrases start or end with a word or a stem. */
interface Bits {
  starts: number;
  ends: number;
}

/** Marks words with the bits of the lists whose phrases start or end with them. */
class Marker {
  readonly #words = new Map<string, Bits>();
  readonly #stems = new Map<number, (Bits & { stem: string })[]>();

  constructor(lists: readonly PhraseList<unknown>[]) {
    for (const list of lists) {
      for (const { parts } of list.entries) {
        this.#add(parts[0] as Part, { starts: list.bit, ends: 0 });
        this.#add(parts.at(-1) as Part, { starts: 0, ends: list.bit });
      }
    }
  }

  #add({ text, stem }: Part, bits: Bits) {
    if (stem) {
      const code = text.charCodeAt(0);
      this.#stems.set(code, [...(this.#stems.get(code) ?? []), { stem: text, ...bits }]);
    } else {
      const known = this.#words.get(text) ?? { starts: 0, ends: 0 };
      this.#words.set(text, { starts: known.starts | bits.starts, ends: known.ends | bits.ends });
    }
  }

  mark(words: readonly Word[], meter: WorkMeter | undefined): MarkedWords {
    // Arrays, not typed arrays: a sentence may be a few words, and a typed array costs more to make.
    const starts = new Array<number>(words.length);
    const ends = new Array<number>(words.length);
    let anyStarts = 0;
    for (let i = 0; i < words.length; i++) {
      count(meter);
      const { text } = words[i] as Word;
      const whole = this.#words.get(text);
      let start = whole?.starts ?? 0;
      let end = whole?.ends ?? 0;
      for (const stem of this.#stems.get(text.charCodeAt(0)) ?? noEntries) {
        count(meter);
        if (text.startsWith(stem.stem)) {
          start |= stem.starts;
          end |= stem.ends;
        }
      }
      starts[i] = start;
      ends[i] = end;
      anyStarts |= start;
    }
    return { words, starts, ends, anyStarts };
  }
}

/** Every phrase list of a lexicon, indexed, and how a sentence's words are marked for them. */
export interface LexiconPhrases {
  hedgesBefore: PhraseList<Qualifier>;
  hedgesAfter: PhraseList<Qualifier>;
  estimates: PhraseList<true>;
  counts: PhraseList<IndicatorId>;
  utilities: PhraseList<IndicatorId>;
  negations: PhraseList<true>;
  cuts: PhraseList<true>;
  substitutes: PhraseList<true>;
  intermittent: PhraseList<true>;
  restored: PhraseList<true>;
  ended: PhraseList<true>;
  interruptions: PhraseList<true>;
  working: PhraseList<true>;
  contrasts: PhraseList<true>;
  conditions: PhraseList<true>;
  pastAfter: PhraseList<true>;
  runningTotal: PhraseList<true>;
  periodCount: PhraseList<true>;
  since: PhraseList<true>;
  monthHedges: PhraseList<true>;
  notCountBefore: PhraseList<true>;
  speechAfterName: PhraseList<true>;
  speechBeforeName: PhraseList<true>;
  speechByPronoun: PhraseList<true>;
  speechOfSentenceBefore: PhraseList<true>;
  elsewhere: PhraseList<true>;
  elsewhereOpening: PhraseList<true>;
  mark: (words: readonly Word[], meter: WorkMeter | undefined) => MarkedWords;
}

const indexed = new WeakMap<Lexicon, LexiconPhrases>();

/** The lexicon's phrase lists, indexed the first time they are asked for. */
export function phrasesOf(lexicon: Lexicon): LexiconPhrases {
  let phrases = indexed.get(lexicon);
  if (!phrases) {
    let bit = 1;
    const list = <T>(phrases: readonly (readonly [string, T])[]) => {
      const made = new PhraseList(phrases, bit);
      bit <<= 1;
      return made;
    };
    const byIndicator = (lists: Lexicon['counts']) =>
      list(lists.flatMap(({ indicator, keywords }) => keywords.map((k) => [k, indicator] as const)));
    const plain = (words: readonly string[]) => list(words.map((w) => [w, true] as const));
    const lists = {
      hedgesBefore: list(lexicon.hedgesBefore.map((h) => [h.words, h.qualifier] as const)),
      hedgesAfter: list(lexicon.hedgesAfter.map((h) => [h.words, h.qualifier] as const)),
      estimates: plain(lexicon.estimates),
      counts: byIndicator(lexicon.counts),
      utilities: byIndicator(lexicon.utilities),
      negations: plain(lexicon.negations),
      cuts: plain([...lexicon.cuts, ...lexicon.substitutes]),
      substitutes: plain(lexicon.substitutes),
      intermittent: plain(lexicon.intermittent),
      restored: plain(lexicon.restored),
      ended: plain(lexicon.ended),
      interruptions: plain(lexicon.interruptions),
      working: plain(lexicon.working),
      contrasts: plain(lexicon.contrasts),
      conditions: plain(lexicon.conditions),
      pastAfter: plain(lexicon.pastAfter),
      runningTotal: plain(lexicon.runningTotal),
      periodCount: plain(lexicon.periodCount),
      since: plain(lexicon.since),
      monthHedges: plain(lexicon.monthHedges),
      notCountBefore: plain(lexicon.notCountBefore),
      speechAfterName: plain(lexicon.speechAfterName),
      speechBeforeName: plain(lexicon.speechBeforeName),
      speechByPronoun: plain(lexicon.speechByPronoun),
      speechOfSentenceBefore: plain(lexicon.speechOfSentenceBefore),
      elsewhere: plain(lexicon.elsewhere),
      elsewhereOpening: plain(lexicon.elsewhereOpening),
    };
    const marker = new Marker(Object.values(lists));
    phrases = { ...lists, mark: (words, meter) => marker.mark(words, meter) };
    indexed.set(lexicon, phrases);
  }
  return phrases;
}
