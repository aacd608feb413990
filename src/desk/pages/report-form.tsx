// The desk's report form, generated from the indicator registry (each indicator's fields by
// its kind), and its preview: the report as the public pages will show it, rendered by the
// same figure components, with the warnings to confirm and the form's values carried on in
// hidden fields. Every control has a visible label; errors stand beside their field. Pure.

import type { Child } from 'hono/jsx';
import { basisMatters } from '../../domain/counts.ts';
import { basesOf, indicatorRegistry } from '../../domain/indicators.ts';
import { type Language, ownNames, sourceLanguages } from '../../domain/languages.ts';
import { qualifiers, sourceKinds, utilityStates, verificationStates } from '../../domain/model.ts';
import type { Warning } from '../../domain/plausibility.ts';
import { FigureList, Provenance } from '../../render/html/figures.tsx';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { indicatorLabel } from '../../words/figures.ts';
import { languageCodeField, otherLanguage } from '../forms/language-field.ts';
import { reportFields as f, figureField } from '../forms/report-form-fields.ts';
import { deskWarningDetail } from '../forms/words.ts';
import { deskMessages } from '../words.ts';
import { type Crumb, DeskPage, deskCrumb } from './desk-layout.tsx';

export const previewPath = '/desk/reports/preview';
export const publishPath = '/desk/reports';

export interface PlaceChoice {
  slug: string;
  names: string[];
}

export interface ReportFormState {
  values: Record<string, string>;
  /** Problems by field name; `''` for those that belong to no one field. */
  errors: Record<string, string[]>;
  formToken: string;
  places: readonly PlaceChoice[];
}

/** What a form of a whole report is for when it is not a new report: a correction of one. */
export interface ReportFormPurpose {
  heading: string;
  intro: string;
  trail: readonly Crumb[];
  /** Where the form is sent. */
  action: string;
  /** Shown before the button: a correction's reason and its warnings to confirm. */
  end: Child;
  submit: string;
}

const idOf = (name: string) => `field-${name.replaceAll('.', '-')}`;

function Problems({ name, errors }: { name: string; errors: ReportFormState['errors'] }) {
  const list = errors[name];
  if (!list?.length) return '';
  return (
    <span class="field-problem" id={`${idOf(name)}-problem`}>
      {list.join(' ')}
    </span>
  );
}

interface FieldProps {
  name: string;
  label: string;
  state: Pick<ReportFormState, 'values' | 'errors'>;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  list?: string;
}

export function Field({ name, label, state, hint, multiline, required, list }: FieldProps) {
  const id = idOf(name);
  const described = [hint ? `${id}-hint` : '', state.errors[name]?.length ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name,
    ...(described ? { 'aria-describedby': described } : {}),
    ...(state.errors[name]?.length ? { 'aria-invalid': 'true' } : {}),
    ...(required ? { required: true } : {}),
  };
  return (
    <p class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={4}>
          {state.values[name] ?? ''}
        </textarea>
      ) : (
        <input {...common} type="text" value={state.values[name] ?? ''} {...(list ? { list } : {})} />
      )}
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : (
        ''
      )}
      <Problems name={name} errors={state.errors} />
    </p>
  );
}

function Choice(props: {
  name: string;
  label: string;
  state: Pick<ReportFormState, 'values' | 'errors'>;
  /** Each choice, in `lang` when its words are in a language of their own. */
  options: readonly { value: string; words: string; lang?: string }[];
  required?: boolean;
}) {
  const { name, label, state, options, required } = props;
  const id = idOf(name);
  return (
    <p class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} {...(required ? { required: true } : {})}>
        {options.map((o) => (
          <option
            value={o.value}
            selected={(state.values[name] ?? '') === o.value}
            {...(o.lang ? { lang: o.lang } : {})}
          >
            {o.words}
          </option>
        ))}
      </select>
      <Problems name={name} errors={state.errors} />
    </p>
  );
}

/**
 * A language chosen from the list of source languages by its own name, and, beside it, the
 * code of one the list does not have. A language the list does not have comes back as
 * "Other language" with its code written beside it.
 */
function LanguageChoice(props: {
  name: string;
  label: string;
  state: Pick<ReportFormState, 'values' | 'errors'>;
  language: Language;
  required?: boolean;
}) {
  const { name, label, state, language, required } = props;
  const m = deskMessages[language];
  const codeName = languageCodeField(name);
  const chosen = state.values[name]?.trim() ?? '';
  const listed = sourceLanguages.some((l) => l === chosen);
  const written = listed || chosen === otherLanguage ? '' : chosen;
  const code = state.values[codeName] ?? written;
  const choice = listed ? chosen : chosen === otherLanguage || code.trim() ? otherLanguage : '';
  const shown = { values: { ...state.values, [name]: choice, [codeName]: code }, errors: state.errors };
  const options = [
    { value: '', words: m.form.choose },
    ...sourceLanguages.map((tag) => ({ value: tag, words: ownNames[tag], lang: tag })),
    { value: otherLanguage, words: m.form.otherLanguage },
  ];
  return (
    <>
      <Choice name={name} label={label} state={shown} options={options} {...(required ? { required } : {})} />
      <Field name={codeName} label={m.form.languageCode} hint={m.form.languageCodeHint} state={shown} />
    </>
  );
}

