import { describe, expect, it } from 'vitest';
import { indicatorRegistry } from '../../src/domain/indicators.ts';
import {
  countFigure,
  type FigureSummary,
  qualifiers,
  type ReportSummary,
  reportStates,
  reportSummary,
  slug,
  source,
  sourceKinds,
  utilityStates,
  verificationStates,
} from '../../src/domain/model.ts';
import {
  decodeSummary,
  encodedSize,
  encodeSummary,
  metadataByteLimit,
} from '../../src/store/summary-metadata.ts';
import { acceptedReport, summaryOf, syntheticId } from '../support/builders.ts';

function codeOfKind(kind: 'utility' | 'count' | 'text'): number {
  const definition = indicatorRegistry.find((i) => i.kind === kind);
  if (!definition) throw new Error(`no ${kind} indicator in the registry`);
  return definition.code;
}

/** What KV does with metadata: it stores the JSON text and parses it on the way out. */
function throughKv(summary: ReportSummary): unknown {
  return JSON.parse(JSON.stringify(encodeSummary(summary)));
}

const base: ReportSummary = summaryOf(acceptedReport(1, { observed: '2024-03' }));

describe('encodeSummary and decodeSummary', () => {
  const figures: [string, FigureSummary][] = [
    [
      'a utility figure with since',
      { indicator: 'gas', state: 'intermittent', since: { date: '2024-02-28', qualifier: 'at_most' } },
    ],
    ['a utility figure without since', { indicator: 'running_water', state: 'available' }],
    ['a count figure', { indicator: 'population_baseline', value: 80_123, qualifier: 'approximately' }],
    ['a zero count', { indicator: 'civilian_injuries', value: 0, qualifier: 'exact' }],
    ['a text figure', { indicator: 'situation' }],
  ];

  it.each(figures)('round-trips %s', (_, figure) => {
    const summary: ReportSummary = { ...base, figures: [figure] };
    expect(decodeSummary(throughKv(summary))).toEqual(summary);
  });

  it('round-trips a summary with every figure kind, a correction link and a successor', () => {
    const summary: ReportSummary = {
      ...base,
      verification: 'disputed',
      state: 'superseded',
      supersededBy: syntheticId(3),
      corrects: syntheticId(0),
      figures: figures.map(([, f]) => f),
      source: { name: 'Synthetic source — “quoted” \\ ✓ 🙂', kind: 'social_media' },
    };
    expect(decodeSummary(throughKv(summary))).toEqual(summary);
  });

  it('round-trips every verification, state and source kind', () => {
    for (const verification of verificationStates) {
      for (const state of reportStates) {
        for (const kind of sourceKinds) {
          const summary: ReportSummary = { ...base, verification, state, source: { ...base.source, kind } };
          expect(decodeSummary(throughKv(summary))).toEqual(summary);
        }
      }
    }
  });

  it('round-trips a report restored by the retraction of its correction', () => {
    const summary: ReportSummary = { ...base, restoredFrom: syntheticId(4) };
    expect(encodeSummary(summary)).toHaveLength(12);
    expect(decodeSummary(throughKv(summary))).toEqual(summary);
  });

  it('reads entries written before restoredFrom existed, with eleven positions', () => {
    expect(encodeSummary(base)).toHaveLength(11);
    expect(decodeSummary(encodeSummary(base))).toEqual(base);
  });

  it('leaves supersededBy and corrects out when the summary has none', () => {
    const decoded = decodeSummary(throughKv(base));
    expect(decoded).toBeDefined();
    expect(decoded && 'supersededBy' in decoded).toBe(false);
    expect(decoded && 'corrects' in decoded).toBe(false);
  });

  it('stores enum values as indexes, not as their names', () => {
    const text = JSON.stringify(encodeSummary({ ...base, verification: 'corroborated' }));
    expect(text).not.toContain('corroborated');
    expect(text).not.toContain('unavailable');
  });
});

describe('decodeSummary on junk', () => {
  const good = encodeSummary(base);
  const withSlot = (index: number, value: unknown) => good.map((v, i) => (i === index ? value : v));

  it('accepts the untouched encoding, so the junk cases below fail for their own reason', () => {
    expect(decodeSummary(good)).toEqual(base);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'not metadata'],
    ['a number', 42],
    ['an object', { id: base.id }],
    ['an empty array', []],
    ['an array one slot short', good.slice(0, 10)],
    ['an array one slot long, not naming a report', [...good, 0]],
    ['an array two slots long', [...good, syntheticId(5), 0]],
    ['a malformed id', withSlot(0, 'not-an-id')],
    ['a malformed place slug', withSlot(1, 'Not A Slug')],
    ['an impossible observed date', withSlot(2, '2024-02-30')],
    ['a malformed published time', withSlot(3, 'yesterday')],
    ['a verification index out of range', withSlot(4, verificationStates.length)],
    ['a verification given by name', withSlot(4, 'verified')],
    ['a negative state index', withSlot(5, -1)],
    ['a malformed supersededBy', withSlot(6, 'nope')],
    ['figures that are not an array', withSlot(8, 'figures')],
    ['a figure that is not an array', withSlot(8, [7])],
    [
      'a figure with an unknown indicator code',
      withSlot(8, [[Math.max(...indicatorRegistry.map((i) => i.code)) + 1, 0]]),
    ],
    ['a count figure with a negative value', withSlot(8, [[codeOfKind('count'), -5, 0]])],
    ['a utility figure with an unknown state', withSlot(8, [[codeOfKind('utility'), utilityStates.length]])],
    [
      'a utility figure with an impossible since date',
      withSlot(8, [[codeOfKind('utility'), 0, '2022-13', 0]]),
    ],
    ['a source name that is not text', withSlot(9, 12)],
    ['a source kind out of range', withSlot(10, sourceKinds.length)],
  ])('returns undefined for %s', (_, junk) => {
    expect(decodeSummary(junk)).toBeUndefined();
  });
});

