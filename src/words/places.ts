// A place's names in words: the one in a language (English when it has none), and the name
// feeds and OPML give it (feeds are in English).

import type { Place } from '../domain/model.ts';
import type { Language } from './messages.ts';

/** The name to show in `language` and the language it is in. */
export function localName(names: Place['names'], language: Language): { text: string; lang: string } {
  const local = names[language];
  return local ? { text: local, lang: language } : { text: names.en ?? '', lang: 'en' };
}

/** The place's name in feeds, OPML and every English title. */
export function placeTitle(place: Pick<Place, 'names' | 'slug'>): string {
  return place.names.en ?? place.slug;
}
