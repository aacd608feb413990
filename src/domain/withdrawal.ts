// Withdrawing a report with its corrections, and why a moderation is refused. Retracting a
// superseded version withdraws the whole chain it belongs to (the original and every
// correction) in one step, so that no earlier version is published again on the way. Pure:
// the writer of the place decides with what it knows, and the request words a refusal.

import type { FeedPlace } from './feed.ts';
import type { ReportSummary, Retraction } from './model.ts';

/** How a place's writer sees the links of a chain. */
export interface ChainLinks {
  /** A report filed under the place, with what it corrects; undefined for any other. */
  own(id: string): { corrects?: string } | undefined;
  /** The corrections of a report, and whether each is filed under another place. */
  correctionsOf(id: string): readonly { id: string; elsewhere: boolean }[];
}

/**
 * Every version of the chain `id` belongs to, the original first; undefined when a version
 * is filed under another place (a correction may move a report), since one writer decides
 * only for its own place's reports.
 */
export function chainVersions(id: string, links: ChainLinks): string[] | undefined {
  let root = id;
  for (let corrects = links.own(root)?.corrects; corrects; corrects = links.own(root)?.corrects) {
    if (!links.own(corrects)) return undefined;
    root = corrects;
  }
  const versions = [root];
  for (const version of versions) {
    for (const correction of links.correctionsOf(version)) {
      if (correction.elsewhere) return undefined;
      versions.push(correction.id);
    }
  }
  return versions;
}

/** The retraction record of each version withdrawn with the chain: one reason, one time. */
export function chainRetractions(asked: Retraction, versions: readonly string[]): Retraction[] {
  return versions.map((report) => ({ ...asked, report, withdrawnWithChainOf: asked.report }));
}

/** A superseded report's chain, as pages show it: its current version, and its corrections. */
export interface ChainOfVersions {
  current: ReportSummary;
  /** How many versions besides the original a withdrawal of the chain retracts. */
  corrections: number;
}

/** A report as a refusal names it for people: its place and dates, never its id. */
export interface NamedReport {
  place: FeedPlace;
  observed: string;
  published: string;
}

/** Why a correction or a retraction is refused, as data: the request words it. */
export type ModerationRefusal =
  | { kind: 'busy'; report: NamedReport }
  | { kind: 'retracted'; report: NamedReport }
  | { kind: 'superseded'; report: NamedReport; by: NamedReport }
  | { kind: 'chainAcrossPlaces'; report: NamedReport };
