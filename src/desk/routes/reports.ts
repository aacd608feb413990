// Writing a report at the desk: the form, its preview (the dry run of the API: the report as
// it would be stored, and its warnings), the form again as written when the preview is to be
// edited, and publishing it with the warnings its writer confirmed, after which the new
// report's page opens. The form's report passes exactly the API's validation, its place read
// by any of its names; each problem is shown beside its field.

import { type Context, Hono } from 'hono';
import { issuesFromZod } from '../../domain/issues.ts';
import { type PlaceSummary, type Report, type ReportInput, reportInput } from '../../domain/model.ts';
import type { Warning } from '../../domain/plausibility.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { deskHeaders } from '../../http/html.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import { InvalidBody, UnconfirmedWarnings } from '../../problems.ts';
import { pageHref } from '../../render/html/layout.tsx';
import type { Clock } from '../../services/clock.ts';
import { publishReports } from '../../services/publishing.ts';
import { loadPlacesList } from '../../services/reading.ts';
import { placeTitle } from '../../words/places.ts';
import { deskReader } from '../access.ts';
import { errorsByField } from '../forms/errors.ts';
import type { KnownPlace } from '../forms/place-field.ts';
import { readReportForm } from '../forms/report-form.ts';
import { reportFields as f } from '../forms/report-form-fields.ts';
import { once } from '../once.ts';
import { newReportPath } from '../pages/desk-pages.tsx';
import {
  editPath,
  previewPath,
  publishPath,
  renderPreview,
  renderReportForm,
} from '../pages/report-form.tsx';
import { formFields, formValues } from '../session.ts';

/** The places a report may be about, for the place field's list and for reading it. */
export async function placeChoices(c: Context<AppEnv>): Promise<KnownPlace[]> {
  const places = await loadPlacesList(c.get('store'), c.get('writers'));
  return places.map((p) => ({
    slug: p.slug,
    title: placeTitle(p),
    names: Object.values(p.names),
    area: p.admin.map((a) => a.name).join(', '),
  }));
}

/** The place a previewed report is about, as the pages name it. */
async function placeOf(c: Context<AppEnv>, slug: string): Promise<PlaceSummary | undefined> {
  return (await loadPlacesList(c.get('store'), c.get('writers'))).find((p) => p.slug === slug);
}

type Mode = 'preview' | 'publish';

async function answer(c: Context<AppEnv>, mode: Mode | 'form' | 'edit') {
  const reader = await deskReader(c, 'report');
  if (reader instanceof Response) return reader;
  const { session, language, site } = reader;
  const places = await placeChoices(c);
  const formState = (values: Record<string, string>, errors: Record<string, string[]>) => ({
    values,
    errors,
    formToken: session.formToken,
    places,
  });
  if (mode === 'form') {
    return c.html(renderReportForm(formState({}, {}), site, language), 200, deskHeaders(language));
  }
  const values = await formFields(c);
  if (mode === 'edit') {
    return c.html(renderReportForm(formState(values, {}), site, language), 200, deskHeaders(language));
  }
  const { input: built, problems } = readReportForm(values, places);
  const figures = (built as { figures: { indicator: string }[] }).figures;
  const refuse = (issues: InvalidBody['issues']) => {
    const errors = errorsByField(issues, figures, language, values, problems);
    return c.html(renderReportForm(formState(values, errors), site, language), 422, deskHeaders(language));
  };
  const checked = reportInput.safeParse(built);
  if (!checked.success) return refuse(issuesFromZod(checked.error, built));
  if (problems.length > 0) return refuse([]);
  const input: ReportInput = checked.data;
  try {
    const confirmed = new Set(await formValues(c, f.confirm));
    const publish = (clock: Clock, dryRun: boolean) =>
      publishReports(c.get('store'), c.get('writers'), [input], clock, {
        dryRun,
        confirmed,
        publishedBy: session.principal.name,
      });
    if (mode === 'publish') {
      // A form sent twice (a second click, a reload) publishes its report once.
      const content = `desk report\n${session.principal.name}\n${JSON.stringify(input)}`;
      const store = c.get('store');
      const published = await once(
        c.get('writers'),
        content,
        async (clock) => {
          const [report] = (await publish(clock, false)).reports;
          if (!report) throw new Error('publishing one report returned none');
          return report.id;
        },
        async (id) => (await store.getRetraction(id)) === undefined,
      );
      return c.redirect(pageHref(`/reports/${published.value}`, site, language), 303);
    }
    const { reports, warnings } = await publish(c.get('clock'), true);
    const [report] = reports;
    if (!report) throw new Error('previewing one report returned none');
    const preview = await previewOf(report, warnings);
    return c.html(renderPreview(preview, site, language), 200, deskHeaders(language));
  } catch (error) {
    if (error instanceof InvalidBody) return refuse(error.issues);
    if (!(error instanceof UnconfirmedWarnings)) throw error;
    // Published with warnings left unconfirmed: the preview again, saying which.
    const again = await publishReports(c.get('store'), c.get('writers'), [input], c.get('clock'), {
      dryRun: true,
    });
    const [report] = again.reports;
    if (!report) throw error;
    const preview = { ...(await previewOf(report, again.warnings)), unconfirmed: true };
    return c.html(renderPreview(preview, site, language), 422, deskHeaders(language));
  }

  async function previewOf(report: Report, warnings: Warning[]) {
    return { values, formToken: session.formToken, report, place: await placeOf(c, report.place), warnings };
  }
}

export const deskReportRoutes = new Hono<AppEnv>()
  .get(newReportPath, valid('query', pageQuery), (c) => answer(c, 'form'))
  .post(previewPath, valid('query', pageQuery), (c) => answer(c, 'preview'))
  .post(publishPath, valid('query', pageQuery), (c) => answer(c, 'publish'))
  .post(editPath, valid('query', pageQuery), (c) => answer(c, 'edit'));
