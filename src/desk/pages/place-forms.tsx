// The desk's places (scope `admin`): the list of places, each to edit, and the place form,
// for a new place (with its slug) and for editing one (prefilled with it). Names in the
// languages named in src/domain/languages.ts have a field each, any other language a row of
// its own; the four administrative levels have a name and a p-code each. Every control has a
// visible label; errors stand beside their field. Pure.

import { type Language, namedLanguages } from '../../domain/languages.ts';
import type { Place } from '../../domain/model.ts';
import { isolated } from '../../render/escape.ts';
import { ProblemIcon } from '../../render/html/icons.tsx';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { languageName, localName } from '../../words/places.ts';
import {
  adminField,
  adminLevels,
  placeFields as f,
  nameField,
  otherNameField,
  otherNameRows,
} from '../forms/place-form-fields.ts';
import { deskMessages } from '../words.ts';
import { DeskPage, deskCrumb } from './desk-layout.tsx';
import { deskPlacesPath } from './desk-pages.tsx';
import { Field, type FieldOfProblem, FormProblems, idOf } from './report-form.tsx';

export const newPlacePath = '/desk/places/new';
export const editPlacePath = (slug: string) => `/desk/places/${slug}`;

export interface PlaceFormState {
  values: Record<string, string>;
  /** Problems by field name; `''` for those that belong to no one field. */
  errors: Record<string, string[]>;
  formToken: string;
  /** The slug a new place was refused for, since a place has it already. */
  existing?: string;
}

/** Every place, each with a link to edit it, and the link to a new one. */
export function renderPlacesPage(
  places: readonly Pick<Place, 'slug' | 'names'>[],
  site: PageSite,
  language: Language,
): string {
  const m = deskMessages[language];
  const mp = m.places;
  return htmlDocument(
    <DeskPage site={site} language={language} heading={mp.heading} trail={[deskCrumb(language)]}>
      <p class="intro">{mp.intro}</p>
      <p>
        <a href={pageHref(newPlacePath, site, language)}>{mp.newPlace}</a>
      </p>
      {places.length === 0 ? (
        <p>{mp.none}</p>
      ) : (
        <ul>
          {places.map((place) => {
            const name = localName(place.names, language);
            return (
              <li>
                <a href={pageHref(editPlacePath(place.slug), site, language)}>
                  {mp.edit(isolated(name.text))}
                </a>{' '}
                (<code>{place.slug}</code>)
              </li>
            );
          })}
        </ul>
      )}
    </DeskPage>,
  );
}

/** The slug of a new place, with a link to the place that has it when it is taken. */
function SlugField({ state, site, language }: { state: PlaceFormState; site: PageSite; language: Language }) {
  const mp = deskMessages[language].places;
  const id = `field-${f.slug}`;
  const problems = state.errors[f.slug] ?? [];
  return (
    <p class="field">
      <label for={id}>{mp.slug}</label>
      <span class="hint" id={`${id}-hint`}>
        {mp.slugHint}
      </span>
      {problems.length ? (
        <span class="field-problem">
          <ProblemIcon />
          <span id={`${id}-problem`}>
            {problems.join(' ')}
            {state.existing ? (
              <>
                {' '}
                <a href={pageHref(editPlacePath(state.existing), site, language)}>{mp.editExisting}</a>
              </>
            ) : (
              ''
            )}
          </span>
        </span>
      ) : (
        ''
      )}
      <input
        id={id}
        name={f.slug}
        type="text"
        required
        spellcheck={false}
        autocomplete="off"
        maxlength={64}
        value={state.values[f.slug] ?? ''}
        aria-describedby={problems.length ? `${id}-hint ${id}-problem` : `${id}-hint`}
        {...(problems.length ? { 'aria-invalid': 'true' } : {})}
      />
    </p>
  );
}

