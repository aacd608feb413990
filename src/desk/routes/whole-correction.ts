// Correcting a whole report at the desk (scope `moderate`): the report form filled in with
// what the current version says, and publishing what the moderator changed through the
// service the API's corrections use (src/services/moderation.ts), with the reason. A problem
// or a warning to confirm gives the form again with everything written kept (`422`); a
// published correction opens its page.

import { Hono } from 'hono';
import * as z from 'zod';
import { issuesFromZod } from '../../domain/issues.ts';
import {
  type CorrectionInput,
  correctionInput,
  type ReportView,
  reportId,
  reportInput,
} from '../../domain/model.ts';
import type { Warning } from '../../domain/plausibility.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { deskHeaders } from '../../http/html.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import { UnconfirmedWarnings, type ValidationIssue } from '../../problems.ts';
import { pageHref } from '../../render/html/layout.tsx';
import { correctReport } from '../../services/moderation.ts';
import { viewReport } from '../../services/reading.ts';
import { deskReader } from '../access.ts';
import { errorsByField } from '../forms/errors.ts';
import { readReportForm } from '../forms/report-form.ts';
import { reportFields as f } from '../forms/report-form-fields.ts';
import { changesOf, formOfReport } from '../forms/whole-correction.ts';
import { wholeCorrectionPath } from '../pages/moderation-forms.tsx';
import { renderWholeCorrection } from '../pages/whole-correction.tsx';
import { formFields, formValues } from '../session.ts';
import { deskMessages } from '../words.ts';
import { problemsOf } from './moderation.ts';
import { placeChoices } from './reports.ts';

const idParam = z.strictObject({ id: reportId });

export const deskWholeCorrectionRoutes = new Hono<AppEnv>()
  .get(wholeCorrectionPath(':id'), valid('param', idParam), valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'moderate');
    if (who instanceof Response) return who;
    const view = await viewReport(c.get('store'), c.req.valid('param').id);
    const state = {
      values: formOfReport(view),
      errors: {},
      formToken: who.session.formToken,
      places: await placeChoices(c),
    };
    return c.html(renderWholeCorrection(view, state, who.site, who.language), 200, deskHeaders(who.language));
  })
  .post(wholeCorrectionPath(':id'), valid('param', idParam), valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'moderate');
    if (who instanceof Response) return who;
    const { language, site } = who;
    const view: ReportView = await viewReport(c.get('store'), c.req.valid('param').id);
    const values = await formFields(c);
    const places = await placeChoices(c);
    const { input: built, problems } = readReportForm(values, places);
    const figures = (built as { figures: { indicator: string }[] }).figures;
    const again = async (status: 404 | 409 | 422, errors: Record<string, string[]>, warnings?: Warning[]) => {
      const state = {
        values,
        errors,
        formToken: who.session.formToken,
        places,
        ...(warnings ? { warnings } : {}),
      };
      return c.html(renderWholeCorrection(view, state, site, language), status, deskHeaders(language));
    };
    const refuse = (status: 404 | 409 | 422, issues: readonly ValidationIssue[]) =>
      again(status, errorsByField(issues, figures, language, values, problems));
    const reasonBody = { reason: values[f.reason] ?? '' };
    const report = reportInput.safeParse(built);
    const reason = correctionInput.safeParse(reasonBody);
    if (!report.success || !reason.success || problems.length > 0) {
      return refuse(422, [
        ...(report.success ? [] : issuesFromZod(report.error, built)),
        ...(reason.success ? [] : issuesFromZod(reason.error, reasonBody)),
      ]);
    }
    const changes = changesOf(view, values, report.data, places);
    if (Object.keys(changes).length === 0) {
      return again(422, { '': [deskMessages[language].moderation.nothingChanged] });
    }
    const input: CorrectionInput = { ...changes, reason: reason.data.reason };
    try {
      const correction = await correctReport(
        c.get('store'),
        c.get('writers'),
        view.id,
        input,
        c.get('clock'),
        new Set(await formValues(c, f.confirm)),
        language,
      );
      return c.redirect(pageHref(`/reports/${correction.id}`, site, language), 303);
    } catch (error) {
      if (error instanceof UnconfirmedWarnings) {
        const warnings = error.issues.flatMap((i) => (i.words?.kind === 'warning' ? [i.words.warning] : []));
        return again(422, {}, warnings);
      }
      const refused = problemsOf(error);
      if (!refused) throw error;
      return refuse(refused.status, refused.issues);
    }
  });