/**
 * What a count counts, where its indicator allows more than one basis (the one it assumes
 * first), and since when a running total counts.
 */
function BasisFields({
  id,
  state,
  language,
}: {
  id: string;
  state: Pick<ReportFormState, 'values' | 'errors'>;
  language: Language;
}) {
  const m = deskMessages[language];
  const bases = basesOf(id);
  if (!bases) return '';
  const ordered = [bases.assumed, ...bases.allowed.filter((b) => b !== bases.assumed)];
  return (
    <>
      <Choice
        name={figureField(id, 'basis')}
        label={m.form.basis}
        state={state}
        options={ordered.map((b) => ({ value: b, words: m.form.basisWords[b] }))}
      />
      <Field
        name={figureField(id, 'since')}
        label={m.form.countingSince}
        hint={m.form.dateHint}
        state={state}
      />
      <Choice
        name={figureField(id, 'sinceQualifier')}
        label={m.form.sinceQualifier}
        state={state}
        options={qualifiers.map((q) => ({ value: q, words: m.form.qualifierWords[q] }))}
      />
    </>
  );
}

/** Each indicator's fields, by its kind; `only` keeps to one indicator (a correction's figure). */
export function IndicatorFields({
  state,
  language,
  only,
}: {
  state: Pick<ReportFormState, 'values' | 'errors'>;
  language: Language;
  only?: string;
}) {
  const m = deskMessages[language];
  const qualifierOptions = qualifiers.map((q) => ({ value: q, words: m.form.qualifierWords[q] }));
  const kindOptions = [
    { value: '', words: m.form.choose },
    ...sourceKinds.map((k) => ({ value: k, words: m.sourceKinds[k] })),
  ];
  return (
    <>
      {indicatorRegistry
        .filter(({ id }) => only === undefined || id === only)
        .map(({ id, kind }) => {
          const name = (part: string) => figureField(id, part);
          const figureSource = (
            <fieldset class="figure-source-fields">
              <legend>{m.form.figureSource}</legend>
              <Field name={name('sourceName')} label={m.form.name} state={state} />
              <Field name={name('sourceRole')} label={m.sourceRole} state={state} />
              <Choice name={name('sourceKind')} label={m.sourceKind} state={state} options={kindOptions} />
            </fieldset>
          );
          return (
            <fieldset class="figure-fields">
              <legend>{indicatorLabel(id, language)}</legend>
              {kind === 'utility' ? (
                <>
                  <Choice
                    name={name('state')}
                    label={m.form.state}
                    state={state}
                    options={[
                      { value: '', words: m.notStated },
                      ...utilityStates.map((s) => ({ value: s, words: m.states[s] })),
                    ]}
                  />
                  <Field name={name('since')} label={m.form.since} hint={m.form.dateHint} state={state} />
                  <Choice
                    name={name('sinceQualifier')}
                    label={m.form.qualifier}
                    state={state}
                    options={qualifierOptions}
                  />
                </>
              ) : kind === 'count' ? (
                <>
                  <Field name={name('value')} label={m.form.value} hint={m.form.valueHint} state={state} />
                  <Choice
                    name={name('qualifier')}
                    label={m.form.qualifier}
                    state={state}
                    options={qualifierOptions}
                  />
                  <Field name={name('high')} label={m.form.high} hint={m.form.highHint} state={state} />
                  {basisMatters(id) ? <BasisFields id={id} state={state} language={language} /> : ''}
                </>
              ) : (
                <>
                  <Field name={name('text')} label={m.form.text} state={state} multiline />
                  <LanguageChoice
                    name={name('language')}
                    label={m.form.language}
                    state={state}
                    language={language}
                  />
                </>
              )}
              {kind === 'text' ? '' : <Field name={name('note')} label={m.form.note} state={state} />}
              <Field name={name('quote')} label={m.form.quote} hint={m.form.quoteHint} state={state} />
              {kind === 'text' ? '' : figureSource}
              <Problems name={id} errors={state.errors} />
            </fieldset>
          );
        })}
    </>
  );
}

