// How requests, the scheduled repair and the writers themselves reach the writers: one
// Durable Object per place (named by its slug), one for the documents of all places, one
// for the change log, one per Idempotency-Key, one per session of the desk, and one registry
// of webhook subscriptions.

import type { DeskSession } from '../desk/session-object.ts';
import type { SubscriptionRegistry } from '../push/registry.ts';
import type { AllPlacesWriter } from './all-places-writer.ts';
import type { ChangeLog } from './change-log.ts';
import type { IdempotencyKeeper } from './idempotency-keeper.ts';
import type { PlaceWriter } from './place-writer.ts';

export interface Writers {
  place(slug: string): DurableObjectStub<PlaceWriter>;
  allPlaces(): DurableObjectStub<AllPlacesWriter>;
  changeLog(): DurableObjectStub<ChangeLog>;
  keeper(scopedKey: string): DurableObjectStub<IdempotencyKeeper>;
  session(id: string): DurableObjectStub<DeskSession>;
  subscriptions(): DurableObjectStub<SubscriptionRegistry>;
}

export type WriterBindings = Pick<
  Env,
  | 'PLACE_WRITER'
  | 'ALL_PLACES_WRITER'
  | 'CHANGE_LOG'
  | 'IDEMPOTENCY_KEEPER'
  | 'DESK_SESSION'
  | 'SUBSCRIPTIONS'
>;

/** The object that writes the documents every place shares. */
export const allPlacesName = 'all places';

/** The one change log. */
export const changeLogName = 'changes';

export function writersOf(env: WriterBindings): Writers {
  return {
    place: (slug) => env.PLACE_WRITER.getByName(slug),
    allPlaces: () => env.ALL_PLACES_WRITER.getByName(allPlacesName),
    changeLog: () => env.CHANGE_LOG.getByName(changeLogName),
    keeper: (scopedKey) => env.IDEMPOTENCY_KEEPER.getByName(scopedKey),
    session: (id) => env.DESK_SESSION.getByName(id),
    subscriptions: () => env.SUBSCRIPTIONS.getByName('subscriptions'),
  };
}
