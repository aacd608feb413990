// The desk's report form, generated from the indicator registry (each indicator's fields by
// its kind), and its preview: the report as the public pages will show it, rendered by the
// same components, with the warnings to confirm and the form's values carried on in hidden
// fields, to publish or to edit again. Every control has a visible label, its hint under
// it; each problem stands beside its field and is linked from the summary above the form.
// Each figure is a box closed until opened (no script: <details>), open by itself when it
// holds something or has a problem, so that a phone shows the whole form in a few screens.
// Pure.

import type { Child } from 'hono/jsx';
import { basisMatters } from '../../domain/counts.ts';
import { basesOf, indicatorRegistry } from '../../domain/indicators.ts';
import { type Language, ownNames, sourceLanguages } from '../../domain/languages.ts';
import {
  type Place,
  qualifiers,
  type Report,
  sourceKinds,
  utilityStates,
  verificationStates,
} from '../../domain/model.ts';
import type { Warning } from '../../domain/plausibility.ts';
import { Provenance } from '../../render/html/figures.tsx';
import { ProblemIcon } from '../../render/html/icons.tsx';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import { PlaceName, PlaceWhere } from '../../render/html/names.tsx';
import { ReportSections } from '../../render/html/report-page.tsx';
import type { PageSite } from '../../render/site.ts';
import { formatPartialDate, indicatorLabel } from '../../words/figures.ts';
import { languageCodeField, otherLanguage } from '../forms/language-field.ts';
import { reportFields as f, figureField } from '../forms/report-form-fields.ts';
import { deskWarningDetail } from '../forms/words.ts';
import { deskMessages } from '../words.ts';
import { type Crumb, DeskPage, deskCrumb } from './desk-layout.tsx';

export const previewPath = '/desk/reports/preview';
export const publishPath = '/desk/reports';
/** The form again, as written, from its preview. */
export const editPath = '/desk/reports/edit';

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

/** The id of a form field's control, by its name. */
export const idOf = (name: string) => `field-${name.replaceAll('.', '-')}`;

