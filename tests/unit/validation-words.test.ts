import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../src/domain/issues.ts';
import { placeInput, reportInput } from '../../src/domain/model.ts';
import { issueDetail, translatedRules } from '../../src/words/validation.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';

/** SYNTHETIC inputs, each breaking rules of the model, as people do. */
const broken: [string, unknown, typeof reportInput | typeof placeInput][] = [
  ['a missing field', { ...syntheticReport('x'), verification: undefined }, reportInput],
  [
    'a number in quotes',
    { ...syntheticReport('x'), figures: [{ indicator: 'civilian_deaths', value: '12', qualifier: 'exact' }] },
    reportInput,
  ],
  [
    'an unknown qualifier',
    { ...syntheticReport('x'), figures: [{ indicator: 'civilian_deaths', value: 12, qualifier: 'roughly' }] },
    reportInput,
  ],
  [
    'a negative count',
    { ...syntheticReport('x'), figures: [{ indicator: 'civilian_deaths', value: -1, qualifier: 'exact' }] },
    reportInput,
  ],
  ['an impossible date', { ...syntheticReport('x'), observed: '2024-02-30' }, reportInput],
  ['a malformed date', { ...syntheticReport('x'), observed: '15-03-2024' }, reportInput],
  [
    'a bad language tag',
    { ...syntheticReport('x'), summary: { text: 'SYNTHETIC', language: 'Dutch' } },
    reportInput,
  ],
  ['an empty summary', { ...syntheticReport('x'), summary: { text: '', language: 'en' } }, reportInput],
  [
    'an invisible summary',
    { ...syntheticReport('x'), summary: { text: '\u200B', language: 'en' } },
    reportInput,
  ],
  [
    'a control character',
    { ...syntheticReport('x'), summary: { text: 'a\u0007b', language: 'en' } },
    reportInput,
  ],
  [
    'a quote not in the original',
    {
      ...syntheticReport('x', {
        summary: { text: 'SYNTHETIC', language: 'en', original: { text: 'SYNTHETISCH', language: 'nl' } },
      }),
      figures: [{ indicator: 'civilian_deaths', value: 1, qualifier: 'exact', quote: 'elders' }],
    },
    reportInput,
  ],
  [
    'one indicator twice',
    {
      ...syntheticReport('x'),
      figures: [
        { indicator: 'gas', state: 'available' },
        { indicator: 'gas', state: 'available' },
      ],
    },
    reportInput,
  ],
  ['an unknown field', { ...syntheticReport('x'), colour: 'red' }, reportInput],
  [
    'a bad source URL',
    { ...syntheticReport('x'), source: { name: 'SYNTHETIC', kind: 'media', language: 'en', url: 'ftp://x' } },
    reportInput,
  ],
  [
    'a name with a bidi override',
    { ...syntheticReport('x'), source: { name: 'SYNTHETIC\u202E', kind: 'media', language: 'en' } },
    reportInput,
  ],
  [
    'a place without an English name',
    syntheticPlace({ names: { nl: 'Testdorp (synthetisch)' } as never }),
    placeInput,
  ],
  ['a bad country code', syntheticPlace({ country: { code: 'Ukraine', name: 'Ukraine' } }), placeInput],
  [
    'a bad p-code',
    syntheticPlace({ admin: [{ level: 1, name: 'SYNTHETIC', pcode: 'oblast 14' }] }),
    placeInput,
  ],
  [
    'one language twice',
    syntheticPlace({ names: { en: 'SYNTHETIC', nl: 'a', NL: 'b' } as never }),
    placeInput,
  ],
];

describe('validation messages', () => {
  it.each(broken)(
    'say what is wrong and what to write instead, in English, Dutch and Ukrainian: %s',
    (_, input, schema) => {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      if (result.success) return;
      const issues = issuesFromZod(result.error, input);
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        const { words } = issue;
        expect(words, issue.pointer).toBeDefined();
        if (!words) continue;
        const en = issueDetail(words, 'en');
        const nl = issueDetail(words, 'nl');
        const uk = issueDetail(words, 'uk');
        expect(en).toMatch(/^[A-Z"]/);
        expect(nl, `${issue.pointer}: ${en}`).not.toBe(en);
        expect(uk, `${issue.pointer}: ${en}`).not.toBe(en);
        // a rule the model words itself has its Dutch and Ukrainian, never the English fallback
        expect(nl, `${issue.pointer}: ${en}`).not.toContain('voldoet niet aan de regel');
        expect(uk, `${issue.pointer}: ${en}`).not.toContain('не відповідає правилу');
      }
    },
  );

  it('has Dutch and Ukrainian for every rule it knows, and tells what to write for a wrong type', () => {
    expect(translatedRules.nl.length).toBeGreaterThan(15);
    expect([...translatedRules.uk].sort()).toEqual([...translatedRules.nl].sort());
    expect(issueDetail({ kind: 'type', expected: 'number' }, 'en')).toBe(
      'Write a number, without quotes or thousands separators (12000).',
    );
    expect(issueDetail({ kind: 'oneOf', options: ['exact', 'approximately'] }, 'nl')).toBe(
      'Schrijf een van "exact" of "approximately".',
    );
  });
});
