// Precision and recall of drafts on the SYNTHETIC corpus (tests/fixtures/drafting-corpus.ts),
// per language: a candidate counts as right when its indicator, value or state, qualifier,
// basis, since date and (where the sentence names one) voice and role are what the corpus
// expects. The numbers are pinned here and stated in docs/desk.md#drafts-from-source-text, so
// a change to the extractor or the lexicon that moves them is seen, in both places.

import { describe, expect, it } from 'vitest';
import type { DraftLanguage } from '../../src/domain/languages.ts';
import { type DraftCandidate, draftFromText } from '../../src/drafting/extract.ts';
import {
  type CorpusSentence,
  corpus,
  corpusObserved,
  type ExpectedFigure,
} from '../fixtures/drafting-corpus.ts';

/** What docs/desk.md states, measured by this test. */
const measured: Record<DraftLanguage, { precision: number; recall: number }> = {
  en: { precision: 1, recall: 1 },
  nl: { precision: 1, recall: 1 },
  uk: { precision: 1, recall: 1 },
};

function isExpected(candidate: DraftCandidate, expected: ExpectedFigure): boolean {
  const figure = candidate.figure as Record<string, unknown>;
  const same = (key: keyof ExpectedFigure) =>
    expected[key] === undefined || JSON.stringify(figure[key]) === JSON.stringify(expected[key]);
  return (
    figure.indicator === expected.indicator &&
    same('value') &&
    figure.high === expected.high &&
    same('state') &&
    same('qualifier') &&
    JSON.stringify(figure.since) === JSON.stringify(expected.since) &&
    figure.basis === expected.basis &&
    (expected.voice === undefined || candidate.voice?.name === expected.voice) &&
    (expected.role === undefined || candidate.voice?.role === expected.role)
  );
}

function scored(language: DraftLanguage, sentence: CorpusSentence) {
  const draft = draftFromText(
    { text: sentence.text, language, observed: corpusObserved },
    sentence.place ? [sentence.place] : [],
  );
  const unmatched = [...draft.candidates];
  let found = 0;
  for (const expected of sentence.expected) {
    const at = unmatched.findIndex((c) => isExpected(c, expected));
    if (at === -1) continue;
    unmatched.splice(at, 1);
    found++;
  }
  return { found, extra: unmatched, missed: sentence.expected.length - found };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

describe('drafts of the corpus', () => {
  it.each(['en', 'nl', 'uk'] as const)(
    'in %s: at least 30 sentences, with the precision and recall docs/desk.md states',
    (language) => {
      const sentences = corpus[language];
      expect(sentences.length).toBeGreaterThanOrEqual(30);
      let found = 0;
      let extra = 0;
      let missed = 0;
      const wrong: string[] = [];
      for (const sentence of sentences) {
        const score = scored(language, sentence);
        found += score.found;
        extra += score.extra.length;
        missed += score.missed;
        if (score.extra.length || score.missed)
          wrong.push(`${sentence.text} → ${JSON.stringify(score.extra.map((c) => c.figure))}`);
      }
      const precision = round(found / (found + extra));
      const recall = round(found / (found + missed));
      expect({ precision, recall }, wrong.join('\n')).toEqual(measured[language]);
    },
  );
});
