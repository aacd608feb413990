// What requests and writers hand each other. Plain data only: every value crosses a Durable
// Object call by structured clone, so errors are answers here, never thrown classes (a class
// does not survive the call and could not be told apart by instanceof).

import type { FeedPlace } from '../domain/feed.ts';
import type { Place, PlaceSummary, Report, ReportSummary, Retraction } from '../domain/model.ts';
import type { ModerationRefusal } from '../domain/withdrawal.ts';

/** A correction filed under another place that continues a chain of the writer's reports. */
export interface ChainedCorrection {
  report: Report;
  place: FeedPlace;
}

/** What a place's writer is told after the facts behind it are stored. */
export interface PlaceWork {
  /** New reports of the writer's own place. */
  reports?: readonly Report[];
  /** For reports among them that correct a report of another place: the places of that chain. */
  chains?: Readonly<Record<string, readonly string[]>>;
  /** Corrections filed under other places that continue chains of the writer's reports. */
  chained?: readonly ChainedCorrection[];
  /** Retractions of the writer's reports, or of corrections chained to them. */
  retractions?: readonly Retraction[];
  /** Who published the new reports, when the request knew: told to the change log. */
  publishedBy?: string;
}

/**
 * A correction or a retraction, decided by the writer of the place the report was filed
 * under. `claimant` names the request's decision: a retry of the same request (same
 * Idempotency-Key) carries the same claimant and is let through; any other is refused while
 * the report is being moderated or after it was.
 */
export type Moderation =
  | {
      kind: 'correction';
      claimant: string;
      /** The report corrected, as the history index held it when the request read it. */
      original: ReportSummary;
      correction: Report;
      /** The place the correction is filed under (it may differ from the original's). */
      correctionPlace: FeedPlace;
      /** The name of the principal that published the correction. */
      publishedBy?: string;
    }
  | {
      kind: 'retraction';
      claimant: string;
      original: ReportSummary;
      retraction: Retraction;
      /** The name of the principal that retracted the report. */
      publishedBy?: string;
      /** When the retracted report is a correction: the report it corrected, active again. */
      restored?: ReportSummary;
      /**
       * Set by the writer when the report is superseded: its whole chain is withdrawn, and these
       * are the versions not yet retracted (the report among them), as the writer found them.
       */
      withdrawn?: readonly ReportSummary[];
    };

/** `retraction`: the record of the retracted report, as the writer holds it. */
export type ModerationOutcome =
  | { accepted: true; retraction?: Retraction }
  | { accepted: false; refusal: ModerationRefusal };

/** What a place's writer tells the writer of all places after each of its flushes. */
export interface SharedWork {
  place: PlaceSummary;
  /** Summaries that are new or whose state changed, as the place's writer derived them. */
  summaries: readonly ReportSummary[];
  /** Full reports of the new summaries, for the feed of all places. */
  reports: readonly Report[];
  retractions: readonly Retraction[];
}

/** The answer to a place edit. */
export interface PlaceSaved {
  created: boolean;
  place: Place;
}
