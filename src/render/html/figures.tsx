// Figures and their provenance, shared by the cards, the place's status, its history and
// the page of a report: each figure in words with its qualifier, who stated it when another
// voice than the report's source did, and the original's words that state it; each group
// of figures with the verification, the observed date and the source they come from, and,
// once they are stale, that they have not been confirmed since.

import type { Child } from 'hono/jsx';
import { comparePartialDates, periodEnd } from '../../domain/dates.ts';
import { type IndicatorKind, indicatorRegistry } from '../../domain/indicators.ts';
import type { Language } from '../../domain/languages.ts';
import type {
  Coverage,
  Disagreement,
  Figure,
  FigureSummary,
  Source,
  Verification,
} from '../../domain/model.ts';
import {
  disagreementWords,
  type FigureRow,
  figureRows,
  figureWords,
  formatCount,
  formatPartialDate,
  formatTimestamp,
  indicatorLabel,
} from '../../words/figures.ts';
import { type Messages, messages } from '../../words/messages.ts';
import { languageName } from '../../words/places.ts';
import { isolated } from '../escape.ts';
import { reportPageUrl } from '../site.ts';
import { StateIcon, VerificationIcon } from './icons.tsx';
import type { PageClock } from './page-clock.ts';

interface GroupedStatus {
  report: string;
  source: Pick<Source, 'name' | 'kind'>;
  staleAfter: string;
}

/**
 * Statuses of one place in groups that share a report, a source and whether they are stale
 * on the page's clock, in order of first appearance: each group is then shown under one provenance.
 */
function groupByProvenance<S extends GroupedStatus>(statuses: readonly S[], clock: PageClock): S[][] {
  const groups = new Map<string, S[]>();
  for (const status of statuses) {
    const key = JSON.stringify([status.report, status.source, clock.isStale(status.staleAfter)]);
    groups.set(key, [...(groups.get(key) ?? []), status]);
  }
  return [...groups.values()];
}

interface FigureListProps {
  figures: readonly (Figure | FigureSummary)[];
  language: Language;
  /** Where a summary's left-out free text can be read; full figures have their text. */
  textElsewhere?: { href: string; words: string };
  /** The language of the original text the figures' quotes are taken from. */
  quoteLanguage?: string;
  /** Whether to name a figure's own source: not where the group's provenance already does. */
  ownSources?: boolean;
  /** The language notes are written in, when it is not the page's. */
  notesLanguage?: string;
  /** Figures of other reports a count may be stated as part of ("of about 80,000"). */
  wholesElsewhere?: readonly (Figure | FigureSummary)[];
  /** When the figures were observed: a count for a period says which ("in November 2022"). */
  observed?: string;
  /** What stands under a figure's line, such as what other sources say of it. */
  under?: (indicator: string) => Child;
}

function RowProvenance({
  row,
  language,
  quoteLanguage,
  ownSources,
}: {
  row: FigureRow;
  language: Language;
  quoteLanguage: string | undefined;
  ownSources: boolean;
}) {
  const m = messages[language];
  return (
    <>
      {ownSources && row.sources
        ? row.sources.map((source) => (
            <span class="figure-source">
              {m.statedBy}: <SourceWords source={source} m={m} language={language} />
            </span>
          ))
        : ''}
      {(row.quotes ?? []).map((quote) => (
        <span class="figure-quote">
          {quoteLanguage ? `${m.quoteIn(languageName(quoteLanguage, language))}: ` : ''}
          <q lang={quoteLanguage}>{quote}</q>
        </span>
      ))}
    </>
  );
}

/** A figure's note, marked with its language where that is not the page's. */
function FigureNote({ note, lang }: { note: string | undefined; lang: string | undefined }) {
  return note ? (
    <span class="figure-note">
      <bdi lang={lang}>{note}</bdi>
    </span>
  ) : (
    ''
  );
}

