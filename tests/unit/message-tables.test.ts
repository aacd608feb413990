// Every table of words has every key in every page language, nested keys included, and no
// language leaves empty what English says. The types already ask for most of this; the test
// also holds the tables kept as plain records, and catches an empty string typed in a hurry.

import { describe, expect, it } from 'vitest';
import { importWords } from '../../src/desk/import/words.ts';
import { deskMessages } from '../../src/desk/words.ts';
import { indicatorRegistry } from '../../src/domain/indicators.ts';
import { type Language, pageLanguages } from '../../src/domain/languages.ts';
import { messages } from '../../src/words/messages.ts';
import { translatedRules } from '../../src/words/validation.ts';

/** Each leaf of a table by its path: a string's text, an array's length, or a function's kind. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof value === 'string') found.set(path, value);
  else if (typeof value === 'function') found.set(path, 'function');
  else if (Array.isArray(value)) {
    found.set(`${path}.length`, value.length);
    value.forEach((item, i) => {
      for (const [key, leaf] of leaves(item, `${path}[${i}]`)) found.set(key, leaf);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      for (const [at, leaf] of leaves(item, `${path}.${key}`)) found.set(at, leaf);
    }
  } else found.set(path, typeof value);
  return found;
}

const tables: [string, Record<Language, unknown>][] = [
  ['messages (src/words/messages.ts)', messages],
  ['the desk (src/desk/words.ts)', deskMessages],
  ['the import (src/desk/import/words.ts)', importWords],
  ...indicatorRegistry.map((i): [string, Record<Language, unknown>] => [`the label of ${i.id}`, i.label]),
];

describe('the tables of words', () => {
  it('cover every page language, Ukrainian among them', () => {
    expect(pageLanguages).toEqual(['en', 'nl', 'uk']);
    for (const [, table] of tables) expect(Object.keys(table).sort()).toEqual([...pageLanguages].sort());
  });

  it.each(tables)('%s: every language has the keys English has, nested ones included', (_, table) => {
    const english = leaves(table.en);
    for (const language of pageLanguages) {
      const own = leaves(table[language]);
      expect([...own.keys()].sort(), language).toEqual([...english.keys()].sort());
    }
  });

  it.each(tables)('%s: no language leaves empty what English says', (_, table) => {
    const english = leaves(table.en);
    for (const language of pageLanguages) {
      for (const [path, leaf] of leaves(table[language])) {
        if (english.get(path) === '') continue;
        expect(typeof leaf === 'string' ? leaf.trim() : leaf, `${language}${path}`).not.toBe('');
      }
    }
  });

  it('words every rule of the model in every language', () => {
    for (const rules of Object.values(translatedRules)) {
      expect([...rules].sort()).toEqual([...translatedRules.nl].sort());
    }
  });
});
