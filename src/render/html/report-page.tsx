// The page of one report, which every link meant for people points to: everything the
// report says (each figure with its qualifier, note, own source and quote; the observed
// date at its precision and when it was published; the source; the verification; the
// original text) and its fate: what it corrected and what changed, what corrected it, its
// retraction, or its restoration, each with its reason and links along the chain. Pure.

import type { FigureChange } from '../../domain/feed.ts';
import { staleAfter } from '../../domain/freshness.ts';
import type { Language } from '../../domain/languages.ts';
import type { Place, Report, ReportSummary, ReportView } from '../../domain/model.ts';
import { changeWords, formatPartialDate, formatTimestamp, indicatorLabel } from '../../words/figures.ts';
import { type Messages, messages } from '../../words/messages.ts';
import { languageName, localName, placeTitle } from '../../words/places.ts';
import { isolated } from '../escape.ts';
import { deskReportPath, type PageSite, placePageUrl, reportJsonUrl } from '../site.ts';
import { FigureList, Provenance, SourceWords, StaleNotice } from './figures.tsx';
import { htmlDocument, Layout, type PageFeeds, pageHref } from './layout.tsx';
import { PlaceName, PlaceWhere } from './names.tsx';
import type { PageClock } from './page-clock.ts';

/** A report with what its page shows besides it. */
export interface ReportPageData {
  view: ReportView;
  place: Place | undefined;
  /** The version this report corrects, and what the correction changed. */
  corrected?: { report: Report; changes: FigureChange[] };
  /** The correction that superseded this report. */
  correctedBy?: ReportSummary;
  /** For a superseded report: the version of its chain that is current. */
  current?: ReportSummary;
  /** What the retracted correction had changed, which its retraction changed back. */
  restoredChanges?: FigureChange[];
}

