// A language at the desk, as a person names it: chosen from the list of source languages
// (src/domain/languages.ts) by its own name, or, for a language the list does not have,
// written in the field beside it as its code ("hu", "crh"). What is written there may also
// be the name of a listed language in a page's language ("English", "Engels", "Oekraïens").

import { ownNames, pageLanguages, type SourceLanguage, sourceLanguages } from '../../domain/languages.ts';
import { named } from '../../domain/nearest.ts';
import { languageName } from '../../words/places.ts';

type FormFields = Record<string, string>;

/** The list's choice that sends the writer to the code field. */
export const otherLanguage = 'other';

/** The field beside a language's list, for a language the list does not have. */
export const languageCodeField = (name: string) => `${name}.code`;

const isListed = (value: string): value is SourceLanguage => sourceLanguages.some((l) => l === value);

/** A language as written: a listed one's name or code, or any code, as BCP 47 spells it. */
export function readWrittenLanguage(text: string): string {
  const candidates = sourceLanguages.map((tag) => ({
    value: tag,
    names: [tag, ownNames[tag], ...pageLanguages.map((language) => languageName(tag, language))],
  }));
  const [byName] = named(text, candidates);
  if (byName !== undefined) return byName;
  try {
    return Intl.getCanonicalLocales(text.trim())[0] ?? text;
  } catch {
    return text;
  }
}

const parts = (fields: FormFields, name: string) => ({
  choice: fields[name]?.trim() ?? '',
  code: fields[languageCodeField(name)]?.trim() ?? '',
});

/** The language the field `name` and its code field state; none when both are empty. */
export function readLanguage(fields: FormFields, name: string): string | undefined {
  const { choice, code } = parts(fields, name);
  if (isListed(choice)) return choice;
  // A choice the list does not have is a language written in its place, by a program or an older page.
  const written = choice && choice !== otherLanguage ? choice : code;
  return written ? readWrittenLanguage(written) : undefined;
}

/** The field a problem of the language belongs to: the code field when it was written there. */
export function languageFieldOf(fields: FormFields, name: string): string {
  const { choice, code } = parts(fields, name);
  return isListed(choice) || !code ? name : languageCodeField(name);
}

/** A language chosen from the list and another written beside it, when the writer did both. */
export function languageConflict(
  fields: FormFields,
  name: string,
): { chosen: SourceLanguage; written: string } | undefined {
  const { choice, code } = parts(fields, name);
  if (!isListed(choice) || !code || readWrittenLanguage(code) === choice) return undefined;
  return { chosen: choice, written: code };
}
