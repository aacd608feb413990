// The desk's ways to a report: the newest reports, of all writers or of the writer alone, and
// the newest changes with who made each, each with its public page and its page at the desk.
// Pure.

import type { Change, PublishedReport } from '../../domain/changes.ts';
import type { Language } from '../../domain/languages.ts';
import type { PlaceSummary } from '../../domain/model.ts';
import { pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { formatPartialDate, formatTimestamp } from '../../words/figures.ts';
import { localName } from '../../words/places.ts';
import { deskMessages } from '../words.ts';
import { moderatePath } from './moderation-forms.tsx';

export function NewestReports({
  id,
  heading,
  empty,
  reports,
  places,
  deskLinks,
  site,
  language,
}: {
  /** The section's id, which its heading labels it by. */
  id: string;
  heading: string;
  empty: string;
  reports: readonly PublishedReport[];
  places: ReadonlyMap<string, PlaceSummary>;
  /** Whether the writer may moderate, which is what a report's page at the desk is for. */
  deskLinks: boolean;
  site: PageSite;
  language: Language;
}) {
  const m = deskMessages[language];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {reports.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul class="newest-reports">
          {reports.map((report) => {
            const place = places.get(report.place);
            const words = m.home.item(
              place ? localName(place.names, language).text : report.place,
              formatPartialDate(report.observed, language),
              formatTimestamp(report.published, language),
            );
            return (
              <li class={`report-${report.state}`}>
                <a href={pageHref(`/reports/${report.id}`, site, language)}>{words}</a>
                {report.state === 'active' ? '' : ` (${m.home.states[report.state]})`}
                {deskLinks ? (
                  <>
                    {' · '}
                    <a href={pageHref(moderatePath(report.id), site, language)}>{m.home.deskPage}</a>
                  </>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The newest changes of the change log, each with who published it, as only the desk shows it. */
export function LatestChanges({
  changes,
  places,
  deskLinks,
  site,
  language,
}: {
  changes: readonly Change[];
  places: ReadonlyMap<string, PlaceSummary>;
  deskLinks: boolean;
  site: PageSite;
  language: Language;
}) {
  const m = deskMessages[language];
  return (
    <section aria-labelledby="latest-changes">
      <h2 id="latest-changes">{m.changes.heading}</h2>
      {changes.length === 0 ? (
        <p>{m.changes.none}</p>
      ) : (
        <ul class="newest-reports">
          {changes.map((change) => {
            const place = places.get(change.place);
            const words = m.changes.item(
              m.changes.kinds[change.kind],
              place ? localName(place.names, language).text : change.place,
              formatTimestamp(change.at, language),
            );
            return (
              <li>
                <a href={pageHref(`/reports/${change.report}`, site, language)}>{words}</a>{' '}
                {change.publishedBy ? (
                  <span class="published-by">
                    {m.changes.by} <bdi>{change.publishedBy}</bdi>
                  </span>
                ) : (
                  <span class="published-by">{m.changes.byUnknown}</span>
                )}
                {deskLinks ? (
                  <>
                    {' · '}
                    <a href={pageHref(moderatePath(change.report), site, language)}>{m.home.deskPage}</a>
                  </>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
