// Drafting a report from source text: the place's names in every language are read, so that
// the numbers of other towns the text names are not taken for the place's own.

import type { StatusStore } from '../store/status-store.ts';
import { type Draft, type DraftInput, draftFromText } from './extract.ts';

export async function draftReport(store: StatusStore, input: DraftInput): Promise<Draft> {
  const place = input.place ? await store.getPlace(input.place) : undefined;
  return draftFromText(input, place ? Object.values(place.names) : []);
}
