// The desk's import: the upload form; the check of a file (each problem and warning by its
// row and column, or the reports it would publish, the warnings to confirm, and the file
// carried on to publishing); and what was published. Server-rendered, no script; every
// control has a visible label. Pure.

import { type ImportLanguage, importLanguages, type Language } from '../../domain/languages.ts';
import type { Warning } from '../../domain/plausibility.ts';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { figureWords, formatPartialDate, formatTimestamp, indicatorLabel } from '../../words/figures.ts';
import { reportFields as f } from '../forms/report-form-fields.ts';
import { deskWarningDetail } from '../forms/words.ts';
import { cellOfProblem, type ImportCheck, type ImportedReport } from '../import/report-import.ts';
import { importProblemText, importWords, templateLanguageNames } from '../import/words.ts';
import { DeskPage, deskCrumb } from './desk-layout.tsx';

export const importPath = '/desk/import';
export const importCheckPath = '/desk/import/check';
/** The form field of the uploaded file, and of the file carried from the check to publishing. */
export const importFields = { file: 'file', table: 'table' } as const;
export const importTemplatePath = (language: ImportLanguage) => `/desk/import/template.${language}.csv`;

/** A template per language, each by the language's own name. */
function Templates({ language }: { language: Language }) {
  return (
    <>
      <p>{importWords[language].templatesIntro}</p>
      <ul>
        {importLanguages.map((l) => (
          <li>
            <a href={importTemplatePath(l)} hreflang={l} lang={l} download>
              {templateLanguageNames[l]}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function UploadForm({
  site,
  language,
  formToken,
}: {
  site: PageSite;
  language: Language;
  formToken: string;
}) {
  const w = importWords[language];
  return (
    <form
      method="post"
      action={pageHref(importCheckPath, site, language)}
      enctype="multipart/form-data"
      class="desk-form"
    >
      <input type="hidden" name={f.formToken} value={formToken} />
      <p class="field">
        <label for="import-file">{w.fileLabel}</label>
        <span id="import-file-hint" class="hint">
          {w.fileHint}
        </span>
        <input
          id="import-file"
          name={importFields.file}
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby="import-file-hint"
        />
      </p>
      <p>
        <button type="submit">{w.check}</button>
      </p>
    </form>
  );
}

/** The upload form, with what went wrong with the last file when something did. */
export function renderImportForm(
  formToken: string,
  site: PageSite,
  language: Language,
  problem?: string,
): string {
  const w = importWords[language];
  return htmlDocument(
    <DeskPage site={site} language={language} trail={[deskCrumb(language)]} heading={w.heading}>
      <p class="intro">{w.intro}</p>
      <p>{w.columnsIntro}</p>
      <p>{w.writtenIntro}</p>
      <Templates language={language} />
      {problem ? (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      ) : (
        ''
      )}
      <UploadForm site={site} language={language} formToken={formToken} />
    </DeskPage>,
  );
}

const rowsText = (rows: readonly number[]) => rows.join(', ');

function ReportTable({
  reports,
  caption,
  site,
  language,
  link,
}: {
  reports: readonly ImportedReport[];
  caption: string;
  site: PageSite;
  language: Language;
  link: boolean;
}) {
  const w = importWords[language];
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{w.rows}</th>
          <th scope="col">{w.place}</th>
          <th scope="col">{w.observed}</th>
          <th scope="col">{w.figures}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map(({ rows, report }) => (
          <tr>
            <td>{rowsText(rows)}</td>
            <td>
              {link ? (
                <a href={pageHref(`/reports/${report.id}`, site, language)}>{report.place}</a>
              ) : (
                report.place
              )}
            </td>
            <td>{formatPartialDate(report.observed, language)}</td>
            <td>
              {report.figures
                .map(
                  (figure) =>
                    `${indicatorLabel(figure.indicator, language)}: ${figureWords(figure, language)}`,
                )
                .join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The warnings of one code and the rows they are in, to confirm together. */
function warningsByCode(warnings: ImportCheck['warnings']): [Warning['code'], ImportCheck['warnings']][] {
  return [...Map.groupBy(warnings, (w) => w.warning.code)];
}

export interface ImportCheckView {
  check: ImportCheck;
  formToken: string;
  /** The file as read, carried on to publishing in the form. */
  table: string;
  /** Publishing was asked for with warnings left unconfirmed. */
  unconfirmed?: boolean;
}

/** A file's problems by row, or the reports it would publish and the warnings to confirm. */
export function renderImportCheck(view: ImportCheckView, site: PageSite, language: Language): string {
  const w = importWords[language];
  const { check } = view;
  if (check.problems.length > 0) {
    return htmlDocument(
      <DeskPage site={site} language={language} trail={[deskCrumb(language)]} heading={w.problemsHeading}>
        <div class="form-problem" role="alert">
          <p>{w.problemsIntro}</p>
        </div>
        <table>
          <caption>{w.problemsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{w.row}</th>
              <th scope="col">{w.column}</th>
              <th scope="col">{w.problem}</th>
            </tr>
          </thead>
          <tbody>
            {check.problems.map((problem) => {
              const { row, column } = cellOfProblem(problem);
              return (
                <tr>
                  <td>{row ?? w.wholeFile}</td>
                  <td>{column ?? ''}</td>
                  <td>{importProblemText(problem, language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <UploadForm site={site} language={language} formToken={view.formToken} />
      </DeskPage>,
    );
  }
  const groups = warningsByCode(check.warnings);
  return htmlDocument(
    <DeskPage site={site} language={language} trail={[deskCrumb(language)]} heading={w.checkHeading}>
      <p class="intro">{check.reports.length > 0 ? w.checkIntro(check.reports.length) : w.nothingNew}</p>
      {check.reports.length > 0 ? (
        <ReportTable
          reports={check.reports}
          caption={w.reportsCaption}
          site={site}
          language={language}
          link={false}
        />
      ) : (
        ''
      )}
      {check.alreadyPublished.length > 0 ? (
        <>
          <p>{w.alreadyIntro}</p>
          <ReportTable
            reports={check.alreadyPublished}
            caption={w.alreadyCaption}
            site={site}
            language={language}
            link
          />
        </>
      ) : (
        ''
      )}
      {check.reports.length > 0 ? (
        <form method="post" action={pageHref(importPath, site, language)} class="desk-form">
          <input type="hidden" name={f.formToken} value={view.formToken} />
          <input type="hidden" name={importFields.table} value={view.table} />
          {groups.length > 0 ? (
            <fieldset class="warnings" {...(view.unconfirmed ? { role: 'alert' } : {})}>
              <legend>{w.warningsCaption}</legend>
              {groups.map(([code, warnings], i) => (
                <div>
                  <ul>
                    {warnings.map(({ row, column, warning }) => (
                      <li>
                        {w.row} {row}
                        {column ? `, ${column}` : ''}: {deskWarningDetail(warning, language)}
                      </li>
                    ))}
                  </ul>
                  <p class="field">
                    <input type="checkbox" id={`confirm-${i}`} name={f.confirm} value={code} />
                    <label for={`confirm-${i}`}>
                      {w.confirm(`${w.rows.toLowerCase()} ${rowsText(warnings.map((x) => x.row))}`)}
                    </label>
                  </p>
                </div>
              ))}
            </fieldset>
          ) : (
            ''
          )}
          <p>
            <button type="submit">{w.publish}</button>
          </p>
        </form>
      ) : (
        <p>
          <a href={pageHref(importPath, site, language)}>{w.another}</a>
        </p>
      )}
    </DeskPage>,
  );
}

export interface ImportResultView {
  reports: readonly ImportedReport[];
  alreadyPublished: readonly ImportedReport[];
  /** When the same reports were imported before: nothing was stored this time. */
  importedBefore?: string;
}

/** What an import published, or that it had been published before. */
export function renderImportResult(view: ImportResultView, site: PageSite, language: Language): string {
  const w = importWords[language];
  const published = w.publishedHeading(view.reports.length);
  return htmlDocument(
    <DeskPage
      site={site}
      language={language}
      trail={[deskCrumb(language)]}
      heading={view.importedBefore ? w.heading : published}
    >
      {view.importedBefore ? (
        <p class="intro">{w.importedBefore(formatTimestamp(view.importedBefore, language))}</p>
      ) : view.reports.length === 0 ? (
        <p class="intro">{w.nothingNew}</p>
      ) : (
        ''
      )}
      {view.reports.length > 0 ? (
        <ReportTable reports={view.reports} caption={published} site={site} language={language} link />
      ) : (
        ''
      )}
      {view.alreadyPublished.length > 0 ? (
        <ReportTable
          reports={view.alreadyPublished}
          caption={w.alreadyCaption}
          site={site}
          language={language}
          link
        />
      ) : (
        ''
      )}
      <p>
        <a href={pageHref(importPath, site, language)}>{w.another}</a>
      </p>
    </DeskPage>,
  );
}
