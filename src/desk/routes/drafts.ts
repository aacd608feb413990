// "Draft from text" at the desk: the source text in, the report form out, filled in with the
// figures read from it, each shown beside its words in the text above the form. Nothing is
// stored: the writer checks, fixes or empties every figure, then previews and publishes
// through the desk's own report form, with its warnings.

import { Hono } from 'hono';
import { issuesFromZod } from '../../domain/issues.ts';
import type { DraftCandidate } from '../../drafting/extract.ts';
import { draftInput } from '../../drafting/extract.ts';
import { draftReport } from '../../drafting/service.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { deskHeaders } from '../../http/html.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import { deskReader } from '../access.ts';
import { errorsAt } from '../forms/errors.ts';
import { readPlace } from '../forms/place-field.ts';
import { formOfFigure } from '../forms/report-form.ts';
import { reportFields as f, figureField } from '../forms/report-form-fields.ts';
import { draftFields, draftPath, renderDraftedReportForm, renderDraftForm } from '../pages/draft-pages.tsx';
import { formFields } from '../session.ts';
import { placeChoices } from './reports.ts';

/** The longest original text a report holds. */
const longestOriginal = 4000;

/**
 * The original text the report keeps: the whole text when it fits, else the sentences its
 * figures quote, so that every quote is still words of it exactly.
 */
function originalOf(text: string, candidates: readonly DraftCandidate[]): string {
  if (text.trim().length <= longestOriginal) return text.trim();
  const quoted = [...new Set(candidates.map((c) => c.quote.text))];
  return quoted.join('\n\n').slice(0, longestOriginal);
}

/** The report form's values: the first candidate of each indicator, with its voice as its own source. */
function formValuesOf(
  input: { text: string; language: string; place?: string; observed?: string },
  candidates: readonly DraftCandidate[],
) {
  const values: Record<string, string> = {
    [f.place]: input.place ?? '',
    [f.observed]: input.observed ?? '',
    [f.originalText]: originalOf(input.text, candidates),
    [f.originalLanguage]: input.language,
    [f.summaryLanguage]: input.language,
    [f.sourceLanguage]: input.language,
  };
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const { indicator } = candidate.figure;
    if (seen.has(indicator)) continue;
    seen.add(indicator);
    Object.assign(values, formOfFigure(candidate.figure));
    if (candidate.voice) {
      values[figureField(indicator, 'sourceName')] = candidate.voice.name;
      if (candidate.voice.role) values[figureField(indicator, 'sourceRole')] = candidate.voice.role;
    }
  }
  return values;
}

export const deskDraftRoutes = new Hono<AppEnv>()
  .get(draftPath, valid('query', pageQuery), async (c) => {
    const reader = await deskReader(c, 'report');
    if (reader instanceof Response) return reader;
    const { session, site, language } = reader;
    const places = await placeChoices(c);
    const state = { values: {}, errors: {}, formToken: session.formToken, places };
    return c.html(renderDraftForm(state, site, language), 200, deskHeaders(language));
  })
  .post(draftPath, valid('query', pageQuery), async (c) => {
    const reader = await deskReader(c, 'report');
    if (reader instanceof Response) return reader;
    const { session, site, language } = reader;
    const fields = await formFields(c);
    const places = await placeChoices(c);
    // A place named by one of its names is drafted with all its names; any other as written,
    // for the report form to say what is wrong with it.
    const typed = fields[draftFields.place]?.trim();
    const read = typed ? readPlace(typed, places) : undefined;
    const place = read?.kind === 'one' ? read.slug : typed;
    const written = {
      text: fields[draftFields.text] ?? '',
      language: fields[draftFields.language] ?? '',
      ...(place ? { place } : {}),
      ...(fields[draftFields.observed]?.trim() ? { observed: fields[draftFields.observed]?.trim() } : {}),
    };
    const checked = draftInput.safeParse(written);
    if (!checked.success) {
      // The language is a choice with no room beside it for words: its problem heads the form.
      const fieldOf = (pointer: string) => (pointer === `/${draftFields.language}` ? '' : pointer.slice(1));
      const errors = errorsAt(issuesFromZod(checked.error, written), (i) => fieldOf(i.pointer), language);
      const state = { values: fields, errors, formToken: session.formToken, places };
      return c.html(renderDraftForm(state, site, language), 422, deskHeaders(language));
    }
    const draft = await draftReport(c.get('store'), checked.data);
    const state = {
      values: formValuesOf(checked.data, draft.candidates),
      errors: {},
      formToken: session.formToken,
      places,
    };
    const review = { text: checked.data.text, candidates: draft.candidates, omitted: draft.omitted };
    return c.html(renderDraftedReportForm(state, review, site, language), 200, deskHeaders(language));
  });
