// A place's status as `GET /api/v1/places/{slug}` answers it, and the files made from the
// list of places, as their writers store them and as a read makes them when it must.

import type { PlaceDocument } from '../domain/documents.ts';
import type { PlaceSummary, PlaceView } from '../domain/model.ts';
import { type PlaceListFile, placeListFiles } from '../render/place-list-files.ts';
import type { StoredAnswer } from '../store/status-store.ts';
import { answerOf, templateAnswerOf } from './stored.ts';

/** A place's status as the API answers it: no link, so the same at every origin. */
export const placeViewOf = (doc: PlaceDocument): PlaceView => ({
  place: doc.place,
  status: doc.status,
  reportCount: doc.reportCount,
});

export const placeViewAnswer = (doc: PlaceDocument): Promise<StoredAnswer> =>
  answerOf(JSON.stringify(placeViewOf(doc)), doc.status.updated);

/** A file made from the list of places, for any origin. */
export const placeListFileAnswer = (name: PlaceListFile, places: readonly PlaceSummary[]) =>
  templateAnswerOf((origin) => placeListFiles[name].render(places, { origin }), null);
