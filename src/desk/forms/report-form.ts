// The desk's report form read back as a report input: empty fields are left out, a figure
// exists when its value (or state, or text) is given, and a number is read as people write
// it ("12.000" and "12,000" are twelve thousand, as a Dutch or English writer means them,
// never twelve). A place is read by any of its names, a language by its name or code; a
// source's kind and a language are what the writer chose, never a default. What it builds
// then passes the same validation as the API's JSON.

import { indicatorRegistry } from '../../domain/indicators.ts';
import type { Figure } from '../../domain/model.ts';
import { readCount } from '../../words/figures.ts';
import { languageCodeField, languageConflict, readLanguage } from './language-field.ts';
import { type KnownPlace, readPlace } from './place-field.ts';
import { reportFields as f, figureField } from './report-form-fields.ts';
import type { FormProblem } from './words.ts';

export type FormFields = Record<string, string>;

/** A figure as the form states it, for the schema to judge. */
type FormFigure = { indicator: string } & Record<string, unknown>;

const given = (fields: FormFields, name: string) => {
  const value = fields[name]?.trim();
  return value ? value : undefined;
};

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function figureSource(fields: FormFields, indicator: string, language: string | undefined) {
  const name = given(fields, figureField(indicator, 'sourceName'));
  if (!name) return {};
  return {
    source: {
      name,
      ...optional('role', given(fields, figureField(indicator, 'sourceRole'))),
      ...optional('kind', given(fields, figureField(indicator, 'sourceKind'))),
      // The report's source's language, which is asked for there when it is missing.
      language: language ?? 'en',
    },
  };
}

/** The figures the form's fields describe, in registry order; `sourceLanguage` for their own sources. */
export function figuresFromForm(fields: FormFields, sourceLanguage: string | undefined): FormFigure[] {
  return indicatorRegistry.flatMap(({ id, kind }): FormFigure[] => {
    const part = (name: string) => given(fields, figureField(id, name));
    const provenance = {
      ...optional('quote', part('quote')),
      ...(kind === 'text' ? {} : figureSource(fields, id, sourceLanguage)),
    };
    if (kind === 'utility') {
      const state = part('state');
      if (!state) return [];
      const since = part('since');
      return [
        {
          indicator: id,
          state,
          ...(since ? { since: { date: since, qualifier: part('sinceQualifier') ?? 'exact' } } : {}),
          ...optional('note', part('note')),
          ...provenance,
        },
      ];
    }
    if (kind === 'count') {
      const value = part('value');
      if (value === undefined) return [];
      const high = part('high');
      const since = part('since');
      return [
        {
          indicator: id,
          value: readCount(value),
          ...(high === undefined ? {} : { high: readCount(high) }),
          qualifier: part('qualifier') ?? 'exact',
          ...optional('basis', part('basis')),
          ...(since ? { since: { date: since, qualifier: part('sinceQualifier') ?? 'exact' } } : {}),
          ...optional('note', part('note')),
          ...provenance,
        },
      ];
    }
    const text = part('text');
    const language = readLanguage(fields, figureField(id, 'language'));
    return text ? [{ indicator: id, text, ...optional('language', language), ...provenance }] : [];
  });
}

/** The form's fields of one figure, filled in with what it says: for a correction's form. */
export function formOfFigure(figure: Figure): FormFields {
  const id = figure.indicator;
  const values: FormFields = {};
  const set = (part: string, value: string | number | undefined) => {
    if (value !== undefined) values[figureField(id, part)] = String(value);
  };
  if ('state' in figure) {
    set('state', figure.state);
    set('since', figure.since?.date);
    set('sinceQualifier', figure.since?.qualifier);
  } else if ('value' in figure) {
    set('value', figure.value);
    set('high', figure.high);
    set('qualifier', figure.qualifier);
    set('basis', figure.basis);
    set('since', figure.since?.date);
    set('sinceQualifier', figure.since?.qualifier);
  } else {
    set('text', figure.text);
    set('language', figure.language);
  }
  set('note', 'note' in figure ? figure.note : undefined);
  set('quote', figure.quote);
  set('sourceName', figure.source?.name);
  set('sourceRole', figure.source?.role);
  set('sourceKind', figure.source?.kind);
  return values;
}

/** The fields of the form that name a language: the summary's, the original's, the source's, each text's. */
export const languageFields: readonly string[] = [
  f.summaryLanguage,
  f.originalLanguage,
  f.sourceLanguage,
  ...indicatorRegistry.filter(({ kind }) => kind === 'text').map(({ id }) => figureField(id, 'language')),
];

/** The report the form describes, with `place` as its place, for the schema to judge. */
function reportOf(fields: FormFields, place: string): unknown {
  const sourceLanguage = readLanguage(fields, f.sourceLanguage);
  const figures = figuresFromForm(fields, sourceLanguage);
  const originalText = given(fields, f.originalText);
  return {
    place,
    observed: given(fields, f.observed) ?? '',
    figures,
    summary: {
      text: given(fields, f.summaryText) ?? '',
      ...optional('language', readLanguage(fields, f.summaryLanguage)),
      ...(originalText
        ? {
            original: {
              text: originalText,
              ...optional('language', readLanguage(fields, f.originalLanguage)),
            },
          }
        : {}),
    },
    source: {
      name: given(fields, f.sourceName) ?? '',
      ...optional('role', given(fields, f.sourceRole)),
      ...optional('kind', given(fields, f.sourceKind)),
      ...optional('language', sourceLanguage),
      ...optional('url', given(fields, f.sourceUrl)),
      ...optional('via', given(fields, f.sourceVia)),
    },
    verification: given(fields, f.verification) ?? '',
  };
}

export interface ReportForm {
  /** The report the form describes, for the schema to judge. */
  input: unknown;
  /** What the form finds wrong itself: a place it cannot tell, two languages for one. */
  problems: FormProblem[];
}

/** The report the form's fields describe, the place read among `places` by any of its names. */
export function readReportForm(fields: FormFields, places: readonly KnownPlace[]): ReportForm {
  const problems: FormProblem[] = [];
  const typed = given(fields, f.place);
  let place = typed ?? '';
  if (typed) {
    const read = readPlace(typed, places);
    if (read.kind === 'one') place = read.slug;
    else {
      problems.push({
        field: f.place,
        pointer: '/place',
        words:
          read.kind === 'several'
            ? { kind: 'severalPlaces', written: typed, places: read.places }
            : { kind: 'noPlace', written: typed, nearest: read.nearest },
      });
    }
  }
  for (const name of languageFields) {
    const conflict = languageConflict(fields, name);
    if (conflict)
      problems.push({ field: languageCodeField(name), words: { kind: 'twoLanguages', ...conflict } });
  }
  return { input: reportOf(fields, place), problems };
}
