// Names in words: a place's in a language (English when it has none), the name feeds and
// OPML give it, and the names of countries and languages, which the
// runtime's Unicode data (Intl.DisplayNames) gives in every page language.

import type { Language } from '../domain/languages.ts';
import type { Place } from '../domain/model.ts';

/** The name to show in `language` and the language it is in. */
export function localName(names: Place['names'], language: Language): { text: string; lang: string } {
  const local = names[language];
  return local ? { text: local, lang: language } : { text: names.en ?? '', lang: 'en' };
}

/** The place's name in a feed's and OPML's titles: in `language` when it has one, else in English. */
export function placeTitle(place: Pick<Place, 'names' | 'slug'>, language: Language = 'en'): string {
  return place.names[language] ?? place.names.en ?? place.slug;
}

/**
 * The country's name in the page's language, from its ISO 3166-1 code ("Oekraïne"); the name
 * the place was entered with when the runtime does not know the code.
 */
export function countryName(country: Place['country'], language: Language): string {
  try {
    return displayNames('region', language).of(country.code) ?? country.name;
  } catch {
    return country.name;
  }
}

/** A language's name in the page's language ("Dutch", "Nederlands"); the tag when unknown. */
export function languageName(tag: string, language: Language): string {
  try {
    return displayNames('language', language).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

// Making an Intl.DisplayNames costs far more than asking it: a page names dozens of
// languages and countries, so each kind is made once per language and isolate.
const namers = new Map<string, Intl.DisplayNames>();

function displayNames(type: 'region' | 'language', language: Language): Intl.DisplayNames {
  const key = `${type} ${language}`;
  let namer = namers.get(key);
  if (!namer) {
    namer = new Intl.DisplayNames([language], { type, fallback: type === 'region' ? 'none' : 'code' });
    namers.set(key, namer);
  }
  return namer;
}