export function FigureList(props: FigureListProps) {
  const {
    figures,
    language,
    textElsewhere,
    quoteLanguage,
    ownSources = true,
    notesLanguage,
    wholesElsewhere,
    observed,
    under = () => '',
  } = props;
  const noteLang = notesLanguage && notesLanguage !== language ? notesLanguage : undefined;
  const provenance = (row: FigureRow) => (
    <RowProvenance row={row} language={language} quoteLanguage={quoteLanguage} ownSources={ownSources} />
  );
  return (
    <ul class="figures">
      {figureRows(figures, language, wholesElsewhere, observed).map((row) => {
        const label = (
          <span class="figure-label">
            {row.label}
            <span class="visually-hidden">: </span>
          </span>
        );
        if (row.kind === 'utility') {
          return (
            <li class={`figure state-${row.state}`}>
              <StateIcon state={row.state} />
              {label}
              <span class="figure-value">
                <strong>{row.stateWords}</strong>
                {row.since ? ` ${row.since}` : ''}
              </span>
              <FigureNote note={row.note} lang={noteLang} />
              {provenance(row)}
              {under(row.indicator)}
            </li>
          );
        }
        if (row.kind === 'count') {
          return (
            <li class="figure">
              {label}
              <span class="figure-value">
                <strong>{row.words}</strong>
              </span>
              <FigureNote note={row.note} lang={noteLang} />
              {provenance(row)}
              {under(row.indicator)}
            </li>
          );
        }
        return (
          <li class="figure">
            {label}
            {row.text ? (
              <span class="figure-value" lang={row.language}>
                {row.text}
              </span>
            ) : (
              textElsewhere && (
                <span class="figure-value">
                  <a href={textElsewhere.href}>{textElsewhere.words}</a>
                </span>
              )
            )}
            {provenance(row)}
            {under(row.indicator)}
          </li>
        );
      })}
    </ul>
  );
}

export function VerificationBadge({ verification, m }: { verification: Verification; m: Messages }) {
  return (
    <span class={`badge badge-${verification}`}>
      <VerificationIcon verification={verification} />
      <span class="visually-hidden">{m.verificationLabel}: </span>
      {m.verification[verification]}
    </span>
  );
}

interface ProvenanceProps {
  language: Language;
  origin: string;
  report: string;
  observed: string;
  verification: Verification;
  /** The whole source, or its name and kind only, as history summaries hold it. */
  source: Source | Pick<Source, 'name' | 'kind'>;
  published?: string;
  /**
   * When the report was published, and whether it is a correction: its link says both, so
   * that a report and its correction are never linked with the same words.
   */
  reportPublished: string;
  correction?: boolean;
  /** Where the report's page is linked from: "Full report" links it unless it is that page. */
  linkReport?: boolean;
}

export function SourceWords({
  source,
  m,
  language,
}: {
  source: ProvenanceProps['source'];
  m: Messages;
  language: Language;
}) {
  const who = [source.name, 'role' in source ? source.role : undefined].filter(Boolean).join(', ');
  const via = 'via' in source && source.via ? source.via : undefined;
  return (
    <>
      <bdi>{who}</bdi>
      {` (${m.sourceKinds[source.kind]}${'language' in source ? `, ${languageName(source.language, language)}` : ''})`}
      {via ? (
        <>
          {`; ${m.via} `}
          <bdi>{via}</bdi>
        </>
      ) : (
        ''
      )}
      {'url' in source && source.url ? (
        <>
          {' '}
          <a href={source.url} rel="nofollow noopener">
            {source.url}
          </a>
        </>
      ) : (
        ''
      )}
    </>
  );
}

