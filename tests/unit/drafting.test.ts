// Drafts from source text (src/drafting/): the seed article gives exactly the figures
// DESIGN.md reads in it, numbers are read as each language writes them, and every candidate
// quotes its text verbatim and is a figure the report schema takes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import article from '../../seeds/sources/000_6889800fbbf13951.txt?raw';
import { reportInput } from '../../src/domain/model.ts';
import { type DraftInput, draftFromText } from '../../src/drafting/extract.ts';
import { lexicons } from '../../src/drafting/lexicon.ts';
import { mostDraftCandidates } from '../../src/drafting/limits.ts';
import { numbersIn, wordsOf } from '../../src/drafting/words.ts';
import { corpus } from '../fixtures/drafting-corpus.ts';

const withoutQuote = ({ figure, voice }: ReturnType<typeof draftFromText>['candidates'][number]) => {
  const { quote: _quote, ...rest } = figure;
  return { ...rest, ...(voice ? { voice: voice.name } : {}) };
};

describe('a range in the text', () => {
  it('is drafted as a range, both bounds kept, in every language', () => {
    const drafted = (text: string, language: DraftInput['language']) =>
      draftFromText({ text, language, observed: '2024-03' }, []).candidates.map(withoutQuote);
    // SYNTHETIC sentences.
    expect(drafted('Between 40 and 60 civilians were killed.', 'en')).toEqual([
      { indicator: 'civilian_deaths', value: 40, high: 60, qualifier: 'exact' },
    ]);
    expect(drafted('Er zijn ongeveer 100 tot 150 gewonden.', 'nl')).toEqual([
      { indicator: 'civilian_injuries', value: 100, high: 150, qualifier: 'approximately' },
    ]);
  });
});

describe('how sure a reading is', () => {
  const levels = (text: string, language: DraftInput['language'], places: string[] = []) =>
    draftFromText({ text, language, observed: '2024-03' }, places).candidates.map((c) => [
      c.figure.indicator,
      c.confidence.level,
    ]);

  it('is high only for the plainest reading: one number in digits, its keyword right after it', () => {
    // SYNTHETIC sentences.
    expect(levels('12 civilians killed in the shelling.', 'en')).toEqual([['civilian_deaths', 'high']]);
    expect(levels('Twelve civilians killed in the shelling.', 'en')).toEqual([['civilian_deaths', 'medium']]);
    expect(levels('Officials say 12 civilians killed.', 'en')).toEqual([['civilian_deaths', 'medium']]);
  });

  it('is never high in a sentence with a negation, a contrast, a condition or another town', () => {
    // SYNTHETIC sentences, each the plainest reading but for the one thing that makes it less sure.
    const cases: [string, DraftInput['language'], string[]][] = [
      ['12 civilians were killed, not 20.', 'en', []],
      ['12 civilians were killed, but the bridge stands.', 'en', []],
      ['12 civilians were killed and more will die if the siege lasts.', 'en', []],
      ['12 civilians were killed, and in Marsk the market burned.', 'en', ['Lindgrove']],
      ['12 burgers zijn gedood, maar de brug staat nog.', 'nl', []],
      ['12 цивільних загинули, але міст вцілів.', 'uk', []],
    ];
    for (const [text, language, places] of cases) {
      const drafted = draftFromText({ text, language, observed: '2024-03' }, places).candidates;
      expect(drafted.length, text).toBeGreaterThan(0);
      for (const candidate of drafted) {
        expect(candidate.confidence.level, text).not.toBe('high');
        expect(candidate.confidence.reason, text).toMatch(/in a sentence with/);
      }
    }
  });
});

