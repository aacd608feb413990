// One place: its full current status with every source, the remaining population over
// time, and its history with corrections and retractions. Pure: it takes the place's
// derived document, the site, the language and the clock (src/render/html/page-clock.ts).

import type { PlaceDocument } from '../../domain/documents.ts';
import type { Language } from '../../domain/languages.ts';
import type { IndicatorStatus } from '../../domain/model.ts';
import { messages } from '../../words/messages.ts';
import { localName } from '../../words/places.ts';
import { isolated } from '../escape.ts';
import type { PageSite } from '../site.ts';
import { PopulationChart } from './chart.tsx';
import { allCurrent, NotReported, StatusGroups, Updated } from './figures.tsx';
import { htmlDocument, Layout, type PageFeeds, pageHref, Subscribe } from './layout.tsx';
import { OtherNames, PlaceName, PlaceWhere } from './names.tsx';
import type { PageClock } from './page-clock.ts';
import { Timeline } from './timeline.tsx';

// The history lists the newest 50 reports, as a feed does by default, so that a page costs
// the same however long the history; the feeds' archives and the JSON history hold the rest.
const timelineSize = 50;

export function renderPlacePage(
  doc: PlaceDocument,
  site: PageSite,
  language: Language,
  clock: PageClock,
): string {
  const m = messages[language];
  const { place, status } = doc;
  const name = localName(place.names, language).text;
  const statuses = Object.values(status.indicators).filter((s): s is IndicatorStatus => s !== undefined);
  const baseline = status.indicators.population_baseline?.figure;
  const feeds: PageFeeds = { slug: place.slug, title: isolated(name) };
  return htmlDocument(
    <Layout
      site={site}
      language={language}
      title={`${m.placeTitle(isolated(name))} · ${m.siteName}`}
      feeds={feeds}
    >
      <p class="breadcrumb">
        <a href={pageHref('/', site, language)}>{m.allPlaces}</a>
      </p>
      <h1>
        <PlaceName names={place.names} language={language} />
      </h1>
      <OtherNames names={place.names} language={language} m={m} />
      <p class="place-where">
        <PlaceWhere place={place} language={language} />
        {place.coordinates ? ` · ${m.coordinates}: ${place.coordinates.lat}, ${place.coordinates.lon}` : ''}
      </p>
      <Updated
        statuses={statuses}
        updated={status.updated}
        reportCount={doc.reportCount}
        language={language}
        clock={clock}
      />

      <section aria-labelledby="status">
        <h2 id="status">{allCurrent(statuses, clock) ? m.currentStatus : m.reportedStatus}</h2>
        {statuses.length === 0 ? <p>{m.noStatus}</p> : ''}
        <div class="status-groups">
          <StatusGroups statuses={statuses} language={language} origin={site.origin} clock={clock} />
        </div>
        <NotReported coverage={status.coverage} language={language} />
      </section>

      <section aria-labelledby="population">
        <h2 id="population">{m.chartHeading}</h2>
        <PopulationChart
          history={doc.head}
          reportCount={doc.reportCount}
          baseline={baseline && 'value' in baseline ? baseline : undefined}
          placeName={isolated(name)}
          m={m}
          language={language}
        />
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{m.history}</h2>
        <p class="intro">{m.historyIntro}</p>
        <Timeline
          history={doc.head.slice(0, timelineSize)}
          reportCount={doc.reportCount}
          origin={site.origin}
          deskLinks={site.deskLinks === true}
          m={m}
          language={language}
        />
      </section>

      <Subscribe
        site={site}
        language={language}
        feeds={feeds}
        jsonApi={`${site.origin}/api/v1/places/${place.slug}`}
      />
    </Layout>,
  );
}
