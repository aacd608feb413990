import { describe, expect, it } from 'vitest';
import seedFile from '../../seeds/bakhmut.json';
import { indicatorRegistry } from '../../src/domain/indicators.ts';
import { place, type ReportInput, reportInput } from '../../src/domain/model.ts';
import { syntheticSlug, unknownIndicator } from '../support/builders.ts';

function valid(): ReportInput {
  return {
    place: syntheticSlug,
    observed: '2024-03-10',
    figures: [
      {
        indicator: 'electricity',
        state: 'unavailable',
        since: { date: '2024-02', qualifier: 'approximately' },
      },
      { indicator: 'civilian_deaths', value: 12, qualifier: 'at_least', note: 'SYNTHETIC note' },
      { indicator: 'situation', text: 'SYNTHETIC: calm.', language: 'en' },
    ],
    summary: { text: 'SYNTHETIC test report.', language: 'en' },
    source: {
      name: 'Synthetic source',
      role: 'test fixture',
      kind: 'ngo',
      url: 'https://example.org/synthetic',
      language: 'en',
    },
    verification: 'unconfirmed',
  };
}

/** A valid figure for any indicator, chosen by its kind, so new indicators are covered too. */
function smallestFigure(definition: (typeof indicatorRegistry)[number]): Record<string, unknown> {
  switch (definition.kind) {
    case 'utility':
      return { indicator: definition.id, state: 'intermittent' };
    case 'count':
      return { indicator: definition.id, value: 1, qualifier: 'exact' };
    case 'text':
      return { indicator: definition.id, text: 'SYNTHETIC text.', language: 'en' };
  }
}

/** Parses a variant of the valid input and returns the paths of its issues ("figures/0/value"). */
function issuePaths(change: (input: Record<string, any>) => void): string[] {
  const input: Record<string, any> = structuredClone(valid());
  change(input);
  const result = reportInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('/'));
}

