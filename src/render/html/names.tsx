// A place's names: the one in the page's language (English when it has none), then the
// others, each marked with its language so that screen readers pronounce it as such.

import type { Language } from '../../domain/languages.ts';
import type { Place } from '../../domain/model.ts';
import type { Messages } from '../../words/messages.ts';
import { countryName, localName } from '../../words/places.ts';

type Names = Place['names'];

/**
 * The place's name, marked with its language where it differs from the page's, and isolated
 * from the words around it (src/render/escape.ts says why).
 */
export function PlaceName({ names, language }: { names: Names; language: Language }) {
  const name = localName(names, language);
  return name.lang === language ? <bdi>{name.text}</bdi> : <bdi lang={name.lang}>{name.text}</bdi>;
}

export function OtherNames({ names, language, m }: { names: Names; language: Language; m: Messages }) {
  const shown = localName(names, language);
  const others = Object.entries(names).filter(([, text]) => text !== shown.text);
  if (others.length === 0) return '';
  return (
    <p class="names">
      {m.alsoKnownAs}:{' '}
      {others.map(([lang, text], i) => (
        <>
          {i > 0 ? ', ' : ''}
          <bdi lang={lang}>{text}</bdi>
        </>
      ))}
    </p>
  );
}

/** Where the place is: its admin areas and country (named in the page's language), each isolated. */
export function PlaceWhere({
  place,
  language,
}: {
  place: Pick<Place, 'admin' | 'country'>;
  language: Language;
}) {
  const parts = [...place.admin.map((a) => a.name), countryName(place.country, language)];
  return (
    <>
      {parts.map((part, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <bdi>{part}</bdi>
        </>
      ))}
    </>
  );
}
