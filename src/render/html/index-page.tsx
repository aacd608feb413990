// The front page: every place as a card with its current status in short. Pure: it takes
// the list of places, the site, the language and the clock (src/render/html/page-clock.ts).

import type { Language } from '../../domain/languages.ts';
import type { PlaceSummary } from '../../domain/model.ts';
import { type Messages, messages } from '../../words/messages.ts';
import type { PageSite } from '../site.ts';
import { NotReported, StatusGroups, Updated } from './figures.tsx';
import { htmlDocument, Layout, type PageFeeds, pageHref, Subscribe } from './layout.tsx';
import { OtherNames, PlaceName, PlaceWhere } from './names.tsx';
import type { PageClock } from './page-clock.ts';

// A card says which utilities no report has stated, the first thing people look for; the place
// page says it of every indicator, so that a card stays short enough to scan.
const cardKinds = ['utility'] as const;

interface CardProps {
  place: PlaceSummary;
  site: PageSite;
  language: Language;
  m: Messages;
  clock: PageClock;
}

function Card({ place, site, language, m, clock }: CardProps) {
  const href = pageHref(`/places/${place.slug}`, site, language);
  const statuses = Object.values(place.indicators).filter((s) => s !== undefined);
  return (
    <li class="card">
      <article aria-labelledby={`place-${place.slug}`}>
        <h2 id={`place-${place.slug}`}>
          <a href={href}>
            <PlaceName names={place.names} language={language} />
          </a>
        </h2>
        <OtherNames names={place.names} language={language} m={m} />
        <p class="place-where">
          <PlaceWhere place={place} language={language} />
        </p>
        <Updated
          statuses={statuses}
          updated={place.updated}
          reportCount={place.reportCount}
          language={language}
          clock={clock}
        />
        {statuses.length === 0 ? <p>{m.noStatus}</p> : ''}
        <StatusGroups
          statuses={statuses}
          language={language}
          origin={site.origin}
          clock={clock}
          textElsewhere={{ href, words: m.readOnPlacePage }}
        />
        <NotReported coverage={place.coverage} language={language} kinds={cardKinds} />
      </article>
    </li>
  );
}

export function renderIndexPage(
  places: readonly PlaceSummary[],
  site: PageSite,
  language: Language,
  clock: PageClock,
): string {
  const m = messages[language];
  const feeds: PageFeeds = { slug: undefined, title: m.allPlaces };
  return htmlDocument(
    <Layout site={site} language={language} title={`${m.indexTitle} · ${m.siteName}`} feeds={feeds}>
      <h1>{m.indexTitle}</h1>
      <p class="intro">{m.indexIntro}</p>
      {places.length === 0 ? (
        <p>{m.noPlaces}</p>
      ) : (
        <ul class="cards">
          {places.map((place) => (
            <Card place={place} site={site} language={language} m={m} clock={clock} />
          ))}
        </ul>
      )}
      <Subscribe site={site} language={language} feeds={feeds} jsonApi={`${site.origin}/api/v1/places`} />
    </Layout>,
  );
}
