// Figures and their provenance, shared by the cards, the place's status and its history:
// each figure in words with its qualifier, each group of figures with the verification,
// the observed date and the source of the report they come from.

import type { Figure, FigureSummary, Source, Verification } from '../../domain/model.ts';
import { figureRows, formatPartialDate, formatTimestamp } from '../../words/figures.ts';
import { type Language, type Messages, messages } from '../../words/messages.ts';
import { reportUrl } from '../site.ts';
import { StateIcon, VerificationIcon } from './icons.tsx';

/** Statuses of one place grouped by the report they come from, in order of first appearance. */
export function groupByReport<S extends { report: string }>(statuses: readonly S[]): S[][] {
  const groups = new Map<string, S[]>();
  for (const status of statuses) groups.set(status.report, [...(groups.get(status.report) ?? []), status]);
  return [...groups.values()];
}

interface FigureListProps {
  figures: readonly (Figure | FigureSummary)[];
  language: Language;
  /** Where a summary's left-out free text can be read; full figures have their text. */
  textElsewhere?: { href: string; words: string };
}

export function FigureList({ figures, language, textElsewhere }: FigureListProps) {
  return (
    <ul class="figures">
      {figureRows(figures, language).map((row) => {
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
              {row.note ? (
                <span class="figure-note">
                  <bdi>{row.note}</bdi>
                </span>
              ) : (
                ''
              )}
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
              {row.note ? (
                <span class="figure-note">
                  <bdi>{row.note}</bdi>
                </span>
              ) : (
                ''
              )}
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
}

function SourceWords({ source, m }: { source: ProvenanceProps['source']; m: Messages }) {
  const who = [source.name, 'role' in source ? source.role : undefined].filter(Boolean).join(', ');
  const via = 'via' in source && source.via ? source.via : undefined;
  return (
    <>
      <bdi>{who}</bdi>
      {` (${m.sourceKinds[source.kind]})`}
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
  const { language, source } = props;
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
        {m.source}: <SourceWords source={source} m={m} />
      </span>{' '}
      <a href={reportUrl(props.origin, props.report)} type="application/json">
        {m.fullReport}
      </a>
    </p>
  );
}
