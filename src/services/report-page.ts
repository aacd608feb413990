// What the page of a report shows besides the report: its place, the version it corrects
// (to show what changed), the correction that superseded it, and, when a correction of it
// was retracted, that retraction (the report was restored). Found from the place's document
// and a few facts, each read once; nothing here is derived again.

import { type FigureChange, figureChanges } from '../domain/feed.ts';
import type { Place, Report, ReportSummary, ReportView, Retraction } from '../domain/model.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import { loadPlaceDocument, viewReport } from './reading.ts';

export interface ReportPageData {
  view: ReportView;
  place: Place | undefined;
  /** The version this report corrects, and what the correction changed. */
  corrected?: { report: Report; changes: FigureChange[] };
  /** The correction that superseded this report. */
  correctedBy?: ReportSummary;
  /** A correction of this report that was retracted, which made it current again. */
  restored?: { correction: string; retraction: Retraction; changes: FigureChange[] };
}

/** The newest retracted correction of `id` among the place's newest reports. */
function retractedCorrection(head: readonly ReportSummary[], id: string): ReportSummary | undefined {
  return head.find((s) => s.corrects === id && s.state === 'retracted');
}

export async function loadReportPage(
  store: StatusStore,
  writers: Writers,
  id: string,
): Promise<ReportPageData> {
  const view = await viewReport(store, id);
  const [doc, corrected, correctedBy] = await Promise.all([
    loadPlaceDocument(store, writers, view.place),
    view.corrects ? store.getReport(view.corrects.report) : undefined,
    view.supersededBy ? store.getHistoryEntry(view.supersededBy) : undefined,
  ]);
  const undone = view.state === 'active' && doc ? retractedCorrection(doc.head, id) : undefined;
  const [undoneReport, undoneRetraction] = undone
    ? await Promise.all([store.getReport(undone.id), store.getRetraction(undone.id)])
    : [undefined, undefined];
  return {
    view,
    place: doc?.place,
    ...(corrected
      ? { corrected: { report: corrected, changes: figureChanges(corrected.figures, view.figures) } }
      : {}),
    ...(correctedBy ? { correctedBy } : {}),
    ...(undone && undoneReport && undoneRetraction
      ? {
          restored: {
            correction: undone.id,
            retraction: undoneRetraction,
            changes: figureChanges(undoneReport.figures, view.figures),
          },
        }
      : {}),
  };
}
