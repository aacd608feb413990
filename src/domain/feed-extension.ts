// The `_humanitarian` JSON Feed extension: the structured data behind each item, so that
// a program reads figures, qualifiers and provenance without parsing HTML.

import * as z from 'zod';
import { feedChanges, feedEntry, feedEntryKinds, feedPlace, figureChange } from './feed.ts';
import { indicatorIds } from './indicators.ts';
import {
  figure,
  figureSummary,
  partialDate,
  reason,
  reportId,
  reportState,
  source,
  summary,
  verification,
} from './model.ts';

const common = {
  about: z.string(),
  entry: z.enum(feedEntryKinds).meta({
    description:
      'report: a report, showing what became of it since (`change`); change: an entry of its own announcing a correction, retraction or restoration of the report named by `changed`',
  }),
  change: z.enum(feedChanges),
  changed: reportId.optional().meta({ description: 'For a change: the report it changes' }),
  place: feedPlace,
  report: reportId.meta({ description: 'The version the item shows' }),
  observed: partialDate,
  verification,
};

/** An item of a feed: the full figures and source of the version shown. */
export const feedItemExtension = z.strictObject({
  ...common,
  current: reportId.optional().meta({
    description: 'For a change: the version current now; absent when every version was retracted',
  }),
  reason: reason.optional(),
  changes: z.array(figureChange).optional().meta({
    description: 'For a correction or a restored version: each figure that changed, before and after',
  }),
  figures: z.array(figure),
  disagreements: feedEntry.shape.disagreements.meta({
    description:
      "Where a figure of the report is one of several sources' that cannot all hold: per indicator, the lowest and highest figure, how many sources, and each source's figure with its report",
  }),
  staleAfter: z.partialRecord(z.enum(indicatorIds), z.iso.date()).meta({
    description:
      "Per figure, the last day (UTC) it counts as current: the end of the observed period plus its indicator's currentForDays",
  }),
  source,
  original: summary.shape.original,
});

/** An item of an archive page: what the history index holds of the report. */
export const archiveItemExtension = z.strictObject({
  ...common,
  state: reportState,
  figures: z.array(figureSummary),
  source: source.pick({ name: true, kind: true }),
});

export const humanitarianItemExtension = z.union([feedItemExtension, archiveItemExtension]);
export type HumanitarianItemExtension = z.infer<typeof humanitarianItemExtension>;
