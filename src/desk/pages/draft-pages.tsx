// The desk's "Draft from text": the form that takes the source text, and the review of what
// was read from it, shown above the report form it filled in: each figure beside its words,
// and the text with those words marked, so that a person checks every one before publishing.

import type { Language } from '../../domain/languages.ts';
import { draftLanguages } from '../../domain/languages.ts';
import type { DraftCandidate } from '../../drafting/extract.ts';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { formatCount, indicatorLabel, sinceWords } from '../../words/figures.ts';
import { deskMessages } from '../words.ts';
import { DeskPage, deskCrumb } from './desk-layout.tsx';
import {
  Field,
  type FieldOfProblem,
  FormProblems,
  idOf,
  type ReportFormState,
  renderReportForm,
} from './report-form.tsx';

export const draftPath = '/desk/drafts';

export const draftFields = {
  text: 'text',
  language: 'language',
  place: 'place',
  observed: 'observed',
} as const;

/** The label and id of a draft form's field, for the summary of problems that links to it. */
function draftFieldOf(language: Language): (name: string) => FieldOfProblem | undefined {
  const m = deskMessages[language];
  const labels: Record<string, string> = {
    [draftFields.text]: m.draft.text,
    [draftFields.language]: m.draft.language,
    [draftFields.place]: m.form.place,
    [draftFields.observed]: m.observed,
  };
  return (name) => {
    const label = labels[name];
    return label ? { label, id: idOf(name) } : undefined;
  };
}

/** The draft form: the source text, its language, and optionally the place and observed date. */
export function renderDraftForm(state: ReportFormState, site: PageSite, language: Language): string {
  const m = deskMessages[language];
  const chosen = state.values[draftFields.language] ?? language;
  return htmlDocument(
    <DeskPage site={site} language={language} heading={m.draft.fromText} trail={[deskCrumb(language)]}>
      <p class="intro">{m.draft.intro}</p>
      <FormProblems errors={state.errors} heading={m.draft.errorsHeading} fieldOf={draftFieldOf(language)} />
      <form method="post" action={pageHref(draftPath, site, language)} class="desk-form">
        <input type="hidden" name="formToken" value={state.formToken} />
        <Field
          name={draftFields.text}
          label={m.draft.text}
          hint={m.draft.textHint}
          state={state}
          multiline
          required
        />
        <p class="field">
          <label for="field-language">{m.draft.language}</label>
          <select id="field-language" name={draftFields.language}>
            {draftLanguages.map((code) => (
              <option value={code} selected={code === chosen}>
                {m.draft.languages[code]}
              </option>
            ))}
          </select>
        </p>
        <Field
          name={draftFields.place}
          label={m.form.place}
          hint={m.form.placeHint}
          state={state}
          list="places"
        />
        <datalist id="places">
          {state.places.map((p) => (
            <option value={p.slug} label={p.names.join(' · ')} />
          ))}
        </datalist>
        <Field name={draftFields.observed} label={m.observed} hint={m.draft.observedHint} state={state} />
        <p>
          <button type="submit">{m.draft.make}</button>
        </p>
      </form>
    </DeskPage>,
  );
}

/** What the review shows: the text and what was read from it. */
export interface DraftReview {
  text: string;
  candidates: readonly DraftCandidate[];
  omitted?: number | undefined;
}

function figureWords(candidate: DraftCandidate, language: Language): string {
  const m = deskMessages[language];
  const { figure } = candidate;
  if ('value' in figure) return formatCount(figure.value, figure.qualifier, language);
  const since = figure.since ? ` ${sinceWords(figure.since, language)}` : '';
  return `${m.states[figure.state]}${since}`;
}

/** The text with each quoted sentence marked, once, in order. */
function MarkedText({ review, label }: { review: DraftReview; label: string }) {
  const marks = [...new Map(review.candidates.map((c) => [c.quote.start, c.quote])).values()].sort(
    (a, b) => a.start - b.start,
  );
  const parts: (string | ReturnType<typeof Mark>)[] = [];
  let at = 0;
  for (const quote of marks) {
    if (quote.start < at) continue;
    parts.push(review.text.slice(at, quote.start), <Mark start={quote.start} text={quote.text} />);
    at = quote.end;
  }
  parts.push(review.text.slice(at));
  return (
    <section class="draft-text" tabindex={0} aria-label={label}>
      {parts}
    </section>
  );
}

function Mark({ start, text }: { start: number; text: string }) {
  return <mark id={`quote-${start}`}>{text}</mark>;
}

/** The review of a draft, above the report form it filled in. */
export function DraftReviewSection({ review, language }: { review: DraftReview; language: Language }) {
  const m = deskMessages[language];
  return (
    <section class="draft-review" aria-labelledby="draft-heading">
      <h2 id="draft-heading">{m.draft.heading}</h2>
      <p>{review.candidates.length > 0 ? m.draft.review : m.draft.none}</p>
      <ol>
        {review.candidates.map((candidate) => (
          <li>
            <strong>{indicatorLabel(candidate.figure.indicator, language)}</strong>:{' '}
            {figureWords(candidate, language)}{' '}
            <span class={`confidence confidence-${candidate.confidence.level}`}>
              ({m.draft.confidence[candidate.confidence.level]})
            </span>
            {candidate.voice ? (
              <span>
                {' '}
                · {m.draft.saidBy} <bdi>{candidate.voice.name}</bdi>
                {candidate.voice.role ? <span>, {candidate.voice.role}</span> : ''}
              </span>
            ) : (
              ''
            )}
            <blockquote>
              <a href={`#quote-${candidate.quote.start}`} title={m.draft.toQuote}>
                {candidate.quote.text}
              </a>
            </blockquote>
          </li>
        ))}
      </ol>
      {review.omitted ? <p class="form-problem">{m.draft.omitted(review.omitted)}</p> : ''}
      <h3>{m.draft.sourceText}</h3>
      <MarkedText review={review} label={m.draft.sourceText} />
    </section>
  );
}

/** The report form as the draft filled it in, with the review of the draft above it. */
export function renderDraftedReportForm(
  state: ReportFormState,
  review: DraftReview,
  site: PageSite,
  language: Language,
): string {
  return renderReportForm(state, site, language, <DraftReviewSection review={review} language={language} />);
}
