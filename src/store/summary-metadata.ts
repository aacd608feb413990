// Report summaries as KV metadata. KV caps a key's metadata at 1,024 bytes, so a summary
// is stored as positional arrays, indicators by their permanent code and the other enum
// values by their position in the model's lists (which are therefore append-only), and
// expanded on read.

import { countBases, findIndicator, indicatorWithCode } from '../domain/indicators.ts';
import {
  type FigureSummary,
  qualifiers,
  type ReportSummary,
  reportStates,
  reportSummary,
  sourceKinds,
  utilityStates,
  verificationStates,
} from '../domain/model.ts';

export const metadataByteLimit = 1024;

type EncodedFigure = (string | number)[];
export type EncodedSummary = [
  id: string,
  place: string,
  observed: string,
  published: string,
  verification: number,
  state: number,
  supersededBy: string,
  corrects: string,
  figures: EncodedFigure[],
  sourceName: string,
  sourceKind: number,
  // Appended later: entries written before it have eleven positions, and decode as if empty.
  restoredFrom?: string,
];

function encodeFigure(figure: FigureSummary): EncodedFigure {
  const indicator = findIndicator(figure.indicator)?.code ?? -1;
  if ('value' in figure) {
    // Appended later, each only when needed: basis, then a range's high bound (0 for none), then since.
    const count: EncodedFigure = [indicator, figure.value, qualifiers.indexOf(figure.qualifier)];
    if (figure.basis) count.push(countBases.indexOf(figure.basis));
    if (figure.high !== undefined || figure.since) count.push(figure.high ?? 0);
    if (figure.since) count.push(figure.since.date, qualifiers.indexOf(figure.since.qualifier));
    return count;
  }
  if ('state' in figure) {
    const state = utilityStates.indexOf(figure.state);
    return figure.since
      ? [indicator, state, figure.since.date, qualifiers.indexOf(figure.since.qualifier)]
      : [indicator, state];
  }
  return [indicator];
}

function valueAt<T>(values: readonly T[], index: unknown): T | undefined {
  return typeof index === 'number' ? values[index] : undefined;
}

function decodeFigure([indicatorCode, first, second, third, fourth, fifth, sixth]: EncodedFigure): unknown {
  const definition = typeof indicatorCode === 'number' ? indicatorWithCode(indicatorCode) : undefined;
  if (!definition) return undefined;
  const indicator = definition.id;
  switch (definition.kind) {
    case 'count':
      return {
        indicator,
        value: first,
        ...(typeof fourth === 'number' && fourth > 0 ? { high: fourth } : {}),
        qualifier: valueAt(qualifiers, second),
        ...(third === undefined ? {} : { basis: valueAt(countBases, third) }),
        ...(fifth === undefined ? {} : { since: { date: fifth, qualifier: valueAt(qualifiers, sixth) } }),
      };
    case 'utility':
      return {
        indicator,
        state: valueAt(utilityStates, first),
        ...(second === undefined ? {} : { since: { date: second, qualifier: valueAt(qualifiers, third) } }),
      };
    case 'text':
      return { indicator };
  }
}

export function encodeSummary(summary: ReportSummary): EncodedSummary {
  const encoded: EncodedSummary = [
    summary.id,
    summary.place,
    summary.observed,
    summary.published,
    verificationStates.indexOf(summary.verification),
    reportStates.indexOf(summary.state),
    summary.supersededBy ?? '',
    summary.corrects ?? '',
    summary.figures.map(encodeFigure),
    summary.source.name,
    sourceKinds.indexOf(summary.source.kind),
  ];
  if (summary.restoredFrom) encoded.push(summary.restoredFrom);
  return encoded;
}

/** Expands stored metadata; anything that does not decode to a valid summary is undefined. */
export function decodeSummary(metadata: unknown): ReportSummary | undefined {
  if (!Array.isArray(metadata) || (metadata.length !== 11 && metadata.length !== 12)) return undefined;
  const [
    id,
    place,
    observed,
    published,
    verification,
    state,
    supersededBy,
    corrects,
    figures,
    name,
    kind,
    from,
  ] = metadata as EncodedSummary;
  if (!Array.isArray(figures)) return undefined;
  const parsed = reportSummary.safeParse({
    id,
    place,
    observed,
    published,
    verification: valueAt(verificationStates, verification),
    state: valueAt(reportStates, state),
    ...(supersededBy ? { supersededBy } : {}),
    ...(from === undefined ? {} : { restoredFrom: from }),
    ...(corrects ? { corrects } : {}),
    figures: figures.map((f) => (Array.isArray(f) ? decodeFigure(f) : undefined)),
    source: { name, kind: valueAt(sourceKinds, kind) },
  });
  return parsed.success ? parsed.data : undefined;
}

export function encodedSize(summary: ReportSummary): number {
  return new TextEncoder().encode(JSON.stringify(encodeSummary(summary))).byteLength;
}
