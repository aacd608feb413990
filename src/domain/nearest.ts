// The known values a person named by what they typed, and the nearest when they named none:
// for "did you mean" when a place or an indicator is unknown. Names are compared without
// case or accents, over every name a value has (a place's slug and its names in every
// language): the same, for which values it names; by edit distance, for the nearest.

/**
 * Lower case, accents dropped, every apostrophe as one ("Слов’янськ" is "Слов'янськ"), runs
 * of space, dash and underscore as one space.
 */
function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u02BC\u2018`]/g, "'")
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export interface Candidate {
  /** What to suggest: a slug or an indicator id. */
  value: string;
  /** Every name it is known by, the value itself included. */
  names: readonly string[];
}

/** The values one of whose names is `typed`, but for case, accents and spacing; none for blank. */
export function named(typed: string, candidates: readonly Candidate[]): string[] {
  const query = comparable(typed);
  if (!query) return [];
  return candidates.filter((c) => c.names.some((n) => comparable(n) === query)).map((c) => c.value);
}

/**
 * Up to `most` values whose nearest name is within a third of the typed text's length (at
 * least 2 edits) of it and within 2 edits of the nearest value's, nearest first.
 */
export function nearest(typed: string, candidates: readonly Candidate[], most = 3): string[] {
  const query = comparable(typed);
  const allowed = Math.max(2, Math.floor(query.length / 3));
  const near = candidates
    .map((c) => ({
      value: c.value,
      distance: Math.min(...c.names.map((n) => editDistance(query, comparable(n)))),
    }))
    .filter((c) => c.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.value.localeCompare(b.value));
  // Values much farther than the nearest are noise beside it: "Testdorp" is seven edits
  // from "Bachmoet", which names a place exactly.
  const best = near[0]?.distance ?? 0;
  return near
    .filter((c) => c.distance <= best + 2)
    .slice(0, most)
    .map((c) => c.value);
}