export function Provenance(props: ProvenanceProps) {
  const { language, source, linkReport = true } = props;
  const m = messages[language];
  return (
    <p class="provenance">
      <VerificationBadge verification={props.verification} m={m} />{' '}
      <span>
        {m.observed}: <time datetime={props.observed}>{formatPartialDate(props.observed, language)}</time>
      </span>{' '}
      {props.published ? (
        <>
          <span>
            {m.published}:{' '}
            <time datetime={props.published}>{formatTimestamp(props.published, language)}</time>
          </span>{' '}
        </>
      ) : (
        ''
      )}
      <span>
        {m.source}: <SourceWords source={source} m={m} language={language} />
      </span>
      {linkReport ? (
        <>
          {' '}
          <a href={reportPageUrl(props.origin, props.report)}>
            {(props.correction ? m.fullCorrection : m.fullReport)(
              formatTimestamp(props.reportPublished, language),
            )}
          </a>
        </>
      ) : (
        ''
      )}
    </p>
  );
}

/** Said of stale figures: when they were last confirmed, and that they may not hold today. */
export function StaleNotice({
  observed,
  clock,
  language,
}: {
  observed: string;
  clock: PageClock;
  language: Language;
}) {
  const m = messages[language];
  const ago = clock.since(periodEnd(observed).toISOString(), language);
  return (
    <p class="stale-notice">
      <strong>{m.lastConfirmed(formatPartialDate(observed, language), ago)}.</strong> {m.notConfirmedSince}
    </p>
  );
}

interface StatusGroupsProps<S> {
  statuses: readonly S[];
  language: Language;
  origin: string;
  clock: PageClock;
  textElsewhere?: { href: string; words: string };
}

/** A figure in force with where it comes from: a headline, or one shown beside it. */
interface FigureInForce {
  figure: Figure | FigureSummary;
  report: string;
  observed: string;
  published: string;
  verification: Verification;
  source: Source;
}

type ShownStatus = GroupedStatus &
  FigureInForce & {
    /** A count for a period only, beside the running total that is the headline. */
    period?: FigureInForce & { staleAfter: string };
    disagreement?: Disagreement;
  };

/** "and at least 40 in November 2022, from …": never in the headline's place, with its own provenance. */
function PeriodBeside({
  period,
  language,
  origin,
  clock,
}: {
  period: NonNullable<ShownStatus['period']>;
  language: Language;
  origin: string;
  clock: PageClock;
}) {
  const m = messages[language];
  return (
    <p class="figure-period">
      {m.periodBeside(figureWords(period.figure, language, period.observed), isolated(period.source.name))}{' '}
      <VerificationBadge verification={period.verification} m={m} />{' '}
      <a href={reportPageUrl(origin, period.report)}>
        {m.fullReport(formatTimestamp(period.published, language))}
      </a>
      {clock.isStale(period.staleAfter) ? <span class="figure-stale"> {m.notConfirmedSince}</span> : ''}
    </p>
  );
}

const countOf = (figure: Figure | FigureSummary, language: Language) =>
  'value' in figure ? formatCount(figure.value, figure.qualifier, language, figure.high) : '';

