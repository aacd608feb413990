// The desk's place form read back as a place input, and a place as the form's fields. Empty
// fields are left out; a coordinate is read with a decimal point or a decimal comma
// ("48,5953" is what a Dutch writer means by 48.5953); country codes and p-codes are read in
// capitals. What it builds then passes the same validation as the API's JSON, and each
// problem is traced back to the field that holds it, so that it is shown there.

import { issuesFromZod } from '../../domain/issues.ts';
import { namedLanguages } from '../../domain/languages.ts';
import { languageTag, type Place } from '../../domain/model.ts';
import type { ValidationIssue } from '../../problems.ts';
import {
  adminField,
  adminLevels,
  placeFields as f,
  nameField,
  otherNameField,
  otherNameRows,
} from './place-form-fields.ts';

type FormFields = Record<string, string>;

export interface PlaceForm {
  /** The slug written in the form; the edit form has none (it is in the address). */
  slug: string;
  /** The place the form describes, for the schema to judge. */
  input: unknown;
  /** What the form finds wrong itself: a name's row half filled in, a language named twice. */
  problems: ValidationIssue[];
  /** The field a problem belongs to, of the form's own or of the schema's; '' for none. */
  fieldOf: (issue: ValidationIssue) => string;
}

const given = (fields: FormFields, name: string) => {
  const value = fields[name]?.trim();
  return value ? value : undefined;
};

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Decimal degrees with a point or a comma; anything else as written, for the schema to refuse. */
function readDegrees(text: string): number | string {
  const written = text.replace('\u2212', '-');
  return /^[-+]?\d+(?:[.,]\d+)?$/.test(written) ? Number(written.replace(',', '.')) : text;
}

const requiredIssue = (): ValidationIssue => ({
  pointer: '',
  rule: 'required',
  detail: 'is required',
  words: { kind: 'required' },
});

/** The place the form's fields describe, and where each of its problems belongs. */
export function placeFromForm(fields: FormFields): PlaceForm {
  const placed = new Map<ValidationIssue, string>();
  const refuse = (field: string, issue: ValidationIssue) => placed.set(issue, field);
  // Which fields hold the name, and the language, of each language tag.
  const holders = new Map<string, { name: string; language?: string }>();
  const names: Record<string, string> = {};
  for (const language of namedLanguages) {
    const name = given(fields, nameField(language));
    if (!name) continue;
    names[language] = name;
    holders.set(language, { name: nameField(language) });
  }
  for (const row of otherNameRows(fields)) {
    const language = given(fields, otherNameField(row, 'language'));
    const name = given(fields, otherNameField(row, 'name'));
    const field = { name: otherNameField(row, 'name'), language: otherNameField(row, 'language') };
    if (!language && !name) continue;
    if (!language || !name) {
      refuse(language ? field.name : field.language, requiredIssue());
      continue;
    }
    const tag = languageTag.safeParse(language);
    if (!tag.success) {
      for (const issue of issuesFromZod(tag.error, language)) refuse(field.language, issue);
      continue;
    }
    const first = [...holders.keys()].find((known) => known.toLowerCase() === language.toLowerCase());
    if (first !== undefined) {
      refuse(field.language, {
        pointer: '',
        rule: 'same language',
        detail: `names the same language as "${first}"`,
        words: { kind: 'sameLanguage', first },
      });
      continue;
    }
    names[language] = name;
    holders.set(language, field);
  }

  const admin = adminLevels.flatMap((level) => {
    const name = given(fields, adminField(level, 'name'));
    const pcode = given(fields, adminField(level, 'pcode'))?.toUpperCase();
    return name || pcode ? [{ level, ...optional('name', name), ...optional('pcode', pcode) }] : [];
  });
  const lat = given(fields, f.latitude);
  const lon = given(fields, f.longitude);
  const input = {
    names,
    country: {
      ...optional('code', given(fields, f.countryCode)?.toUpperCase()),
      ...optional('name', given(fields, f.countryName)),
    },
    admin,
    ...(lat || lon
      ? {
          coordinates: {
            ...optional('lat', lat === undefined ? undefined : readDegrees(lat)),
            ...optional('lon', lon === undefined ? undefined : readDegrees(lon)),
          },
        }
      : {}),
  };

  const byPointer: Record<string, string> = {
    '/slug': f.slug,
    // The one name a place must have is its English name.
    '/names': nameField('en'),
    '/country': f.countryCode,
    '/country/code': f.countryCode,
    '/country/name': f.countryName,
    '/coordinates': f.latitude,
    '/coordinates/lat': f.latitude,
    '/coordinates/lon': f.longitude,
  };
  const fieldOf = (issue: ValidationIssue): string => {
    const own = placed.get(issue) ?? byPointer[issue.pointer];
    if (own) return own;
    const name = /^\/names\/(.+)$/.exec(issue.pointer);
    const holder = name?.[1] === undefined ? undefined : holders.get(name[1]);
    if (holder) return (issue.words?.kind === 'sameLanguage' && holder.language) || holder.name;
    const area = /^\/admin\/(\d+)(?:\/(name|pcode))?$/.exec(issue.pointer);
    const level = area && admin[Number(area[1])]?.level;
    return level ? adminField(level, area[2] === 'pcode' ? 'pcode' : 'name') : '';
  };
  return { slug: given(fields, f.slug) ?? '', input, problems: [...placed.keys()], fieldOf };
}

/** The form's fields, filled in with what the place says: for its edit form. */
export function formOfPlace(place: Place): FormFields {
  const values: FormFields = {};
  const fixed: readonly string[] = namedLanguages;
  for (const language of namedLanguages) {
    const name = place.names[language];
    if (name) values[nameField(language)] = name;
  }
  const others = Object.entries(place.names).filter(([language]) => !fixed.includes(language));
  for (const [row, [language, name]] of others.entries()) {
    values[otherNameField(row, 'language')] = language;
    values[otherNameField(row, 'name')] = name;
  }
  values[f.countryCode] = place.country.code;
  values[f.countryName] = place.country.name;
  for (const level of adminLevels) {
    const area = place.admin.find((a) => a.level === level);
    if (area) values[adminField(level, 'name')] = area.name;
    if (area?.pcode) values[adminField(level, 'pcode')] = area.pcode;
  }
  if (place.coordinates) {
    values[f.latitude] = String(place.coordinates.lat);
    values[f.longitude] = String(place.coordinates.lon);
  }
  return values;
}