describe('the seed article', () => {
  const draft = draftFromText({ text: article, language: 'nl', observed: '2022-11', place: 'bakhmut' }, [
    'Bakhmut',
    'Bachmoet',
    'Бахмут',
  ]);

  it('gives exactly the figures DESIGN.md lists, with their qualifiers and voices', () => {
    const since = { date: '2022-09', qualifier: 'approximately' };
    const residents = 'Inwoners (residents)';
    expect(draft.candidates.map(withoutQuote)).toEqual([
      { indicator: 'electricity', state: 'unavailable', since, voice: residents },
      { indicator: 'gas', state: 'unavailable', since, voice: residents },
      { indicator: 'running_water', state: 'unavailable', since, voice: residents },
      { indicator: 'population_baseline', value: 80000, qualifier: 'approximately' },
      { indicator: 'population_remaining', value: 12000, qualifier: 'exact' },
      { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least', voice: 'Aleksandr Martsjenko' },
    ]);
  });

  it('quotes the words that state each figure, where they stand in the article', () => {
    const quotes = draft.candidates.map((c) => c.quote);
    for (const quote of quotes) expect(article.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quotes[0]?.text).toContain(
      'al bijna twee maanden lang is er geen elektriciteit, gas of stromend water',
    );
    expect(quotes[3]?.text).toBe(
      'Van de bijna 80.000 oorspronkelijke inwoners blijven er slechts 12.000 over.',
    );
    expect(quotes[5]?.text).toContain('meer dan 120 burgers gedood, zegt Aleksandr Martsjenko');
    expect(draft.candidates[5]?.voice).toEqual({
      name: 'Aleksandr Martsjenko',
      role: 'plaatsvervangend burgemeester van de belegerde stad',
    });
  });
});

describe('numbers, as each language writes them', () => {
  const read = (text: string, language: keyof typeof lexicons) =>
    numbersIn(text, wordsOf(text), lexicons[language]).map((n) => n.value);

  it.each([
    ['80.000 mensen', 'nl', [80000]],
    ['12.000 over', 'nl', [12000]],
    ['80,000 people', 'en', [80000]],
    ['80 000 людей', 'uk', [80000]],
    ['80.000 people', 'en', [80000]],
    ['1,5 miljoen', 'nl', [1_500_000]],
    ['1.5 million', 'en', [1_500_000]],
    ['1,5 мільйона', 'uk', [1_500_000]],
    ['two thousand', 'en', [2000]],
    ['twenty-two', 'en', [22]],
    ['tweehonderd', 'nl', [200]],
    ['tweeëntwintig', 'nl', [22]],
    ['vijfhonderdduizend', 'nl', [500_000]],
    ['тисяча', 'uk', [1000]],
    ['дві тисячі', 'uk', [2000]],
    ['een stad', 'nl', []],
    ['LogKa11 pic.twitter.com/ddaac1o0Sj', 'en', []],
    ['date 2022-11', 'en', []],
  ] as const)('reads "%s" (%s) as %j', (text, language, values) => {
    expect(read(text, language)).toEqual(values);
  });
});

const languages = ['en', 'nl', 'uk'] as const;
const sentences = languages.flatMap((language) => corpus[language].map((s) => ({ language, text: s.text })));

describe('every draft', () => {
  it('quotes its text verbatim and drafts figures the report schema takes', () => {
    const tokens = [
      '12.000',
      '80,000',
      '1,5',
      'miljoen',
      'meer dan',
      'bijna',
      'no',
      'geen',
      'gas',
      'water',
      'killed',
      'gedood',
      'загинули',
      'понад',
      'remain',
      'blijven',
      'for',
      'two',
      'months',
      'twee',
      'maanden',
      '2022',
      '%',
      'page',
      ',',
      '.',
      'zegt',
      'Anna',
      'Jansen',
      'residents',
      'say',
      '(',
      ')',
      '…',
      '’',
      'x',
      'since',
      'sinds',
      'constructor',
      '__proto__',
    ];
    const text = fc.oneof(
      fc.constantFrom(...sentences),
      fc.record({
        language: fc.constantFrom(...languages),
        text: fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 30 }).map((t) => t.join(' ')),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...languages),
        (parts, language) => {
          const source = parts.map((p) => p.text).join(' ');
          const input: DraftInput = { text: source, language, observed: '2024-03' };
          const draft = draftFromText(input);
          for (const candidate of draft.candidates) {
            expect(source.slice(candidate.quote.start, candidate.quote.end)).toBe(candidate.quote.text);
            expect(candidate.figure.quote).toBe(candidate.quote.text);
          }
          if (draft.candidates.length === 0 || source.trim().length > 4000) return;
          const figures = [...new Map(draft.candidates.map((c) => [c.figure.indicator, c.figure])).values()];
          const report = reportInput.safeParse({
            place: 'testville',
            observed: '2024-03',
            figures,
            summary: {
              text: 'SYNTHETIC draft.',
              language: 'en',
              original: { text: source.trim(), language },
            },
            source: { name: 'Synthetic source', kind: 'media', language },
            verification: 'unconfirmed',
          });
          expect(report.error?.issues ?? []).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads no month or unit in the names every object has ('constructor', '__proto__')", () => {
    // SYNTHETIC sentences: each word looked up in the lexicon's records is looked up as its own entry.
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const text of [
        `Since ${name} 5, 12 people were killed.`,
        `Power has been cut for 5 ${name}.`,
        `12 civilians were killed in ${name}.`,
      ]) {
        const draft = draftFromText({ text, language: 'en', observed: '2024-03' }, ['Lindgrove']);
        for (const candidate of draft.candidates) expect(candidate.figure).not.toHaveProperty('since');
      }
    }
  });

  it('is the same for the same text', () => {
    const input: DraftInput = { text: article, language: 'nl', observed: '2022-11' };
    expect(draftFromText(input)).toEqual(draftFromText(input));
  });
});

describe('a text with more figures than a draft lists', () => {
  it('lists the first ones and counts the rest, so that its answer stays small however long the text', () => {
    const text = Array.from({ length: 250 }, (_, i) => `SYNTHETIC: ${i + 2} civilians were killed.`).join(
      ' ',
    );
    const drafted = draftFromText({ text, language: 'en' });
    expect(drafted.candidates).toHaveLength(mostDraftCandidates);
    expect(drafted.candidates[0]?.figure).toMatchObject({ indicator: 'civilian_deaths', value: 2 });
    expect(drafted.omitted).toBe(250 - mostDraftCandidates);
    const few = draftFromText({ text: 'SYNTHETIC: 12 civilians were killed.', language: 'en' });
    expect(few.omitted).toBeUndefined();
  });
});
