// The types of change-log-mirror.mjs, for the tests that run it.
import type { FigureSummary } from '../src/domain/model.ts';

export interface MirroredFigure {
  figure: FigureSummary;
  report: string;
  observed: string;
}

/** Per place slug, per indicator: the current figure. */
export function mirror(
  fetch: (url: string) => Promise<Response>,
  url: string,
): Promise<Record<string, Record<string, MirroredFigure>>>;
