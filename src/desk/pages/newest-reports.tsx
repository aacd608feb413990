// The desk's ways to a report: the newest reports, of all writers or of the writer alone,
// each with its public page and its page at the desk. Pure.

import type { Language } from '../../domain/languages.ts';
import type { PlaceSummary, ReportSummary } from '../../domain/model.ts';
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
  reports: readonly ReportSummary[];
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
