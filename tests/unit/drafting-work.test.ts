// The drafting extractor's work grows with the length of its text and no faster: counted in
// steps (src/drafting/work.ts), not timed, so that the bound holds on any machine, and a
// quadratic pass fails it however fast the machine is. bench/drafting.mjs times the same
// adversarial texts against the CPU target.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftLanguages } from '../../src/domain/languages.ts';
import { draftFromText } from '../../src/drafting/extract.ts';
import { type Lexicon, lexicons } from '../../src/drafting/lexicon.ts';
import type { WorkMeter } from '../../src/drafting/work.ts';
import { adversarialTextOf, adversarialTexts } from '../fixtures/drafting-adversarial.ts';

/**
 * The most steps a character may cost. Every pass over a sentence looks at each word, or each
 * number, once, and at a bounded number of words around it (at most 6 on either side of a
 * number, for a count's keyword), and the lexicon is looked up by a bit set on the word: so a
 * word costs a bounded number of steps, and a word is at least one character. The texts that
 * cost the most found so far cost about 8 steps a character ("1" on each line: a sentence of
 * one number each, every pass begun for each); 20 leaves room for the lexicon to grow. The
 * extractor before this bound cost 2,200 to 12,500 steps a character at 20,000 characters on
 * repeated numbers, negations before numbers, comma lists and ranges, 60,000 on numbers in
 * one word, and, on Dutch number words run together, twice as many for every 8 letters more.
 */
const stepsPerCharacter = 20;
/** Steps any text costs, however short: a sentence and its passes. */
const fixedSteps = 100;

const characters = (text: string) => Array.from(text).length;

function stepsOf(text: string, language: (typeof draftLanguages)[number], placeNames: readonly string[]) {
  const meter: WorkMeter = { steps: 0 };
  draftFromText({ text, language, observed: '2024-03' }, placeNames, meter);
  return meter.steps;
}

const bound = (text: string) => stepsPerCharacter * characters(text) + fixedSteps;

describe('the work of a draft', () => {
  it.each(adversarialTexts)('stays within the bound a character on $name ($language)', (adversarial) => {
    const text = adversarialTextOf(adversarial, 20_000);
    expect(stepsOf(text, adversarial.language, adversarial.placeNames)).toBeLessThanOrEqual(bound(text));
  });

  /** Every word and phrase a lexicon reads by, stems written out with an ending. */
  const wordsOfLexicon = (lexicon: Lexicon) =>
    [
      ...Object.keys(lexicon.numberWords),
      ...Object.keys(lexicon.scales),
      ...lexicon.numberJoiners,
      ...lexicon.hedgesBefore.map((h) => h.words),
      ...lexicon.hedgesAfter.map((h) => h.words),
      ...lexicon.ranges.flatMap((r) => [r.before ?? '', r.between]),
      ...lexicon.counts.flatMap((c) => c.keywords),
      ...lexicon.utilities.flatMap((u) => u.keywords),
      ...lexicon.negations,
      ...lexicon.intermittent,
      ...lexicon.restored,
      ...lexicon.durationMarkers,
      ...Object.keys(lexicon.units),
      ...lexicon.since,
      ...Object.keys(lexicon.months),
      ...lexicon.monthHedges,
      ...lexicon.notCountAfter,
      ...lexicon.notCountBefore,
      ...lexicon.speechAfterName,
      ...lexicon.speechBeforeName,
      ...lexicon.nameParticles,
      ...lexicon.locatives,
      ...lexicon.collectiveVoices.flatMap((v) => v.words),
      ...lexicon.cuts,
      ...lexicon.working,
      ...lexicon.contrasts,
      ...lexicon.conditions,
      ...lexicon.pastAfter,
      ...lexicon.runningTotal,
      ...lexicon.periodCount,
      ...lexicon.notCivilians,
      ...lexicon.missing,
      ...lexicon.outOf,
      ...lexicon.populationWords,
      ...lexicon.fromTo.to,
      lexicon.fromTo.from,
      ...lexicon.cutIn,
      ...Object.keys(lexicon.monthsAfterCutIn ?? {}),
      ...lexicon.speechByPronoun,
      ...lexicon.speechOfSentenceBefore,
      ...lexicon.utilityPronouns,
      ...lexicon.among,
      ...lexicon.conjunctions,
      ...lexicon.civilians,
      ...lexicon.townLeads,
      ...lexicon.bodies,
      ...lexicon.residents,
      ...lexicon.shares,
      ...lexicon.ended,
      ...lexicon.interruptions,
      ...lexicon.relatives,
      ...lexicon.someOfThem,
      ...lexicon.estimates,
      ...lexicon.manyWords,
      ...lexicon.elsewhere,
      ...lexicon.elsewhereOpening,
      ...lexicon.substitutes,
    ]
      .filter((word) => word !== '')
      .map((word) => word.replace(/\*$/, 'en'));
  // SYNTHETIC: numbers as each language writes them, names in both scripts, marks, and
  // characters outside the BMP (a letter, a digit and an emoji of two UTF-16 units each).
  const elsewhere = [
    ...['1', '12', '2022', '80.000', '80,000', '1,5', '1.5', '80 000', '1 000 000', '12.000.000'],
    ...['Anna', 'Smith', 'Marsk', 'Lindgrove', 'Олена', 'Коваль', 'Бахмут', 'Zelenyi Hai'],
    ...['%', '№', '-', "'", '’', '…', '(', ')'],
    ...['𝐀', '𝟏', '😀'],
  ];
  const tokenOf = (language: (typeof draftLanguages)[number]) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...wordsOfLexicon(lexicons[language])) },
      { weight: 2, arbitrary: fc.constantFrom(...elsewhere) },
      // Mixed scripts: the words of the other languages' lexicons.
      {
        weight: 1,
        arbitrary: fc.constantFrom(...draftLanguages.flatMap((l) => wordsOfLexicon(lexicons[l]))),
      },
    );
  const glue = fc.constantFrom(' ', ' ', ' ', '', ', ', '; ', '. ', '.', '\n', '-', "'");
  /** A short piece written over and over, to about `length` characters: what multiplies a quadratic pass. */
  const repeated = (language: (typeof draftLanguages)[number]) =>
    fc
      .record({
        piece: fc.array(fc.tuple(tokenOf(language), glue), { minLength: 1, maxLength: 8 }),
        length: fc.integer({ min: 1, max: 20_000 }),
      })
      .map(({ piece, length }) => {
        const written = piece.map(([token, after]) => `${token}${after}`).join('');
        return written.repeat(Math.max(1, Math.floor(length / Math.max(1, written.length))));
      });
  /** Words in any order, as long as a few thousand of them. */
  const mixed = (language: (typeof draftLanguages)[number]) =>
    fc
      .array(fc.tuple(tokenOf(language), glue), { maxLength: 3000 })
      .map((tokens) => tokens.map(([token, after]) => `${token}${after}`).join(''));

  it('stays within the bound a character on any text of the words each language reads', () => {
    const input = fc.constantFrom(...draftLanguages).chain((language) =>
      fc.record({
        language: fc.constant(language),
        text: fc.oneof(repeated(language), mixed(language)),
        placeNames: fc.subarray(['Lindgrove', 'Westerbrug', 'Зелений Гай']),
      }),
    );
    fc.assert(
      fc.property(input, ({ language, text, placeNames }) => {
        expect(stepsOf(text, language, placeNames)).toBeLessThanOrEqual(bound(text));
      }),
      { numRuns: 300 },
    );
  });
});
