// Places at the desk (scope `admin`): the list of places, a new place and the edit of one.
// The form's place passes exactly the API's validation (placeInput, as PUT
// /api/v1/places/{slug}); each problem is shown beside its field. A new place whose slug is
// taken is refused, never saved over the place that has it; an edit keeps the place's
// status and history. Either then opens the place's public page.

import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { issuesFromZod } from '../../domain/issues.ts';
import { type Place, placeInput, slug } from '../../domain/model.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { deskHeaders } from '../../http/html.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import { NotFound } from '../../problems.ts';
import { pageHref } from '../../render/html/layout.tsx';
import { createPlace, findPlace, savePlace } from '../../services/places.ts';
import { loadPlacesList } from '../../services/reading.ts';
import { type DeskReader, deskReader } from '../access.ts';
import { errorsAt } from '../forms/errors.ts';
import { formOfPlace, placeFromForm } from '../forms/place-form.ts';
import { placeFields as f } from '../forms/place-form-fields.ts';
import { deskPlacesPath } from '../pages/desk-pages.tsx';
import {
  editPlacePath,
  newPlacePath,
  type PlaceFormState,
  renderPlaceForm,
  renderPlacesPage,
} from '../pages/place-forms.tsx';
import { formFields } from '../session.ts';
import { deskMessages } from '../words.ts';

// Any text: what names no place is a 404 page, as for the public place pages.
const slugParam = z.strictObject({ slug: z.string() });
const newSlug = z.strictObject({ slug });

async function placeToEdit(c: Context<AppEnv>, name: string): Promise<Place> {
  const place = await findPlace(c.get('store'), c.get('writers'), name);
  if (!place) throw new NotFound(`no place with slug "${name}"`);
  return place;
}

function answerForm(
  c: Context<AppEnv>,
  who: DeskReader,
  place: Place | undefined,
  state: Omit<PlaceFormState, 'formToken'>,
  status: 200 | 409 | 422,
) {
  const page = renderPlaceForm(place, { ...state, formToken: who.session.formToken }, who.site, who.language);
  return c.html(page, status, deskHeaders(who.language));
}

/** Creates the place the form describes (`existing` undefined), or saves the edit of `existing`. */
async function save(c: Context<AppEnv>, who: DeskReader, existing: Place | undefined) {
  const values = await formFields(c);
  const form = placeFromForm(values);
  const slugIssues = existing ? [] : slugProblems(form.slug);
  const checked = placeInput.safeParse(form.input);
  const issues = [
    ...slugIssues,
    ...form.problems,
    ...(checked.success ? [] : issuesFromZod(checked.error, form.input)),
  ];
  if (!checked.success || issues.length > 0) {
    return answerForm(
      c,
      who,
      existing,
      { values, errors: errorsAt(issues, form.fieldOf, who.language) },
      422,
    );
  }
  const place: Place = { ...checked.data, slug: existing?.slug ?? form.slug };
  if (existing) {
    await savePlace(c.get('writers'), place);
  } else if (!(await createPlace(c.get('writers'), place))) {
    const errors = { [f.slug]: [deskMessages[who.language].places.exists(place.slug)] };
    return answerForm(c, who, undefined, { values, errors, existing: place.slug }, 409);
  }
  return c.redirect(pageHref(`/places/${place.slug}`, who.site, who.language), 303);
}

function slugProblems(written: string) {
  const checked = newSlug.safeParse({ slug: written });
  return checked.success ? [] : issuesFromZod(checked.error, { slug: written });
}

export const deskPlaceRoutes = new Hono<AppEnv>()
  .get(deskPlacesPath, valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'admin');
    if (who instanceof Response) return who;
    const places = await loadPlacesList(c.get('store'), c.get('writers'));
    return c.html(renderPlacesPage(places, who.site, who.language), 200, deskHeaders(who.language));
  })
  .post(deskPlacesPath, valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'admin');
    if (who instanceof Response) return who;
    return save(c, who, undefined);
  })
  // Before the edit's route: "new" is the form of a new place, never a place to edit.
  .get(newPlacePath, valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'admin');
    if (who instanceof Response) return who;
    return answerForm(c, who, undefined, { values: {}, errors: {} }, 200);
  })
  .get(editPlacePath(':slug'), valid('param', slugParam), valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'admin');
    if (who instanceof Response) return who;
    const place = await placeToEdit(c, c.req.valid('param').slug);
    return answerForm(c, who, place, { values: formOfPlace(place), errors: {} }, 200);
  })
  .post(editPlacePath(':slug'), valid('param', slugParam), valid('query', pageQuery), async (c) => {
    const who = await deskReader(c, 'admin');
    if (who instanceof Response) return who;
    return save(c, who, await placeToEdit(c, c.req.valid('param').slug));
  });