function Problems({ name, errors }: { name: string; errors: ReportFormState['errors'] }) {
  const list = errors[name];
  if (!list?.length) return '';
  return (
    <span class="field-problem">
      <ProblemIcon />
      <span id={`${idOf(name)}-problem`}>{list.join(' ')}</span>
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
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : (
        ''
      )}
      <Problems name={name} errors={state.errors} />
      {multiline ? (
        <textarea {...common} rows={2}>
          {state.values[name] ?? ''}
        </textarea>
      ) : (
        <input {...common} type="text" value={state.values[name] ?? ''} {...(list ? { list } : {})} />
      )}
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
  const troubled = Boolean(state.errors[name]?.length);
  return (
    <p class="field">
      <label for={id}>{label}</label>
      <Problems name={name} errors={state.errors} />
      <select
        id={id}
        name={name}
        {...(required ? { required: true } : {})}
        {...(troubled ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-problem` } : {})}
      >
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
    </p>
  );
}

/**
 * A language chosen from the list of source languages by its own name, and, beside it, the
 * code of one the list does not have, in a box that stays closed until it is needed. A
 * language the list does not have comes back as "Other language" with its code written
 * beside it, its box open.
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
    <div class="field-row">
      <Choice name={name} label={label} state={shown} options={options} {...(required ? { required } : {})} />
      <Box className="other-language" label={m.form.languageCode} open={opens(shown, [codeName])}>
        <Field name={codeName} label={m.form.languageCode} hint={m.form.languageCodeHint} state={shown} />
      </Box>
    </div>
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

/**
 * A figure's choices that always hold one of their options: what they hold says nothing of
 * whether the writer filled the figure in (its state does: its first option is "not stated").
 */
const choiceParts = new Set(['qualifier', 'sinceQualifier', 'basis', 'sourceKind']);

/** Whether anything is written in the fields of `indicator` named by `parts` (all when absent). */
function holdsValue(values: ReportFormState['values'], indicator: string, parts?: readonly string[]) {
  return Object.entries(values).some(([name, value]) => {
    if (!name.startsWith(`${indicator}.`) || !value.trim()) return false;
    const part = name.slice(indicator.length + 1);
    return parts ? parts.includes(part) : !choiceParts.has(part);
  });
}

/** Whether a problem belongs to one of `names`, or to a field that starts with one and a dot. */
function hasProblem(errors: ReportFormState['errors'], names: readonly string[]) {
  return Object.entries(errors).some(
    ([field, list]) => list.length > 0 && names.some((n) => field === n || field.startsWith(`${n}.`)),
  );
}

/**
 * Whether a box of the form's own fields opens by itself: something is written in one of
 * `written`, or one of `fields` (all of them when absent) has a problem.
 */
function opens(
  state: Pick<ReportFormState, 'values' | 'errors'>,
  written: readonly string[],
  fields: readonly string[] = written,
) {
  return written.some((name) => state.values[name]?.trim()) || hasProblem(state.errors, fields);
}

/**
 * A box of fields that stays closed until opened, or opens by itself when `open`: its
 * summary names it, and a fieldset (with the same name for assistive technology) groups it.
 */
function Box({
  id,
  label,
  open,
  className,
  children,
}: {
  id?: string;
  label: string;
  open: boolean;
  className: string;
  children: Child;
}) {
  return (
    <details class={className} {...(id ? { id } : {})} {...(open ? { open: true } : {})}>
      <summary>{label}</summary>
      <fieldset>
        <legend class="visually-hidden">{label}</legend>
        {children}
      </fieldset>
    </details>
  );
}

export const figureBoxId = (indicator: string) => `figure-${indicator}`;

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
    <div class="box-grid">
      {indicatorRegistry
        .filter(({ id }) => only === undefined || id === only)
        .map(({ id, kind }) => {
          const name = (part: string) => figureField(id, part);
          const sourceParts = ['sourceName', 'sourceRole', 'sourceKind'];
          const figureSource = (
            <Box
              className="figure-source-box"
              label={m.form.figureSource}
              open={
                holdsValue(state.values, id, ['sourceName', 'sourceRole']) ||
                hasProblem(state.errors, sourceParts.map(name))
              }
            >
              <Field name={name('sourceName')} label={m.form.name} state={state} />
              <Field name={name('sourceRole')} label={m.sourceRole} state={state} />
              <Choice name={name('sourceKind')} label={m.sourceKind} state={state} options={kindOptions} />
            </Box>
          );
          return (
            <Box
              className="figure-box"
              id={figureBoxId(id)}
              label={indicatorLabel(id, language)}
              open={holdsValue(state.values, id) || hasProblem(state.errors, [id])}
            >
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
            </Box>
          );
        })}
    </div>
  );
}

/** "Source — Name": a field's label with the part of the form it is in. */
const within = (part: string, label: string) => `${part} — ${label}`;

/**
 * The label and id of a report form's field, for the summary of problems that links to it:
 * a whole figure's problem links to its box.
 */
export function reportFieldOf(language: Language): (name: string) => FieldOfProblem | undefined {
  const m = deskMessages[language];
  const top: Record<string, string> = {
    [f.place]: m.form.place,
    [f.observed]: m.observed,
    [f.summaryText]: m.form.summary,
    [f.summaryLanguage]: within(m.form.summary, m.form.language),
    [f.originalText]: m.form.original,
    [f.originalLanguage]: within(m.form.original, m.form.language),
    [f.sourceName]: within(m.sourceHeading, m.form.name),
    [f.sourceRole]: within(m.sourceHeading, m.sourceRole),
    [f.sourceKind]: within(m.sourceHeading, m.sourceKind),
    [f.sourceLanguage]: within(m.sourceHeading, m.form.language),
    [f.sourceUrl]: within(m.sourceHeading, m.sourceLink),
    [f.sourceVia]: within(m.sourceHeading, m.via),
    [f.verification]: m.verificationLabel,
    [f.reason]: m.moderation.reason,
  };
  const counted = (kind: string, utility: string, count: string) => (kind === 'utility' ? utility : count);
  return (name) => {
    const label = top[name];
    if (label) return { label, id: idOf(name) };
    const [indicator = '', part] = name.split('.');
    const found = indicatorRegistry.find((i) => i.id === indicator);
    if (!found) return undefined;
    const figure = indicatorLabel(indicator, language);
    if (part === undefined) return { label: figure, id: figureBoxId(indicator) };
    const parts: Record<string, string> = {
      state: m.form.state,
      since: counted(found.kind, m.form.since, m.form.countingSince),
      sinceQualifier: counted(found.kind, m.form.qualifier, m.form.sinceQualifier),
      value: m.form.value,
      qualifier: m.form.qualifier,
      high: m.form.high,
      basis: m.form.basis,
      note: m.form.note,
      quote: m.form.quote,
      text: m.form.text,
      language: m.form.language,
      sourceName: within(m.form.figureSource, m.form.name),
      sourceRole: within(m.form.figureSource, m.sourceRole),
      sourceKind: within(m.form.figureSource, m.sourceKind),
    };
    const partLabel = parts[part];
    return partLabel ? { label: within(figure, partLabel), id: idOf(name) } : undefined;
  };
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
      <FormProblems errors={state.errors} heading={m.form.errorsHeading} fieldOf={reportFieldOf(language)} />
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
        <Field name={f.summaryText} label={m.form.summary} state={state} multiline required />
        <LanguageChoice
          name={f.summaryLanguage}
          label={m.form.language}
          state={state}
          language={language}
          required
        />
        <h2>{m.sourceHeading}</h2>
        <Field name={f.sourceName} label={m.form.name} state={state} required />
        <div class="field-row">
          <Choice name={f.sourceKind} label={m.sourceKind} state={state} options={kindOptions} required />
          <Choice
            name={f.verification}
            label={m.verificationLabel}
            state={state}
            options={verificationOptions}
          />
        </div>
        <LanguageChoice
          name={f.sourceLanguage}
          label={m.form.language}
          state={state}
          language={language}
          required
        />
        <div class="box-grid">
          <Box
            className="original-box"
            label={m.form.original}
            open={opens(
              state,
              [f.originalText, f.originalLanguage, languageCodeField(f.originalLanguage)],
              [f.originalText, f.originalLanguage, languageCodeField(f.originalLanguage)],
            )}
          >
            <Field name={f.originalText} label={m.form.text} state={state} multiline />
            <LanguageChoice
              name={f.originalLanguage}
              label={m.form.language}
              state={state}
              language={language}
            />
          </Box>
          <Box
            className="source-more-box"
            label={m.form.sourceMore}
            open={opens(state, [f.sourceRole, f.sourceUrl, f.sourceVia])}
          >
            <Field name={f.sourceRole} label={m.sourceRole} state={state} />
            <Field name={f.sourceUrl} label={m.sourceLink} state={state} />
            <Field name={f.sourceVia} label={m.via} state={state} />
          </Box>
        </div>
        {purpose?.end ?? ''}
        <p class="actions">
          <button type="submit">{purpose?.submit ?? m.form.preview}</button>
        </p>
      </form>
    </DeskPage>,
  );
}

export interface PreviewState {
  values: Record<string, string>;
  formToken: string;
  /** The report as it would be stored. */
  report: Report;
  /** The place it is about; undefined when it is not known (the slug is shown). */
  place: Pick<Place, 'names' | 'admin' | 'country'> | undefined;
  warnings: readonly Warning[];
  /** Shown when a publish was refused for warnings not confirmed. */
  unconfirmed?: boolean;
}

/** Where a problem's field is, and what it is called, for the summary's link to it. */
export interface FieldOfProblem {
  label: string;
  id: string;
}

/**
 * The summary above a desk form that cannot be sent yet: its heading, then each problem, a
 * field's as a link to that field with its label (`fieldOf`; without it, to the field's id),
 * and those of no one field as they are.
 */
export function FormProblems({
  errors,
  heading,
  fieldOf = () => undefined,
}: {
  errors: Record<string, string[]>;
  heading: string;
  fieldOf?: (name: string) => FieldOfProblem | undefined;
}) {
  const problems = Object.entries(errors).flatMap(([name, list]) =>
    list.map((problem) => ({ name, problem })),
  );
  if (problems.length === 0) return '';
  return (
    <div class="form-problem" role="alert">
      <h2>{heading}</h2>
      <ul>
        {problems.map(({ name, problem }) => {
          if (name === '') return <li>{problem}</li>;
          const field = fieldOf(name);
          return (
            <li>
              <a href={`#${field?.id ?? idOf(name)}`}>
                {field ? `${field.label}: ` : ''}
                {problem}
              </a>
            </li>
          );
        })}
      </ul>
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