/** The label and id of a place form's field, for the summary of problems that links to it. */
function placeFieldOf(language: Language): (name: string) => FieldOfProblem | undefined {
  const mp = deskMessages[language].places;
  const labels = new Map<string, string>([
    [f.slug, mp.slug],
    [f.countryCode, mp.countryCode],
    [f.countryName, mp.countryName],
    [f.latitude, mp.latitude],
    [f.longitude, mp.longitude],
    ...namedLanguages.map((tag): [string, string] => [
      nameField(tag),
      mp.nameIn(languageName(tag, language)),
    ]),
    ...adminLevels.flatMap((level): [string, string][] => [
      [adminField(level, 'name'), `${mp.adminLevel(level)} — ${mp.name}`],
      [adminField(level, 'pcode'), `${mp.adminLevel(level)} — ${mp.pcode}`],
    ]),
  ]);
  return (name) => {
    const other = /^otherNames\.(\d+)\.(language|name)$/.exec(name);
    const label =
      labels.get(name) ??
      (other && `${mp.otherName(Number(other[1]) + 1)} — ${other[2] === 'name' ? mp.name : mp.languageTag}`);
    return label ? { label, id: idOf(name) } : undefined;
  };
}

/** The fields of a place, new or edited: names, country, administrative areas, coordinates. */
function PlaceFields({ state, language }: { state: PlaceFormState; language: Language }) {
  const mp = deskMessages[language].places;
  return (
    <>
      <fieldset class="figure-fields">
        <legend>{mp.names}</legend>
        {namedLanguages.map((tag) => (
          <Field
            name={nameField(tag)}
            label={mp.nameIn(languageName(tag, language))}
            state={state}
            required={tag === 'en'}
          />
        ))}
      </fieldset>
      <fieldset class="figure-fields">
        <legend>{mp.otherNames}</legend>
        <p class="hint">{mp.otherNamesHint}</p>
        {otherNameRows(state.values).map((row) => (
          <fieldset class="figure-source-fields">
            <legend>{mp.otherName(row + 1)}</legend>
            <Field name={otherNameField(row, 'language')} label={mp.languageTag} state={state} />
            <Field name={otherNameField(row, 'name')} label={mp.name} state={state} />
          </fieldset>
        ))}
      </fieldset>
      <fieldset class="figure-fields">
        <legend>{mp.country}</legend>
        <Field name={f.countryCode} label={mp.countryCode} state={state} required />
        <Field name={f.countryName} label={mp.countryName} state={state} required />
      </fieldset>
      <fieldset class="figure-fields">
        <legend>{mp.admin}</legend>
        <p class="hint">{mp.adminHint}</p>
        {adminLevels.map((level) => (
          <fieldset class="figure-source-fields">
            <legend>{mp.adminLevel(level)}</legend>
            <Field name={adminField(level, 'name')} label={mp.name} state={state} />
            <Field name={adminField(level, 'pcode')} label={mp.pcode} state={state} />
          </fieldset>
        ))}
      </fieldset>
      <fieldset class="figure-fields">
        <legend>{mp.coordinates}</legend>
        <p class="hint">{mp.coordinatesHint}</p>
        <Field name={f.latitude} label={mp.latitude} state={state} />
        <Field name={f.longitude} label={mp.longitude} state={state} />
      </fieldset>
    </>
  );
}

/** The form of a new place (`place` undefined) or of the place to edit. */
export function renderPlaceForm(
  place: Pick<Place, 'slug' | 'names'> | undefined,
  state: PlaceFormState,
  site: PageSite,
  language: Language,
): string {
  const m = deskMessages[language];
  const mp = m.places;
  const heading = place ? mp.editHeading(isolated(localName(place.names, language).text)) : mp.newPlace;
  const action = place ? editPlacePath(place.slug) : deskPlacesPath;
  return htmlDocument(
    <DeskPage
      site={site}
      language={language}
      heading={heading}
      trail={[deskCrumb(language), { path: deskPlacesPath, words: mp.heading }]}
    >
      <p class="intro">{mp.formIntro}</p>
      <FormProblems
        errors={state.errors}
        heading={deskMessages[language].places.errorsHeading}
        fieldOf={placeFieldOf(language)}
      />
      <form method="post" action={pageHref(action, site, language)} class="desk-form">
        <input type="hidden" name={f.formToken} value={state.formToken} />
        {place ? '' : <SlugField state={state} site={site} language={language} />}
        <PlaceFields state={state} language={language} />
        <p>
          <button type="submit">{place ? mp.save : mp.create}</button>
        </p>
      </form>
    </DeskPage>,
  );
}