/** The report form, with what was written and what is wrong with it. */
export function renderReportForm(
  state: ReportFormState,
  site: PageSite,
  language: Language,
  /** Shown before the form: what filled it in (a draft from text). */
  before?: Child,
  purpose?: ReportFormPurpose,
): string {
  const m = deskMessages[language];
  const verificationOptions = verificationStates.map((v) => ({ value: v, words: m.verification[v] }));
  const kindOptions = [
    { value: '', words: m.form.choose },
    ...sourceKinds.map((k) => ({ value: k, words: m.sourceKinds[k] })),
  ];
  return htmlDocument(
    <DeskPage
      site={site}
      language={language}
      heading={purpose?.heading ?? m.form.newReport}
      trail={purpose?.trail ?? [deskCrumb(language)]}
    >
      <p class="intro">{purpose?.intro ?? m.form.intro}</p>
      {before ?? ''}
      <FormProblems errors={state.errors} heading={m.form.errorsHeading} />
      <form method="post" action={pageHref(purpose?.action ?? previewPath, site, language)} class="desk-form">
        <input type="hidden" name={f.formToken} value={state.formToken} />
        <Field
          name={f.place}
          label={m.form.place}
          hint={m.form.placeHint}
          state={state}
          required
          list="places"
        />
        <datalist id="places">
          {state.places.map((p) => (
            <option value={p.slug} label={p.names.join(' · ')} />
          ))}
        </datalist>
        <Field name={f.observed} label={m.observed} hint={m.form.observedHint} state={state} required />
        <h2>{m.figuresHeading}</h2>
        <IndicatorFields state={state} language={language} />
        <h2>{m.form.summary}</h2>
        <Field name={f.summaryText} label={m.form.text} state={state} multiline required />
        <LanguageChoice
          name={f.summaryLanguage}
          label={m.form.language}
          state={state}
          language={language}
          required
        />
        <Field name={f.originalText} label={m.form.original} state={state} multiline />
        <LanguageChoice name={f.originalLanguage} label={m.form.language} state={state} language={language} />
        <h2>{m.sourceHeading}</h2>
        <Field name={f.sourceName} label={m.form.name} state={state} required />
        <Field name={f.sourceRole} label={m.sourceRole} state={state} />
        <Choice name={f.sourceKind} label={m.sourceKind} state={state} options={kindOptions} required />
        <LanguageChoice
          name={f.sourceLanguage}
          label={m.form.language}
          state={state}
          language={language}
          required
        />
        <Field name={f.sourceUrl} label={m.sourceLink} state={state} />
        <Field name={f.sourceVia} label={m.via} state={state} />
        <Choice
          name={f.verification}
          label={m.verificationLabel}
          state={state}
          options={verificationOptions}
        />
        {purpose?.end ?? ''}
        <p>
          <button type="submit">{purpose?.submit ?? m.form.preview}</button>
        </p>
      </form>
    </DeskPage>,
  );
}

export interface PreviewState {
  values: Record<string, string>;
  formToken: string;
  report: Parameters<typeof FigureList>[0]['figures'];
  observed: string;
  published: string;
  verification: Parameters<typeof Provenance>[0]['verification'];
  source: Parameters<typeof Provenance>[0]['source'];
  warnings: readonly Warning[];
  /** Shown when a publish was refused for warnings not confirmed. */
  unconfirmed?: boolean;
}

/**
 * The alert above a desk form that cannot be sent yet: its heading, and the problems of no
 * one field (those of a field are shown beside it).
 */
export function FormProblems({ errors, heading }: { errors: Record<string, string[]>; heading: string }) {
  if (!Object.values(errors).some((e) => e.length > 0)) return '';
  const general = errors[''] ?? [];
  return (
    <div class="form-problem" role="alert">
      <p>
        <strong>{heading}</strong>
      </p>
      {general.length ? (
        <ul>
          {general.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}

/** Each warning with a checkbox to confirm it; an alert when a publish was refused for them. */
export function WarningsToConfirm({
  warnings,
  unconfirmed,
  language,
}: {
  warnings: readonly Warning[];
  unconfirmed: boolean | undefined;
  language: Language;
}) {
  if (warnings.length === 0) return '';
  const m = deskMessages[language];
  return (
    <fieldset class="warnings" {...(unconfirmed ? { role: 'alert' } : {})}>
      <legend>{m.form.warningsHeading}</legend>
      {warnings.map((w, i) => (
        <p class="field">
          <input type="checkbox" id={`confirm-${i}`} name={f.confirm} value={w.code} />
          <label for={`confirm-${i}`}>
            {deskWarningDetail(w, language)}. {m.form.confirm}
          </label>
        </p>
      ))}
    </fieldset>
  );
}

/** The report as it will read, its warnings to confirm, and the button that publishes it. */
export function renderPreview(preview: PreviewState, site: PageSite, language: Language): string {
  const m = deskMessages[language];
  return htmlDocument(
    <DeskPage site={site} language={language} heading={m.form.previewHeading}>
      <p class="intro">{m.form.previewIntro}</p>
      <div class="report-group">
        <FigureList figures={preview.report} language={language} observed={preview.observed} />
        <Provenance
          language={language}
          origin={site.origin}
          report=""
          reportPublished={preview.published}
          observed={preview.observed}
          verification={preview.verification}
          source={preview.source}
          linkReport={false}
        />
      </div>
      <form method="post" action={pageHref(publishPath, site, language)} class="desk-form">
        {Object.entries(preview.values).map(([name, value]) =>
          name === f.formToken || name === f.confirm ? '' : <input type="hidden" name={name} value={value} />,
        )}
        <input type="hidden" name={f.formToken} value={preview.formToken} />
        <WarningsToConfirm
          warnings={preview.warnings}
          unconfirmed={preview.unconfirmed}
          language={language}
        />
        <p>
          <button type="submit">{m.form.publish}</button>
        </p>
      </form>
    </DeskPage>,
  );
}