describe('reportInput', () => {
  it('accepts the valid synthetic report', () => {
    expect(reportInput.safeParse(valid()).success).toBe(true);
    expect(issuePaths(() => {})).toEqual([]);
  });

  it('rejects an unknown field at the top level', () => {
    expect(issuePaths((i) => (i.extra = true))).toEqual(['']);
  });

  it('rejects an unknown field inside the source and inside a figure', () => {
    expect(issuePaths((i) => (i.source.email = 'someone@example.org'))).toEqual(['source']);
    expect(issuePaths((i) => (i.figures[1].unit = 'people'))).toContain('figures/1');
  });

  it('rejects text with a lone surrogate, which no UTF-8 store can keep as sent', () => {
    expect(issuePaths((i) => (i.source.name = 'Synthetic \ud800 source'))).toEqual(['source/name']);
    expect(issuePaths((i) => (i.summary.text = '\udfff'))).toEqual(['summary/text']);
    expect(issuePaths((i) => (i.source.name = 'Synthetic 🙂 source'))).toEqual([]);
  });

  it('rejects a negative count', () => {
    expect(issuePaths((i) => (i.figures[1].value = -1))).toContain('figures/1/value');
  });

  it('rejects a count that is not an integer', () => {
    expect(issuePaths((i) => (i.figures[1].value = 12.5))).toContain('figures/1/value');
    expect(issuePaths((i) => (i.figures[1].value = '12'))).toContain('figures/1/value');
  });

  it('accepts a count of zero', () => {
    expect(issuePaths((i) => (i.figures[1].value = 0))).toEqual([]);
  });

  it('rejects an indicator that is not in the registry', () => {
    const paths = issuePaths((i) => i.figures.push({ indicator: unknownIndicator, state: 'unavailable' }));
    expect(paths).toEqual(['figures/3/indicator']);
  });

  it('rejects a figure whose fields belong to another kind of indicator', () => {
    expect(
      issuePaths((i) => (i.figures[0] = { indicator: 'electricity', value: 3, qualifier: 'exact' })),
    ).not.toEqual([]);
  });

  it('rejects the same indicator twice', () => {
    const result = reportInput.safeParse({
      ...valid(),
      figures: [
        { indicator: 'civilian_deaths', value: 12, qualifier: 'at_least' },
        { indicator: 'civilian_deaths', value: 15, qualifier: 'at_least' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('/'), issue.message])).toEqual([
      ['figures', 'must not name the same indicator twice'],
    ]);
  });

  it('rejects a report without figures', () => {
    expect(issuePaths((i) => (i.figures = []))).toEqual(['figures']);
  });

  it('accepts one figure for every indicator in the registry', () => {
    const figures = indicatorRegistry.map(smallestFigure);
    expect(figures).toHaveLength(indicatorRegistry.length);
    expect(issuePaths((i) => (i.figures = figures))).toEqual([]);
  });

  it.each([
    ['a bell', 'SYNTHETIC\u0007 report'],
    ['a NUL', 'SYNTHETIC\u0000 report'],
    ['an escape', 'SYNTHETIC \u001b[31m report'],
    ['a carriage return', 'SYNTHETIC\r report'],
    ['a C1 control', 'SYNTHETIC\u0085 report'],
    ['a DEL', 'SYNTHETIC\u007f report'],
  ])('rejects text with %s in it', (_, text) => {
    expect(issuePaths((i) => (i.summary.text = text))).toEqual(['summary/text']);
    expect(issuePaths((i) => (i.source.name = text))).toEqual(['source/name']);
  });

  it('accepts tabs and newlines inside text', () => {
    expect(issuePaths((i) => (i.summary.text = 'SYNTHETIC line one\n\tline two'))).toEqual([]);
  });

  it('rejects text that is empty once trimmed', () => {
    expect(issuePaths((i) => (i.summary.text = '  \n '))).toEqual(['summary/text']);
  });

  it.each([
    'ftp://example.org/synthetic',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,synthetic',
    'mailto:someone@example.org',
    'https://localhost/synthetic',
    'not a url',
  ])('rejects the source URL %s', (url) => {
    expect(issuePaths((i) => (i.source.url = url))).toEqual(['source/url']);
  });

  it('accepts http and https source URLs', () => {
    expect(issuePaths((i) => (i.source.url = 'http://example.org/a?b=c#d'))).toEqual([]);
    expect(issuePaths((i) => (i.source.url = 'https://news.example.org/2024/03/synthetic'))).toEqual([]);
  });

  it.each(['2022-02-30', '2023-02-29', '2022-13', '1899', '2022-11-5', 'November 2022'])(
    'rejects the impossible observed date %s',
    (date) => {
      const paths = issuePaths((i) => (i.observed = date));
      expect(paths.length).toBeGreaterThan(0);
      expect(new Set(paths)).toEqual(new Set(['observed']));
    },
  );

  it('rejects an impossible since date', () => {
    expect(issuePaths((i) => (i.figures[0].since.date = '2024-02-30'))).toEqual(['figures/0/since/date']);
  });

  it('NFC-normalises and trims text', () => {
    const decomposed = '  Cafe\u0301 in Testville (synthetic)  ';
    const parsed = reportInput.parse({
      ...valid(),
      summary: { text: decomposed, language: 'en' },
      source: { ...valid().source, name: 'Jose\u0301 (synthetic)' },
    });
    expect(parsed.summary.text).toBe('Caf\u00e9 in Testville (synthetic)');
    expect(parsed.source.name).toBe('Jos\u00e9 (synthetic)');
  });

  it('rejects an unknown verification state, source kind and qualifier', () => {
    expect(issuePaths((i) => (i.verification = 'rumoured'))).toEqual(['verification']);
    expect(issuePaths((i) => (i.source.kind = 'blog'))).toEqual(['source/kind']);
    expect(issuePaths((i) => (i.figures[1].qualifier = 'roughly'))).toContain('figures/1/qualifier');
  });

  it('takes the place as written, to be checked against the known places (which suggest the nearest)', () => {
    expect(issuePaths((i) => (i.place = 'Testville'))).toEqual([]);
    expect(issuePaths((i) => (i.place = ''))).toEqual(['place']);
    expect(issuePaths((i) => (i.place = 'a'.repeat(201)))).toEqual(['place']);
  });
});

describe('the repository seed', () => {
  it('has a place that the place schema accepts', () => {
    const result = place.safeParse(seedFile.place);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.slug).toBe('bakhmut');
  });

  it('has reports that the report schema accepts, each for the seed place', () => {
    expect(seedFile.reports.length).toBeGreaterThan(0);
    for (const entry of seedFile.reports) {
      const result = reportInput.safeParse(entry.report);
      expect(result.error?.issues).toBeUndefined();
      expect(result.data?.place).toBe(seedFile.place.slug);
    }
  });
});
