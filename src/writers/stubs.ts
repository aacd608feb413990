// How requests, the scheduled repair and the writers themselves reach the writers: one
// Durable Object per place (named by its slug), one for the documents of all places, one
// for the change log, and one per Idempotency-Key. The surfaces reach their own objects
// (the desk's sessions, push's registry) beside the code that uses them.

export type WriterBindings = Pick<
  Env,
  'PLACE_WRITER' | 'ALL_PLACES_WRITER' | 'CHANGE_LOG' | 'IDEMPOTENCY_KEEPER'
>;

/**
 * A writer's stub, typed by the class the generated bindings (worker-configuration.d.ts) give
 * its namespace, so that this module names no writer's module and none of them imports back.
 */
type StubOf<B extends keyof WriterBindings> = ReturnType<WriterBindings[B]['getByName']>;

export interface Writers {
  place(slug: string): StubOf<'PLACE_WRITER'>;
  allPlaces(): StubOf<'ALL_PLACES_WRITER'>;
  changeLog(): StubOf<'CHANGE_LOG'>;
  keeper(scopedKey: string): StubOf<'IDEMPOTENCY_KEEPER'>;
}

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
  };
}
