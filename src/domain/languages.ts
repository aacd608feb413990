// The languages the service knows, each once, with what it is used for:
// - `pages`: what pages, feeds' words, messages and indicator labels are written in
//   (src/words); `Language` is one of these, the language a reader reads in.
// - `names`: the languages a place's name has a field of its own in on the desk's place form;
//   a name in any other language is a row of a language tag and a name.
// - `drafting`: the languages a draft is read in (src/drafting/lexicon.ts has a lexicon each).
// - `import`: the languages the desk's import reads a spreadsheet's column names and dates in
//   (src/desk/import/columns.ts names each column in each, and says how it orders a date).
// - `sources`: the languages the desk offers by name for what a source said and a summary
//   is written in (any other is written as its code): those this service's sources are
//   likely to write in.
// Making a language one of the pages' is adding `pages` to its uses here; the compiler then
// asks for its words wherever words are kept per language.

type Use = 'pages' | 'names' | 'drafting' | 'import' | 'sources';

const uses = {
  en: ['pages', 'names', 'drafting', 'import', 'sources'],
  nl: ['pages', 'names', 'drafting', 'import', 'sources'],
  uk: ['pages', 'names', 'drafting', 'import', 'sources'],
  de: ['sources'],
  fr: ['sources'],
  ru: ['sources'],
  pl: ['sources'],
  ro: ['sources'],
} as const satisfies Record<string, readonly Use[]>;

type Known = keyof typeof uses;
type UsedFor<U extends Use> = { [L in Known]: U extends (typeof uses)[L][number] ? L : never }[Known];

/** The languages used for `use`, in the order above (the order pages offer them in). */
function usedFor<U extends Use>(use: U): readonly UsedFor<U>[] {
  const used = (tag: Known): tag is UsedFor<U> => (uses[tag] as readonly Use[]).includes(use);
  return (Object.keys(uses) as Known[]).filter(used);
}

export const pageLanguages = usedFor('pages');
export type Language = UsedFor<'pages'>;

export const namedLanguages = usedFor('names');

export const draftLanguages = usedFor('drafting');
export type DraftLanguage = UsedFor<'drafting'>;

export const importLanguages = usedFor('import');
export type ImportLanguage = UsedFor<'import'>;

export const sourceLanguages = usedFor('sources');
export type SourceLanguage = UsedFor<'sources'>;

/**
 * Each source language's name in itself, as a person who writes it looks for it in a list:
 * the same on every page, whatever the page's language.
 */
export const ownNames: Record<SourceLanguage, string> = {
  en: 'English',
  nl: 'Nederlands',
  uk: 'Українська',
  de: 'Deutsch',
  fr: 'Français',
  ru: 'Русский',
  pl: 'Polski',
  ro: 'Română',
};
