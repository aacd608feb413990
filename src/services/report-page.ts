// What the page of a report shows besides the report and its fate: its place, the version
// it corrects and what the correction changed, the correction that superseded it, and, for a
// report restored by the retraction of its correction, what that retraction changed back;
// for a superseded report, the version of its chain that is current.
// A few facts, each read once; nothing here is derived again.

import { figureChanges } from '../domain/feed.ts';
import type { ReportPageData } from '../render/html/report-page.tsx';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { chainOfSuperseded } from './moderation.ts';
import { knownPlaces } from './places.ts';
import { viewReport } from './reading.ts';

export async function loadReportPage(
  store: StatusStore,
  writers: Writers,
  id: string,
  /** Whether the page names who published the report and who retracted it. */
  publishers = false,
): Promise<ReportPageData> {
  const view = await viewReport(store, id, { publishers });
  const [places, corrected, correctedBy, undone, chain] = await Promise.all([
    knownPlaces(store, writers, [view.place]),
    view.corrects ? store.getReport(view.corrects.report) : undefined,
    view.supersededBy ? store.getHistoryEntry(view.supersededBy) : undefined,
    view.restored ? store.getReport(view.restored.correction) : undefined,
    chainOfSuperseded(store, view),
  ]);
  return {
    view,
    place: places.get(view.place),
    ...(corrected
      ? { corrected: { report: corrected, changes: figureChanges(corrected.figures, view.figures) } }
      : {}),
    ...(correctedBy ? { correctedBy } : {}),
    ...(chain ? { current: chain.current } : {}),
    ...(undone ? { restoredChanges: figureChanges(undone.figures, view.figures) } : {}),
  };
}
