// The pages for people as their writers store them: every place (/) and each place's page, in
// each page language, for a reader who chose no language in the URL and is not marked as a
// writer, which is nearly every reader. A page says how long ago things happened, so it is
// stored with slots for those words (src/render/html/page-clock.ts), filled as it is served,
// and with the moment its first figure goes stale, after which it is rendered again.

import type { PlaceDocument } from '../domain/documents.ts';
import type { HistoryScope } from '../domain/history.ts';
import type { Language } from '../domain/languages.ts';
import type { PlaceSummary } from '../domain/model.ts';
import { renderIndexPage } from '../render/html/index-page.tsx';
import { hasOnlyTimeSlots, type PageClock, storingClockAt } from '../render/html/page-clock.ts';
import { renderPlacePage } from '../render/html/place-page.tsx';
import type { PageSite } from '../render/site.ts';
import type { StoredAnswer } from '../store/status-store.ts';
import { templateAnswerOf } from './stored.ts';

/** The path of a scope's page: / for every place, /places/{slug} for one. */
const pagePath = (scope: HistoryScope) => (scope.kind === 'all' ? '/' : `/places/${scope.slug}`);

/** A page as every such reader of its path and language gets it, at any origin; none when it cannot be stored. */
async function pageAnswer(
  scope: HistoryScope,
  render: (site: PageSite, clock: PageClock) => string,
  now: Date,
): Promise<StoredAnswer | undefined> {
  const clock = storingClockAt(now);
  const site = (origin: string) => ({
    origin,
    path: pagePath(scope),
    languageInUrl: false,
    deskLinks: false,
  });
  const answer = await templateAnswerOf((origin) => render(site(origin), clock), null);
  if (!answer.parts.every(hasOnlyTimeSlots)) return undefined;
  return { ...answer, until: clock.staleUntil() };
}

export const indexPageAnswer = (places: readonly PlaceSummary[], language: Language, now: Date) =>
  pageAnswer({ kind: 'all' }, (site, clock) => renderIndexPage(places, site, language, clock), now);

export const placePageAnswer = (doc: PlaceDocument, language: Language, now: Date) =>
  pageAnswer(
    { kind: 'place', slug: doc.place.slug },
    (site, clock) => renderPlacePage(doc, site, language, clock),
    now,
  );
