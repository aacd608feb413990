// A place's history, newest first: every report with its dates, figures, source and
// verification. Nothing is hidden: a corrected report names its correction, a correction
// the report it replaced, a retracted report says it was withdrawn, and a report restored
// by the retraction of its correction says so.

import type { Language } from '../../domain/languages.ts';
import type { ReportSummary } from '../../domain/model.ts';
import { formatTimestamp } from '../../words/figures.ts';
import type { Messages } from '../../words/messages.ts';
import { deskReportPath, reportPageUrl } from '../site.ts';
import { FigureList, Provenance } from './figures.tsx';

interface TimelineProps {
  history: readonly ReportSummary[];
  reportCount: number;
  origin: string;
  /** The reader has a desk session: each report links to its page at the desk. */
  deskLinks: boolean;
  m: Messages;
  language: Language;
}

const anchor = (id: string) => `report-${id}`;

export function Timeline({ history, reportCount, origin, deskLinks, m, language }: TimelineProps) {
  const shown = new Map(history.map((s) => [s.id, s]));
  // A report on this page is linked in place; an older one, outside the window, to its page.
  const linkTo = (id: string) => {
    const other = shown.get(id);
    return other ? (
      <a href={`#${anchor(id)}`}>{m.reportPublishedAt(formatTimestamp(other.published, language))}</a>
    ) : (
      <a href={reportPageUrl(origin, id)}>{id}</a>
    );
  };
  return (
    <>
      <ol class="timeline">
        {history.map((s) => (
          <li id={anchor(s.id)} class={`report-${s.state}`}>
            <article aria-labelledby={`${anchor(s.id)}-title`}>
              <h3 id={`${anchor(s.id)}-title`}>{m.reportHeading(formatTimestamp(s.published, language))}</h3>
              {s.state === 'retracted' ? (
                <p class="report-state">
                  <strong>{m.retracted}.</strong> <a href={reportPageUrl(origin, s.id)}>{m.retractedNote}</a>
                </p>
              ) : (
                ''
              )}
              {s.supersededBy ? (
                <p class="report-state">
                  <strong>{m.correctedBy}</strong> {linkTo(s.supersededBy)}.
                </p>
              ) : (
                ''
              )}
              {s.restoredFrom ? (
                <p class="report-state">
                  <strong>{m.restored}:</strong> {m.restoredNote} ({linkTo(s.restoredFrom)}).
                </p>
              ) : (
                ''
              )}
              {s.corrects ? (
                <p class="report-state">
                  <strong>{m.correctionOf}</strong> {linkTo(s.corrects)}.
                </p>
              ) : (
                ''
              )}
              <FigureList
                figures={s.figures}
                language={language}
                observed={s.observed}
                textElsewhere={{ href: reportPageUrl(origin, s.id), words: m.situationInReport }}
              />
              <Provenance
                language={language}
                origin={origin}
                report={s.id}
                reportPublished={s.published}
                correction={s.corrects !== undefined}
                observed={s.observed}
                verification={s.verification}
                source={s.source}
              />
              {deskLinks ? (
                <p class="desk-link">
                  <a href={`${origin}${deskReportPath(s.id)}`}>{m.atTheDesk}</a>
                </p>
              ) : (
                ''
              )}
            </article>
          </li>
        ))}
      </ol>
      {reportCount > history.length ? (
        <p class="intro">{m.historyWindow(history.length, reportCount)}</p>
      ) : (
        ''
      )}
    </>
  );
}
