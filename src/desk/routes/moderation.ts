// Moderating at the desk (scope `moderate`): from a report's page, correct one figure (the
// form prefilled with what the report says; the API's partial correction, so the rest of the
// report stays as it was; the whole report is corrected in src/desk/routes/whole-correction.ts)
// or withdraw the report with a reason, with every version of it: a superseded version or a
// current correction withdraws the whole chain (a current correction may also be withdrawn
// alone). Each then opens the page of the report it made or changed.

import { Hono } from 'hono';
import * as z from 'zod';
import { issuesFromZod } from '../../domain/issues.ts';
import { correctionInput, type ReportView, reportId, retractionInput } from '../../domain/model.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { deskHeaders } from '../../http/html.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import {
  Conflict,
  InvalidBody,
  NotFound,
  UnconfirmedWarnings,
  type ValidationIssue,
} from '../../problems.ts';
import { pageHref } from '../../render/html/layout.tsx';
import {
  chainOfSuperseded,
  correctReport,
  earlierVersions,
  retractReport,
} from '../../services/moderation.ts';
import { viewReport } from '../../services/reading.ts';
import type { StatusStore } from '../../store/status-store.ts';
import { deskReader } from '../access.ts';
import { errorsByField } from '../forms/errors.ts';
import { figuresFromForm, formOfFigure } from '../forms/report-form.ts';
import { reportFields as f } from '../forms/report-form-fields.ts';
import {
  correctPath,
  moderatePath,
  onlyThisCorrection,
  renderCorrectionForm,
  renderModerationPage,
  retractPath,
} from '../pages/moderation-forms.tsx';
import { formFields, formValues } from '../session.ts';

const correctionQuery = pageQuery.extend({ figure: z.string().max(64).optional() });
const idParam = z.strictObject({ id: reportId });

/** A refused moderation's problems, as the form shows them. */
export function problemsOf(
  error: unknown,
): { status: 404 | 409 | 422; issues: ValidationIssue[] } | undefined {
  if (error instanceof InvalidBody) return { status: 422, issues: [...error.issues] };
  if (error instanceof Conflict || error instanceof NotFound) {
    return {
      status: error instanceof Conflict ? 409 : 404,
      issues: [{ pointer: '', rule: '', detail: error.detail }],
    };
  }
  return undefined;
}

/** The versions a withdrawal of `view` takes with it: its chain, or those before a current correction. */
async function versionsOf(store: StatusStore, view: ReportView) {
  const chain = await chainOfSuperseded(store, view);
  const earlier = view.state === 'active' ? await earlierVersions(store, view) : 0;
  return { chain, earlier };
}

export const deskModerationRoutes = new Hono<AppEnv>()
  .get(moderatePath(':id'), valid('param', idParam), valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'moderate');
    if (who instanceof Response) return who;
    const view = await viewReport(c.get('store'), c.req.valid('param').id, { publishers: true });
    const { chain, earlier } = await versionsOf(c.get('store'), view);
    const state = { values: {}, errors: {}, formToken: who.session.formToken };
    const page = renderModerationPage(view, state, who.site, who.language, chain, earlier);
    return c.html(page, 200, deskHeaders(who.language));
  })
  .get(correctPath(':id'), valid('param', idParam), valid('query', correctionQuery), async (c) => {
    const who = await deskReader(c, 'moderate');
    if (who instanceof Response) return who;
    const view = await viewReport(c.get('store'), c.req.valid('param').id);
    const figure = view.figures.find((fig) => fig.indicator === c.req.valid('query').figure);
    if (!figure)
      throw new NotFound(`report ${view.id} has no figure for "${c.req.valid('query').figure ?? ''}"`);
    const state = { values: formOfFigure(figure), errors: {}, formToken: who.session.formToken };
    const page = renderCorrectionForm(view, figure.indicator, state, who.site, who.language);
    return c.html(page, 200, deskHeaders(who.language));
  })
  .post(correctPath(':id'), valid('param', idParam), valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'moderate');
    if (who instanceof Response) return who;
    const view = await viewReport(c.get('store'), c.req.valid('param').id);
    const values = await formFields(c);
    const indicator = view.figures.find((fig) => fig.indicator === values.figure)?.indicator;
    if (!indicator) throw new NotFound(`report ${view.id} has no figure for "${values.figure ?? ''}"`);
    const figures = figuresFromForm(values, view.source.language).filter(
      (fig) => fig.indicator === indicator,
    );
    const body = {
      reason: values[f.reason] ?? '',
      ...(figures.length > 0 ? { figures } : { withoutFigures: [indicator] }),
    };
    const refuse = (status: 404 | 409 | 422, issues: readonly ValidationIssue[]) => {
      const errors = errorsByField(issues, figures, who.language);
      const page = renderCorrectionForm(
        view,
        indicator,
        { values, errors, formToken: who.session.formToken, conflict: status !== 422 },
        who.site,
        who.language,
      );
      return c.html(page, status, deskHeaders(who.language));
    };
    const checked = correctionInput.safeParse(body);
    if (!checked.success) return refuse(422, issuesFromZod(checked.error, body));
    try {
      const correction = await correctReport(
        c.get('store'),
        c.get('writers'),
        view.id,
        checked.data,
        c.get('clock'),
        new Set(await formValues(c, f.confirm)),
        who.language,
        who.session.principal.name,
      );
      return c.redirect(pageHref(`/reports/${correction.id}`, who.site, who.language), 303);
    } catch (error) {
      if (error instanceof UnconfirmedWarnings) {
        // The form again, its values kept, with each warning to confirm.
        const warnings = error.issues.flatMap((i) => (i.words?.kind === 'warning' ? [i.words.warning] : []));
        const state = { values, errors: {}, formToken: who.session.formToken, warnings };
        const page = renderCorrectionForm(view, indicator, state, who.site, who.language);
        return c.html(page, 422, deskHeaders(who.language));
      }
      const refused = problemsOf(error);
      if (!refused) throw error;
      return refuse(refused.status, refused.issues);
    }
  })
  .post(retractPath(':id'), valid('param', idParam), valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'moderate');
    if (who instanceof Response) return who;
    const view = await viewReport(c.get('store'), c.req.valid('param').id, { publishers: true });
    const values = await formFields(c);
    const refuse = async (status: 404 | 409 | 422, issues: readonly ValidationIssue[]) => {
      const errors = errorsByField(issues, [], who.language);
      const state = { values, errors, formToken: who.session.formToken, conflict: status !== 422 };
      const { chain, earlier } = await versionsOf(c.get('store'), view);
      const page = renderModerationPage(view, state, who.site, who.language, chain, earlier);
      return c.html(page, status, deskHeaders(who.language));
    };
    const body = { reason: values[f.reason] ?? '' };
    const checked = retractionInput.safeParse(body);
    if (!checked.success) return refuse(422, issuesFromZod(checked.error, body));
    try {
      const { reason } = checked.data;
      // A current correction's one button withdraws its chain: the API does so for a
      // retraction of any superseded version, such as the one it corrected.
      const alone = values[onlyThisCorrection.name] === onlyThisCorrection.value;
      const target = view.state === 'active' && view.corrects && !alone ? view.corrects.report : view.id;
      await retractReport(
        c.get('store'),
        c.get('writers'),
        target,
        reason,
        c.get('clock'),
        who.language,
        who.session.principal.name,
      );
      return c.redirect(pageHref(`/reports/${view.id}`, who.site, who.language), 303);
    } catch (error) {
      const refused = problemsOf(error);
      if (!refused) throw error;
      return refuse(refused.status, refused.issues);
    }
  });
