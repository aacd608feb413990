// The names of the desk's place form's fields, for the form that writes them and the code
// that reads them back (src/desk/forms/place-form.ts). Names in the languages src/domain/languages.ts
// gives `names` have a field each; a name in any other language is a row of a language tag and a name.

export const placeFields = {
  slug: 'slug',
  countryCode: 'country.code',
  countryName: 'country.name',
  latitude: 'coordinates.lat',
  longitude: 'coordinates.lon',
  formToken: 'formToken',
} as const;

export const nameField = (language: string) => `names.${language}`;

export const adminLevels = [1, 2, 3, 4] as const;
export const adminField = (level: number, part: 'name' | 'pcode') => `admin.${level}.${part}`;

export const otherNameField = (row: number, part: 'language' | 'name') => `otherNames.${row}.${part}`;

/** More rows than this are not read: no place has that many names in other languages. */
const mostOtherNames = 40;
/** Empty rows the form offers to add names to. */
const spareRows = 2;

/** The rows of other names the form has: every one written in, and two empty ones. */
export function otherNameRows(values: Record<string, string>): number[] {
  let written = 0;
  for (let row = 0; row < mostOtherNames; row++) {
    if (values[otherNameField(row, 'language')]?.trim() || values[otherNameField(row, 'name')]?.trim()) {
      written = row + 1;
    }
  }
  return Array.from({ length: Math.min(written + spareRows, mostOtherNames) }, (_, row) => row);
}