/**
 * The report as it will read, everything in it that will be published (its place, observed
 * date, verification, source, summary and every figure with its own source and quote), its
 * warnings to confirm, and two buttons: publish it, or edit it again (the form as written).
 */
export function renderPreview(preview: PreviewState, site: PageSite, language: Language): string {
  const m = deskMessages[language];
  const { report, place } = preview;
  return htmlDocument(
    <DeskPage site={site} language={language} heading={m.form.previewHeading} trail={[deskCrumb(language)]}>
      <p class="intro">{m.form.previewIntro}</p>
      <article class="preview" aria-labelledby="preview-title">
        <h2 id="preview-title">
          {m.reportOn}{' '}
          {place ? <PlaceName names={place.names} language={language} /> : <bdi>{report.place}</bdi>},{' '}
          {formatPartialDate(report.observed, language)}
        </h2>
        {place ? (
          <p class="place-where">
            <PlaceWhere place={place} language={language} />
          </p>
        ) : (
          ''
        )}
        <Provenance
          language={language}
          origin={site.origin}
          report=""
          reportPublished={report.published}
          observed={report.observed}
          verification={report.verification}
          source={report.source}
          linkReport={false}
        />
        <ReportSections report={report} language={language} />
      </article>
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
        <p class="actions">
          <button type="submit">{m.form.publish}</button>
          <button type="submit" class="secondary" formaction={pageHref(editPath, site, language)}>
            {m.form.edit}
          </button>
        </p>
      </form>
    </DeskPage>,
  );
}