// -- the worst case ----------------------------------------------------------------------

/** The JSON text of a string, measured in UTF-8 bytes as KV measures metadata. */
function jsonBytes(value: string): number {
  return new TextEncoder().encode(JSON.stringify(value)).byteLength;
}

/**
 * The source name that encodes largest in JSON among names the schema accepts: the same
 * character repeated up to the length limit. Candidates: characters JSON escapes ('"',
 * '\\'), a 4-byte emoji, a 3-byte character, and a lone surrogate, which JSON.stringify
 * writes as a six-byte \uXXXX escape. Each is tried through the schema itself, so a
 * tighter or looser text rule changes the worst case here too.
 */
function largestSourceName(): string {
  const candidates = ['"', '\\', '\u{1F600}', '\u20AC', '\uD800'];
  let largest = '';
  for (const candidate of candidates) {
    let name = candidate.repeat(200);
    while (name.length > 0 && !source.shape.name.safeParse(name).success) name = name.slice(candidate.length);
    const parsed = source.shape.name.safeParse(name);
    if (parsed.success && jsonBytes(parsed.data) > jsonBytes(largest)) largest = parsed.data;
  }
  return largest;
}

/**
 * The value with every surrogate code unit spelled out as \\uXXXX. A failing assertion
 * sends its values from workerd to Vitest as UTF-8, which a lone surrogate breaks (the
 * run then ends with "invalid UTF-8 sequence" instead of a diff), so values that may
 * hold one are compared in this form.
 */
function printable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_, v: unknown) =>
      typeof v === 'string'
        ? v.replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`)
        : v,
    ),
  );
}

const longestDate = '2022-11-30';
const lastOf = <T>(values: readonly [T, ...T[]]): T => values[values.length - 1] ?? values[0];

function largestFigure(definition: (typeof indicatorRegistry)[number]): FigureSummary {
  switch (definition.kind) {
    case 'utility':
      return {
        indicator: definition.id,
        state: lastOf(utilityStates),
        since: { date: longestDate, qualifier: lastOf(qualifiers) },
      };
    case 'count':
      return {
        indicator: definition.id,
        value: countFigure.shape.value.maxValue ?? Number.MAX_SAFE_INTEGER,
        qualifier: lastOf(qualifiers),
      };
    case 'text':
      return { indicator: definition.id };
  }
}

describe('the largest summary the schema allows', () => {
  const name = largestSourceName();
  const placeSlug = 'z'.repeat(64);
  const worst: ReportSummary = {
    id: syntheticId(99),
    place: placeSlug,
    observed: longestDate,
    // published is stamped by the service with Date#toISOString, which is always 24 characters
    published: '2022-11-30T23:59:59.999Z',
    verification: lastOf(verificationStates),
    state: lastOf(reportStates),
    supersededBy: syntheticId(100),
    restoredFrom: syntheticId(101),
    corrects: syntheticId(98),
    figures: indicatorRegistry.map(largestFigure),
    source: { name, kind: lastOf(sourceKinds) },
  };

  it('is built from values the schema accepts at their limits', () => {
    expect(slug.safeParse(placeSlug).success).toBe(true);
    expect(slug.safeParse(`${placeSlug}z`).success).toBe(false);
    // at least as large as 100 double quotes or 100 four-byte emoji
    expect(jsonBytes(name)).toBeGreaterThanOrEqual(jsonBytes('"'.repeat(100)));
    expect(jsonBytes(name)).toBeGreaterThanOrEqual(jsonBytes('\u{1F600}'.repeat(100)));
    expect(worst.figures).toHaveLength(indicatorRegistry.length);
    expect(reportSummary.safeParse(worst).success).toBe(true);
  });

  it('fits in the metadata of a KV key (1,024 bytes)', () => {
    expect(metadataByteLimit).toBe(1024);
    expect(encodedSize(worst)).toBeLessThanOrEqual(metadataByteLimit);
  });

  it('still decodes to itself', () => {
    expect(printable(decodeSummary(throughKv(worst)))).toEqual(printable(worst));
  });
});