/** Sources that disagree, side by side: the span they give, and each with its own figure. */
function SourcesDisagree({
  disagreement,
  language,
  origin,
}: {
  disagreement: Disagreement;
  language: Language;
  origin: string;
}) {
  const m = messages[language];
  return (
    <div class="disagreement">
      <p>
        <strong>{m.sourcesDisagree}:</strong> {disagreementWords(disagreement, language)}
      </p>
      <ul>
        {disagreement.figures.map((stated) => (
          <li>
            <strong>{countOf(stated.figure, language)}</strong>
            {' · '}
            <SourceWords source={stated.source} m={m} language={language} />
            {' · '}
            {m.observed}:{' '}
            <time datetime={stated.observed}>{formatPartialDate(stated.observed, language)}</time>{' '}
            <VerificationBadge verification={stated.verification} m={m} />{' '}
            <a href={reportPageUrl(origin, stated.report)}>
              {m.fullReport(formatTimestamp(stated.published, language))}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What stands under a headline: a count for a period beside it, and sources that disagree. */
function Beside({
  status,
  language,
  origin,
  clock,
}: {
  status: ShownStatus | undefined;
  language: Language;
  origin: string;
  clock: PageClock;
}) {
  if (!status) return '';
  return (
    <>
      {status.period ? (
        <PeriodBeside period={status.period} language={language} origin={origin} clock={clock} />
      ) : (
        ''
      )}
      {status.disagreement ? (
        <SourcesDisagree disagreement={status.disagreement} language={language} origin={origin} />
      ) : (
        ''
      )}
    </>
  );
}

/**
 * "No report on running water yet", for each indicator of `kinds` (all, when left out) that
 * no report has stated: no report is not "fine", and is never left to silence.
 */
export function NotReported({
  coverage,
  language,
  kinds,
}: {
  coverage: Partial<Record<string, Coverage>>;
  language: Language;
  kinds?: readonly IndicatorKind[];
}) {
  const m = messages[language];
  const missing = indicatorRegistry.filter(
    ({ id, kind }) => coverage[id] === 'not_reported' && (kinds === undefined || kinds.includes(kind)),
  );
  if (missing.length === 0) return '';
  return (
    <ul class="not-reported">
      {missing.map(({ id }) => (
        <li>{m.notReported(indicatorLabel(id, language, false))}</li>
      ))}
    </ul>
  );
}

/** A place's current figures, under the provenance they share, stale ones said to be so. */
export function StatusGroups<S extends ShownStatus>({
  statuses,
  language,
  origin,
  clock,
  textElsewhere,
}: StatusGroupsProps<S>) {
  const byIndicator = new Map<string, S>(statuses.map((s) => [s.figure.indicator, s]));
  const under = (indicator: string) => (
    <Beside status={byIndicator.get(indicator)} language={language} origin={origin} clock={clock} />
  );
  return (
    <>
      {groupByProvenance(statuses, clock).map((group) => {
        const [first] = group;
        if (!first) return '';
        const stale = clock.isStale(first.staleAfter);
        return (
          <div class={stale ? 'report-group stale' : 'report-group'}>
            {stale ? <StaleNotice observed={first.observed} clock={clock} language={language} /> : ''}
            <FigureList
              figures={group.map((s) => s.figure)}
              language={language}
              quoteLanguage={first.source.language}
              ownSources={false}
              wholesElsewhere={statuses.map((s) => s.figure)}
              observed={first.observed}
              under={under}
              {...('language' in first && typeof first.language === 'string'
                ? { notesLanguage: first.language }
                : {})}
              {...(textElsewhere ? { textElsewhere } : {})}
            />
            <Provenance
              language={language}
              origin={origin}
              report={first.report}
              observed={first.observed}
              published={first.published}
              reportPublished={first.published}
              verification={first.verification}
              source={first.source}
            />
          </div>
        );
      })}
    </>
  );
}

/** True when every figure shown is current on the page's clock: only then is it "current status". */
export function allCurrent(statuses: readonly { staleAfter: string }[], clock: PageClock): boolean {
  return statuses.every((s) => !clock.isStale(s.staleAfter));
}

/**
 * When a place's figures were observed, then when its last report was added: the observed
 * date leads, so that "1 minute ago" cannot be read as the age of the figures.
 */
export function Updated(props: {
  statuses: readonly { observed: string }[];
  updated: string | null;
  reportCount: number;
  language: Language;
  clock: PageClock;
}) {
  const { statuses, updated, reportCount, language, clock } = props;
  const m = messages[language];
  const newest = statuses
    .map((s) => s.observed)
    .reduce<string | undefined>(
      (a, b) => (a === undefined || comparePartialDates(b, a) > 0 ? b : a),
      undefined,
    );
  return (
    <p class="updated">
      {newest ? (
        <>
          {m.newestObserved}: <time datetime={newest}>{formatPartialDate(newest, language)}</time>
          {' · '}
        </>
      ) : (
        ''
      )}
      {updated ? (
        <>
          {m.addedHere} <time datetime={updated}>{clock.since(updated, language)}</time>
        </>
      ) : (
        m.noReports
      )}
      {' · '}
      {m.reportCount(reportCount)}
    </p>
  );
}