function Changes({
  changes,
  language,
  m,
}: {
  changes: readonly FigureChange[];
  language: Language;
  m: Messages;
}) {
  if (changes.length === 0) return '';
  return (
    <>
      <p>{m.changesHeading}:</p>
      <ul class="changes">
        {changes.map((c) => {
          const { before, after, valueUnchanged } = changeWords(c, language);
          return (
            <li>
              <strong>{indicatorLabel(c.indicator, language)}</strong>: <del>{before}</del> →{' '}
              <ins>{after}</ins>
              {valueUnchanged ? ` (${m.valueUnchanged})` : ''}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Reason({ reason, m }: { reason: string; m: Messages }) {
  return (
    <p>
      {m.reasonLabel}: <bdi>{reason}</bdi>
    </p>
  );
}

function Fate({ data, site, language }: { data: ReportPageData; site: PageSite; language: Language }) {
  const m = messages[language];
  const { view, corrected, correctedBy } = data;
  const link = (id: string, published: string) => (
    <a href={pageHref(`/reports/${id}`, site, language)}>
      {m.reportPublishedAt(formatTimestamp(published, language))}
    </a>
  );
  return (
    <section aria-labelledby="fate" class={`fate report-${view.state}`}>
      <h2 id="fate">{m.fateHeading}</h2>
      <p>
        <strong>{m.fate[view.state]}</strong>
      </p>
      {view.retraction ? (
        <>
          <p>{m.retractedOn(formatTimestamp(view.retraction.retracted, language))}.</p>
          {view.retraction.withdrawnWithChainOf ? <p>{m.withdrawnWithChain}</p> : ''}
          <Reason reason={view.retraction.reason} m={m} />
        </>
      ) : (
        ''
      )}
      {correctedBy ? (
        <p>
          {m.correctedByReport}: {link(correctedBy.id, correctedBy.published)}.
        </p>
      ) : (
        ''
      )}
      {data.current ? (
        <p>
          <a href={pageHref(`/reports/${data.current.id}`, site, language)}>
            {m.moderation.currentVersion(formatTimestamp(data.current.published, language))}
          </a>
        </p>
      ) : (
        ''
      )}
      {view.restored ? (
        <>
          <p>
            <strong>{m.restored}:</strong> {m.restoredNote} (
            <a href={pageHref(`/reports/${view.restored.correction}`, site, language)}>
              {m.retractedOn(formatTimestamp(view.restored.retracted, language))}
            </a>
            ).
          </p>
          <Reason reason={view.restored.reason} m={m} />
          <Changes changes={data.restoredChanges ?? []} language={language} m={m} />
        </>
      ) : (
        ''
      )}
      {view.corrects ? (
        <>
          <p>
            {m.correctsReport}:{' '}
            {corrected ? link(corrected.report.id, corrected.report.published) : view.corrects.report}.
          </p>
          <Reason reason={view.corrects.reason} m={m} />
          {corrected ? <Changes changes={corrected.changes} language={language} m={m} /> : ''}
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/**
 * What a report says, in full: its summary and original text, its figures (each with its
 * note, own source and quote) and its source; on its page, and in the desk's preview of it.
 */
export function ReportSections({
  report,
  language,
}: {
  report: Pick<Report, 'summary' | 'figures' | 'source' | 'observed'>;
  language: Language;
}) {
  const m = messages[language];
  const original = report.summary.original;
  const { source } = report;
  return (
    <>
      <section aria-labelledby="summary">
        <h2 id="summary">{m.summaryHeading}</h2>
        <p lang={report.summary.language}>
          <bdi>{report.summary.text}</bdi>
        </p>
        {original ? (
          <figure class="original">
            <figcaption>{m.original(languageName(original.language, language))}</figcaption>
            <blockquote lang={original.language}>
              <p>{original.text}</p>
            </blockquote>
          </figure>
        ) : (
          ''
        )}
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures">{m.figuresHeading}</h2>
        <FigureList
          figures={report.figures}
          language={language}
          quoteLanguage={original?.language ?? source.language}
          notesLanguage={report.summary.language}
          observed={report.observed}
        />
      </section>

      <section aria-labelledby="source">
        <h2 id="source">{m.sourceHeading}</h2>
        <p>
          <SourceWords source={source} m={m} language={language} />
        </p>
        <dl class="source">
          <dt>{m.sourceName}</dt>
          <dd>
            <bdi>{source.name}</bdi>
          </dd>
          {source.role ? (
            <>
              <dt>{m.sourceRole}</dt>
              <dd>
                <bdi>{source.role}</bdi>
              </dd>
            </>
          ) : (
            ''
          )}
          <dt>{m.sourceKind}</dt>
          <dd>{m.sourceKinds[source.kind]}</dd>
          <dt>{m.sourceLanguage}</dt>
          <dd>{languageName(source.language, language)}</dd>
          {source.via ? (
            <>
              <dt>{m.via}</dt>
              <dd>
                <bdi>{source.via}</bdi>
              </dd>
            </>
          ) : (
            ''
          )}
          {source.url ? (
            <>
              <dt>{m.sourceLink}</dt>
              <dd>
                <a href={source.url} rel="nofollow noopener">
                  {source.url}
                </a>
              </dd>
            </>
          ) : (
            ''
          )}
        </dl>
      </section>
    </>
  );
}

export function renderReportPage(
  data: ReportPageData,
  site: PageSite,
  language: Language,
  clock: PageClock,
): string {
  const m = messages[language];
  const { view, place } = data;
  const name = place ? localName(place.names, language).text : view.place;
  const observed = formatPartialDate(view.observed, language);
  const stale = view.figures.some((f) => clock.isStale(staleAfter(f.indicator, view.observed)));
  const feeds: PageFeeds = {
    slug: view.place,
    title: isolated(place ? placeTitle(place, language) : view.place),
  };
  const { source } = view;
  return htmlDocument(
    <Layout
      site={site}
      language={language}
      title={`${m.reportOn} ${isolated(name)}, ${observed} · ${m.siteName}`}
      feeds={feeds}
      json={reportJsonUrl(site.origin, view.id)}
    >
      <p class="breadcrumb">
        <a href={pageHref('/', site, language)}>{m.allPlaces}</a> ›{' '}
        <a href={pageHref(`/places/${view.place}`, site, language)}>
          {place ? <PlaceName names={place.names} language={language} /> : view.place}
        </a>
      </p>
      <h1>
        {m.reportOn} {place ? <PlaceName names={place.names} language={language} /> : <bdi>{view.place}</bdi>}
        , {observed}
      </h1>
      {place ? (
        <p class="place-where">
          <PlaceWhere place={place} language={language} />
        </p>
      ) : (
        ''
      )}
      <Provenance
        language={language}
        origin={site.origin}
        report={view.id}
        observed={view.observed}
        published={view.published}
        reportPublished={view.published}
        verification={view.verification}
        source={source}
        linkReport={false}
      />
      {view.publishedBy ? (
        <p class="intro">
          {m.publishedBy} <bdi>{view.publishedBy}</bdi>
        </p>
      ) : (
        ''
      )}
      {stale && view.state === 'active' ? (
        <StaleNotice observed={view.observed} clock={clock} language={language} />
      ) : (
        ''
      )}

      <Fate data={data} site={site} language={language} />

      <ReportSections report={view} language={language} />

      <ul class="subscribe-links">
        <li>
          <a href={placePageUrl(site.origin, view.place)}>{m.placePage}</a>
        </li>
        <li>
          <a href={reportJsonUrl(site.origin, view.id)} type="application/json">
            {m.reportAsJsonLink}
          </a>
        </li>
        {site.deskLinks ? (
          <li>
            <a href={pageHref(deskReportPath(view.id), site, language)}>
              {view.state === 'superseded' ? m.moderation.withdrawAtDesk : m.moderation.atDesk}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </Layout>,
  );
}
