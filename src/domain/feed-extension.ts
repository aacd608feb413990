// The `_humanitarian` JSON Feed extension: the structured data behind each item, so that
// a program reads figures, qualifiers and provenance without parsing HTML.

import { z } from 'zod';
import { feedChanges, feedPlace } from './feed.ts';
import { figure, partialDate, reason, reportId, source, summary, verification } from './model.ts';

export const humanitarianItemExtension = z.strictObject({
  about: z.string(),
  change: z.enum(feedChanges),
  reason: reason.optional(),
  place: feedPlace,
  report: reportId,
  observed: partialDate,
  verification,
  figures: z.array(figure),
  source,
  original: summary.shape.original.optional(),
});
export type HumanitarianItemExtension = z.infer<typeof humanitarianItemExtension>;
