// What a report changed in its place's status: per indicator it became current for, the
// figure that was current before it (if any) and its own. Derived by the place's writer when
// it folds the report into the status, the one moment both are known, and carried with the
// change to whoever is pushed it: alerting rules ("water becomes unavailable", "deaths rise
// by more than 20 %") are decided from it. Pure.

import * as z from 'zod';
import { indicatorIds } from './indicators.ts';
import { type FigureSummary, figureSummary, type PlaceStatus, reportId } from './model.ts';
import { summarizeFigure } from './status.ts';

export const figureChange = z
  .strictObject({
    indicator: z.enum(indicatorIds),
    before: figureSummary.optional().meta({
      description:
        'The figure current before the report, as the status showed it; absent when there was none',
    }),
    beforeReport: reportId.optional().meta({ description: 'The report the figure before came from' }),
    after: figureSummary.meta({ description: "The report's own figure, now current" }),
  })
  .meta({ id: 'FigureChange' });
export type FigureChange = z.infer<typeof figureChange>;

/**
 * Per report among `reports`, the indicators of `after` it is now current for and was not
 * in `before`, with the figure it replaced. An indicator a report states but is not current
 * for (an older observation arriving late) changed nothing, and is left out.
 */
export function figureChangesOf(
  before: PlaceStatus | undefined,
  after: PlaceStatus,
  reports: ReadonlySet<string>,
): Map<string, FigureChange[]> {
  const changes = new Map<string, FigureChange[]>();
  for (const indicator of indicatorIds) {
    const now = after.indicators[indicator];
    const then = before?.indicators[indicator];
    if (!now || !reports.has(now.report) || then?.report === now.report) continue;
    const change: FigureChange = {
      indicator,
      ...(then ? { before: summarizeFigure(then.figure), beforeReport: then.report } : {}),
      after: summarizeFigure(now.figure),
    };
    changes.set(now.report, [...(changes.get(now.report) ?? []), change]);
  }
  return changes;
}

/** Whether a utility became unavailable: it is now, and was not (or was not known) before. */
export function becameUnavailable(change: FigureChange): boolean {
  const state = (figure: FigureSummary | undefined) =>
    figure && 'state' in figure ? figure.state : undefined;
  return state(change.after) === 'unavailable' && state(change.before) !== 'unavailable';
}

/**
 * How much a count rose, in per cent of the figure before: undefined for no count before
 * (nothing to rise from) or a fall; Infinity for a rise from 0.
 */
export function risePercent(change: FigureChange): number | undefined {
  const value = (figure: FigureSummary | undefined) =>
    figure && 'value' in figure ? figure.value : undefined;
  const from = value(change.before);
  const to = value(change.after);
  if (from === undefined || to === undefined || to <= from) return undefined;
  return from === 0 ? Number.POSITIVE_INFINITY : ((to - from) / from) * 100;
}
