// The desk's moderation of one report: the report's figures, a link to correct the whole
// report (src/desk/pages/whole-correction.tsx) and one to correct each figure alone (for a
// superseded version: none, but a link to the current one); the form of one figure's
// correction, prefilled with what the report says; and the withdrawal form, which withdraws
// every version of the report with one button. A correction names only the figure it
// changes (the API's partial correction), so the rest of the report stays as it was. Pure.

import type { Language } from '../../domain/languages.ts';
import type { ReportView } from '../../domain/model.ts';
import type { Warning } from '../../domain/plausibility.ts';
import type { ChainOfVersions } from '../../domain/withdrawal.ts';
import { FigureList } from '../../render/html/figures.tsx';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { formatTimestamp, indicatorLabel } from '../../words/figures.ts';
import { reportFields as f } from '../forms/report-form-fields.ts';
import { deskMessages } from '../words.ts';
import { DeskPage, deskCrumb } from './desk-layout.tsx';
import { Publishers } from './publishers.tsx';
import { Field, FormProblems, IndicatorFields, reportFieldOf, WarningsToConfirm } from './report-form.tsx';

export const moderatePath = (id: string) => `/desk/reports/${id}`;
export const correctPath = (id: string) => `/desk/reports/${id}/correction`;
export const retractPath = (id: string) => `/desk/reports/${id}/retraction`;
export const wholeCorrectionPath = (id: string) => `/desk/reports/${id}/whole-correction`;

/** The second button of a current correction's withdrawal: that correction alone. */
export const onlyThisCorrection = { name: 'withdraw', value: 'correction' } as const;

export interface ModerationState {
  values: Record<string, string>;
  errors: Record<string, string[]>;
  formToken: string;
  /** The report's state forbids it (already superseded or retracted), not what was written. */
  conflict?: boolean;
  /** Warnings of the correction its writer has not confirmed yet. */
  warnings?: readonly Warning[];
}

function Errors({ state, language }: { state: ModerationState; language: Language }) {
  const m = deskMessages[language];
  return (
    <FormProblems
      errors={state.errors}
      heading={state.conflict ? m.moderation.cannot : m.form.errorsHeading}
      fieldOf={reportFieldOf(language)}
    />
  );
}

/** A link to correct the whole report, and one to correct each of its figures alone. */
function Corrections({ view, site, language }: { view: ReportView; site: PageSite; language: Language }) {
  const mm = deskMessages[language].moderation;
  return (
    <ul class="subscribe-links">
      <li>
        <a href={pageHref(wholeCorrectionPath(view.id), site, language)}>{mm.correctWhole}</a>
      </li>
      {view.figures.map((figure) => (
        <li>
          <a
            href={`${pageHref(correctPath(view.id), site, language)}${site.languageInUrl ? '&' : '?'}figure=${figure.indicator}`}
          >
            {mm.correctFigure(indicatorLabel(figure.indicator, language, false))}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A superseded version: no correction of it, but the way to the version that is current. */
function Replaced({ chain, site, language }: { chain: ChainOfVersions; site: PageSite; language: Language }) {
  const mm = deskMessages[language].moderation;
  return (
    <>
      <p>{mm.replaced}</p>
      <p>
        <a href={pageHref(moderatePath(chain.current.id), site, language)}>
          {mm.currentVersion(formatTimestamp(chain.current.published, language))}
        </a>
      </p>
    </>
  );
}

/**
 * A report's figures, to be corrected whole or each alone, and its withdrawal; for a
 * superseded version (`chain`), no correction, and the withdrawal of the whole chain. A
 * current correction with `earlier` versions is withdrawn with them by its one button, or
 * alone (the version before it current again) by a second.
 */
export function renderModerationPage(
  view: ReportView,
  state: ModerationState,
  site: PageSite,
  language: Language,
  chain?: ChainOfVersions,
  earlier = 0,
): string {
  const m = deskMessages[language];
  const mm = m.moderation;
  const versions = chain?.corrections ?? earlier;
  return htmlDocument(
    <DeskPage
      site={site}
      language={language}
      heading={mm.heading}
      trail={[
        deskCrumb(language),
        {
          path: `/reports/${view.id}`,
          words: m.reportPublishedAt(formatTimestamp(view.published, language)),
        },
      ]}
    >
      <p class="intro">{mm.intro}</p>
      <Publishers view={view} language={language} />
      <Errors state={state} language={language} />
      <FigureList figures={view.figures} language={language} observed={view.observed} />
      {chain ? (
        <Replaced chain={chain} site={site} language={language} />
      ) : (
        <Corrections view={view} site={site} language={language} />
      )}
      <h2>{mm.retract}</h2>
      <p>{versions > 0 ? mm.withdrawChain(versions) : mm.retractionIntro}</p>
      <form method="post" action={pageHref(retractPath(view.id), site, language)} class="desk-form">
        <input type="hidden" name={f.formToken} value={state.formToken} />
        <Field name={f.reason} label={mm.reason} state={state} multiline required />
        <p>
          <button type="submit">{mm.publishRetraction}</button>
        </p>
        {!chain && earlier > 0 ? (
          <p>
            <button type="submit" name={onlyThisCorrection.name} value={onlyThisCorrection.value}>
              {mm.withdrawOnlyCorrection}
            </button>
          </p>
        ) : (
          ''
        )}
      </form>
    </DeskPage>,
  );
}

/** One figure's correction, prefilled with what the report says of it. */
export function renderCorrectionForm(
  view: ReportView,
  indicator: string,
  state: ModerationState,
  site: PageSite,
  language: Language,
): string {
  const m = deskMessages[language];
  const mm = m.moderation;
  const label = indicatorLabel(indicator, language, false);
  return htmlDocument(
    <DeskPage
      site={site}
      language={language}
      heading={mm.correctionHeading(label)}
      trail={[{ path: moderatePath(view.id), words: mm.heading }]}
    >
      <p class="intro">{mm.correctionIntro}</p>
      <Errors state={state} language={language} />
      <form method="post" action={pageHref(correctPath(view.id), site, language)} class="desk-form">
        <input type="hidden" name={f.formToken} value={state.formToken} />
        <input type="hidden" name="figure" value={indicator} />
        <IndicatorFields state={state} language={language} only={indicator} />
        <Field name={f.reason} label={mm.reason} state={state} multiline required />
        <WarningsToConfirm warnings={state.warnings ?? []} unconfirmed language={language} />
        <p>
          <button type="submit">{mm.publishCorrection}</button>
        </p>
      </form>
    </DeskPage>,
  );
}
