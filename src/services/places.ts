// Places: which exist, and creating or editing one. Each is decided by the place's writer,
// which stores the place and derives its documents again without dropping any pending work.

import { type Place, slug } from '../domain/model.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { PlaceSaved } from '../writers/messages.ts';
import type { Writers } from '../writers/stubs.ts';

/**
 * The places, of the slugs given, that exist. Read from the places' own small keys; a place
 * that KV does not show yet where this request runs (created moments ago elsewhere) is
 * asked of its writer, which has it at once.
 */
export async function knownPlaces(
  store: StatusStore,
  writers: Writers,
  slugs: readonly string[],
): Promise<Map<string, Place>> {
  // What is not a slug names no place, and is never turned into a writer of its own.
  const unique = [...new Set(slugs)].filter((s) => slug.safeParse(s).success);
  const places = await Promise.all(
    unique.map(async (s) => (await store.getPlace(s)) ?? (await writers.place(s).knownPlace(s))),
  );
  return new Map(places.flatMap((place) => (place ? [[place.slug, place] as const] : [])));
}

/** Creates or updates a place; its status and history stay as they are. */
export function savePlace(writers: Writers, place: Place): Promise<PlaceSaved> {
  return writers.place(place.slug).savePlace(place.slug, place);
}

/** Creates a place unless its slug is taken; false, with nothing changed, when it is. */
export function createPlace(writers: Writers, place: Place): Promise<boolean> {
  return writers.place(place.slug).createPlace(place.slug, place);
}

/** The place of `slug`, if there is one. */
export async function findPlace(
  store: StatusStore,
  writers: Writers,
  slug: string,
): Promise<Place | undefined> {
  return (await knownPlaces(store, writers, [slug])).get(slug);
}
