import { describe, expect, it } from 'vitest';
import {
  languageConflict,
  languageFieldOf,
  readLanguage,
  readWrittenLanguage,
} from '../../src/desk/forms/language-field.ts';
import { type KnownPlace, readPlace } from '../../src/desk/forms/place-field.ts';
import { deskIssueDetail, deskRuleMessages, deskWarningDetail } from '../../src/desk/forms/words.ts';
import { issuesFromZod } from '../../src/domain/issues.ts';
import { placeInput, reportInput } from '../../src/domain/model.ts';
import { named } from '../../src/domain/nearest.ts';
import type { Warning } from '../../src/domain/plausibility.ts';
import type { IssueWords } from '../../src/problems.ts';
import { warningDetail } from '../../src/words/warnings.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';

/** SYNTHETIC places: two share a Dutch name, one has an apostrophe in its Ukrainian name. */
const places: KnownPlace[] = [
  { slug: 'bakhmut', title: 'Bakhmut', names: ['Bakhmut', 'Bachmoet', 'Бахмут'], area: 'Donetsk Oblast' },
  { slug: 'zweidorf-a', title: 'Zweidorf A', names: ['Zweidorf A', 'Tweedorp'], area: 'Oblast A' },
  { slug: 'zweidorf-b', title: 'Zweidorf B', names: ['Zweidorf B', 'Tweedorp'], area: 'Oblast B' },
  { slug: 'sloviansk', title: 'Sloviansk', names: ['Sloviansk', 'Слов’янськ'], area: '' },
  // a place whose name is another's slug: the slug, as written, names the place it is the slug of
  { slug: 'tweedorp', title: 'Tweedorp (hamlet)', names: ['Tweedorp (hamlet)'], area: '' },
];

describe('reading a place typed at the desk', () => {
  it('reads any of its names in any language, without case, accents or the kind of apostrophe', () => {
    for (const typed of ['Bachmoet', 'Бахмут', 'бахмут', 'bakhmut', 'BAKHMUT', ' Bachmoët ']) {
      expect(readPlace(typed, places), typed).toEqual({ kind: 'one', slug: 'bakhmut' });
    }
    expect(readPlace("Слов'янськ", places)).toEqual({ kind: 'one', slug: 'sloviansk' });
  });

  it('lists every place a shared name belongs to', () => {
    const read = readPlace('TWEEDORP ', places.slice(0, 4));
    expect(read.kind).toBe('several');
    expect(read.kind === 'several' && read.places.map((p) => p.slug)).toEqual(['zweidorf-a', 'zweidorf-b']);
  });

  it('takes a slug as written before any name', () => {
    expect(readPlace('tweedorp', places)).toEqual({ kind: 'one', slug: 'tweedorp' });
  });

  it('offers the nearest when it names none', () => {
    const read = readPlace('Bachmot', places);
    expect(read.kind === 'none' && read.nearest.map((p) => p.slug)).toEqual(['bakhmut']);
    expect(named('', [{ value: 'x', names: [''] }])).toEqual([]);
  });
});

describe('reading a language at the desk', () => {
  it('reads a listed language by its own name, by its name in a page’s language, or by its code', () => {
    const cases: [string, string][] = [
      ['English', 'en'],
      ['engels', 'en'],
      ['Oekraïens', 'uk'],
      ['українська', 'uk'],
      ['Ukrainian', 'uk'],
      ['Nederlands', 'nl'],
      ['EN', 'en'],
      ['crh', 'crh'],
      ['pt-br', 'pt-BR'],
      ['Klingonish', 'Klingonish'],
    ];
    for (const [written, tag] of cases) expect(readWrittenLanguage(written), written).toBe(tag);
  });

  it('reads the list, or the code beside it when the list says “other” or nothing', () => {
    expect(readLanguage({ 'source.language': 'uk' }, 'source.language')).toBe('uk');
    expect(
      readLanguage({ 'source.language': 'other', 'source.language.code': 'hu' }, 'source.language'),
    ).toBe('hu');
    expect(
      readLanguage({ 'source.language': '', 'source.language.code': 'English' }, 'source.language'),
    ).toBe('en');
    // a form sent by a program writes the language in place of the choice
    expect(readLanguage({ 'source.language': 'Deutsch' }, 'source.language')).toBe('de');
    expect(readLanguage({ 'source.language': '' }, 'source.language')).toBeUndefined();
  });

  it('places a problem beside the field the language was written in, and finds two languages for one', () => {
    const written = { 'summary.language': 'other', 'summary.language.code': 'xx-1' };
    expect(languageFieldOf(written, 'summary.language')).toBe('summary.language.code');
    expect(languageFieldOf({ 'summary.language': '' }, 'summary.language')).toBe('summary.language');
    const both = { 'summary.language': 'de', 'summary.language.code': 'ro' };
    expect(languageConflict(both, 'summary.language')).toEqual({ chosen: 'de', written: 'ro' });
    const same = { 'summary.language': 'de', 'summary.language.code': 'Duits' };
    expect(languageConflict(same, 'summary.language')).toBeUndefined();
  });
});

