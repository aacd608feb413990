// How requests, the scheduled repair and the writers themselves reach the writers: one
// Durable Object per place (named by its slug), one for the documents of all places, and
// one per Idempotency-Key, and one per session of the desk.

import type { AllPlacesWriter } from './all-places-writer.ts';
import type { DeskSession } from './desk-session.ts';
import type { IdempotencyKeeper } from './idempotency-keeper.ts';
import type { PlaceWriter } from './place-writer.ts';

export interface Writers {
  place(slug: string): DurableObjectStub<PlaceWriter>;
  allPlaces(): DurableObjectStub<AllPlacesWriter>;
  keeper(scopedKey: string): DurableObjectStub<IdempotencyKeeper>;
  session(id: string): DurableObjectStub<DeskSession>;
}

export type WriterBindings = Pick<
  Env,
  'PLACE_WRITER' | 'ALL_PLACES_WRITER' | 'IDEMPOTENCY_KEEPER' | 'DESK_SESSION'
>;

/** The object that writes the documents every place shares. */
export const allPlacesName = 'all places';

export function writersOf(env: WriterBindings): Writers {
  return {
    place: (slug) => env.PLACE_WRITER.getByName(slug),
    allPlaces: () => env.ALL_PLACES_WRITER.getByName(allPlacesName),
    keeper: (scopedKey) => env.IDEMPOTENCY_KEEPER.getByName(scopedKey),
    session: (id) => env.DESK_SESSION.getByName(id),
  };
}
