// The correction of a whole report: the new-report form (src/desk/pages/report-form.tsx),
// filled in with what the current version says, with the correction's reason and the
// warnings to confirm before its button. Pure.

import type { Language } from '../../domain/languages.ts';
import type { ReportView } from '../../domain/model.ts';
import type { Warning } from '../../domain/plausibility.ts';
import type { PageSite } from '../../render/site.ts';
import { reportFields as f } from '../forms/report-form-fields.ts';
import { deskMessages } from '../words.ts';
import { moderatePath, wholeCorrectionPath } from './moderation-forms.tsx';
import { Field, type ReportFormState, renderReportForm, WarningsToConfirm } from './report-form.tsx';

export interface WholeCorrectionState extends ReportFormState {
  /** Warnings of the correction its writer has not confirmed yet. */
  warnings?: readonly Warning[];
}

/** The whole report to correct, as written so far, with what is wrong with it. */
export function renderWholeCorrection(
  view: ReportView,
  state: WholeCorrectionState,
  site: PageSite,
  language: Language,
): string {
  const mm = deskMessages[language].moderation;
  const warnings = state.warnings ?? [];
  return renderReportForm(state, site, language, undefined, {
    heading: mm.wholeHeading,
    intro: mm.wholeIntro,
    trail: [{ path: moderatePath(view.id), words: mm.heading }],
    action: wholeCorrectionPath(view.id),
    end: (
      <>
        <Field name={f.reason} label={mm.reason} state={state} multiline required />
        <WarningsToConfirm warnings={warnings} unconfirmed={warnings.length > 0} language={language} />
      </>
    ),
    submit: mm.publishCorrection,
  });
}
