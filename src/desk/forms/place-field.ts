// Reading the place a writer typed at the desk: its slug, or any of its names in any
// language, without case or accents ("Bachmoet", "Бахмут", "bakhmut"). A name that several
// places share names none of them alone: the writer is shown each, to type its slug. The
// API takes slugs only; the desk reads people.

import { type Candidate, named, nearest } from '../../domain/nearest.ts';

/** A place as the desk offers it: its slug, every name it has, and the areas it lies in. */
export interface KnownPlace {
  slug: string;
  /** The name it is listed by (its English name). */
  title: string;
  names: string[];
  /** Its administrative areas, from the largest down ("Donetsk Oblast, Kramatorsk Raion"). */
  area: string;
}

export type PlaceReading =
  | { kind: 'one'; slug: string }
  | { kind: 'several'; places: KnownPlace[] }
  | { kind: 'none'; nearest: KnownPlace[] };

const candidatesOf = (places: readonly KnownPlace[]): Candidate[] =>
  places.map((p) => ({ value: p.slug, names: [p.slug, ...p.names] }));

/** Which place `typed` names among `places`: a slug as it is written first, then any name. */
export function readPlace(typed: string, places: readonly KnownPlace[]): PlaceReading {
  const written = typed.trim();
  if (places.some((p) => p.slug === written)) return { kind: 'one', slug: written };
  const candidates = candidatesOf(places);
  const bySlug = (slugs: readonly string[]) => slugs.flatMap((slug) => places.filter((p) => p.slug === slug));
  const slugs = named(written, candidates);
  const [only] = slugs;
  if (only !== undefined && slugs.length === 1) return { kind: 'one', slug: only };
  if (slugs.length > 1) return { kind: 'several', places: bySlug(slugs) };
  return { kind: 'none', nearest: bySlug(nearest(written, candidates)) };
}