/** SYNTHETIC inputs that break each rule the desk words itself. */
const broken: [unknown, typeof reportInput | typeof placeInput][] = [
  [{ ...syntheticReport('x'), summary: { text: 'SYNTHETIC', language: 'Dutch' } }, reportInput],
  [{ ...syntheticReport('x'), summary: { text: 'SYNTHETIC', language: 'en-12' } }, reportInput],
  [{ ...syntheticReport('x'), observed: '15-03-2024' }, reportInput],
  [
    {
      ...syntheticReport('x'),
      figures: [{ indicator: 'civilian_deaths', value: 60, high: 40, qualifier: 'exact' }],
    },
    reportInput,
  ],
  [
    {
      ...syntheticReport('x'),
      figures: [{ indicator: 'civilian_deaths', value: 40, high: 60, qualifier: 'at_least' }],
    },
    reportInput,
  ],
  [
    {
      ...syntheticReport('x'),
      figures: [
        {
          indicator: 'civilian_deaths',
          value: 4,
          qualifier: 'exact',
          basis: 'period',
          since: { date: '2022', qualifier: 'exact' },
        },
      ],
    },
    reportInput,
  ],
  [
    {
      ...syntheticReport('x', {
        summary: { text: 'SYNTHETIC', language: 'en', original: { text: 'SYNTHETISCH', language: 'nl' } },
      }),
      figures: [{ indicator: 'civilian_deaths', value: 1, qualifier: 'exact', quote: 'elders' }],
    },
    reportInput,
  ],
  [syntheticPlace({ country: { code: 'Ukraine', name: 'Ukraine' } }), placeInput],
  [syntheticPlace({ names: { nl: 'Testdorp (synthetisch)' } as never }), placeInput],
  [
    { ...syntheticReport('x'), figures: [{ indicator: 'civilian_deaths', value: '12', qualifier: 'exact' }] },
    reportInput,
  ],
  [
    { ...syntheticReport('x'), figures: [{ indicator: 'civilian_deaths', value: 12, qualifier: 'roughly' }] },
    reportInput,
  ],
  [
    { ...syntheticReport('x'), figures: [{ indicator: 'civilian_death', value: 12, qualifier: 'exact' }] },
    reportInput,
  ],
];

const apiWords =
  /JSON|schema|openapi|BCP|\/api\/|YYYY|JJJJ|ISO 3166|summary\.original|without quotes|zonder aanhalingstekens/i;

describe('problems in the desk’s words', () => {
  const issues = broken.flatMap(([input, schema]) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    return result.success ? [] : issuesFromZod(result.error, input);
  });

  it('word every rule they reword, as the model still states it', () => {
    const stated = new Set(issues.flatMap((i) => (i.words?.kind === 'rule' ? [i.words.message] : [])));
    for (const message of deskRuleMessages) expect(stated, message).toContain(message);
  });

  it('never speak of JSON, pointers, the schema or the API, in English or Dutch', () => {
    const more: IssueWords[] = [
      { kind: 'unknownPlace', written: 'Bachmot', suggestions: ['bakhmut'] },
      { kind: 'shape' },
      { kind: 'type', expected: 'string' },
      { kind: 'sinceAfterObserved', since: '2024-05', observed: '2024-04' },
    ];
    for (const words of [...issues.flatMap((i) => (i.words ? [i.words] : [])), ...more]) {
      for (const choice of [false, true]) {
        expect(deskIssueDetail(words, 'en', choice)).not.toMatch(apiWords);
        expect(deskIssueDetail(words, 'nl', choice)).not.toMatch(apiWords);
      }
    }
    expect(deskIssueDetail({ kind: 'oneOf', options: ['official', 'media'] }, 'en', true)).toBe(
      'Choose one from the list.',
    );
  });

  it('tell a number far from the current one as the desk reads numbers, while the API keeps its words', () => {
    const warning: Warning = {
      code: 'far-from-current',
      pointer: '/figures/0/value',
      figure: { indicator: 'population_remaining', value: 12 },
      current: 12_000,
      factor: 10,
    };
    expect(deskWarningDetail(warning, 'en')).toContain('12.000 and 12,000 are both read as twelve thousand');
    expect(deskWarningDetail(warning, 'nl')).toContain('12.000 en 12,000 zijn hier allebei twaalfduizend');
    for (const language of ['en', 'nl'] as const) {
      expect(deskWarningDetail(warning, language)).not.toContain('JSON');
      expect(warningDetail(warning, language)).toContain('12.000 is 12 in JSON');
    }
  });
});
