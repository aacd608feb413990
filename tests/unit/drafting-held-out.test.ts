// Drafts on the held-out set (tests/fixtures/drafting-held-out/): SYNTHETIC paragraphs written
// apart from the lexicon and frozen before it was tuned again, so that what they measure is how
// drafts fare on text nobody tuned them on. What must hold whatever the lexicon becomes: at
// least 40 paragraphs a language, and the highest confidence right at least 95 times in 100
// where it is given. Precision, recall and the utilities drafted in the opposite state are
// pinned as measured, and stated in README and docs/PERFORMANCE.md, so that a change to the
// extractor that moves them is seen in all three places; what each paragraph missed is not
// printed, as reading it would be tuning on it.

import { describe, expect, it } from 'vitest';
import type { DraftLanguage } from '../../src/domain/languages.ts';
import { heldOutEn } from '../fixtures/drafting-held-out/en.ts';
import { heldOutNl } from '../fixtures/drafting-held-out/nl.ts';
import { precisionOf, recallOf, scoreHeldOut } from '../fixtures/drafting-held-out/score.ts';
import { heldOutUk } from '../fixtures/drafting-held-out/uk.ts';

const heldOut = { en: heldOutEn, nl: heldOutNl, uk: heldOutUk };

/**
 * What README and docs/PERFORMANCE.md state, measured by this test: the precision and recall,
 * and the utilities drafted in the state opposite to the text's. The targets are a precision
 * of 0.95, a recall of 0.9 and no utility in the opposite state; docs/desk.md says how far
 * from them drafts are.
 */
const measured: Record<DraftLanguage, { precision: number; recall: number; opposite: number }> = {
  en: { precision: 0.923, recall: 0.909, opposite: 0 },
  nl: { precision: 0.933, recall: 0.852, opposite: 0 },
  uk: { precision: 0.94, recall: 0.897, opposite: 0 },
};

describe('drafts of the held-out set', () => {
  it.each(['en', 'nl', 'uk'] as const)('in %s: at least 40 paragraphs, each with its own id', (language) => {
    const paragraphs = heldOut[language];
    expect(paragraphs.length).toBeGreaterThanOrEqual(40);
    expect(new Set(paragraphs.map((p) => p.id)).size).toBe(paragraphs.length);
  });

  it.each(['en', 'nl', 'uk'] as const)(
    'in %s: a figure of the highest confidence is right at least 95 times in 100',
    (language) => {
      const { high } = scoreHeldOut(language, heldOut[language]).byLevel;
      expect(
        high.drafted === 0 || high.right / high.drafted >= 0.95,
        `${high.right} of ${high.drafted}`,
      ).toBe(true);
    },
  );

  it.each(['en', 'nl', 'uk'] as const)(
    'in %s: the precision, recall and utilities in the opposite state README states',
    (language) => {
      const score = scoreHeldOut(language, heldOut[language]);
      expect({
        precision: precisionOf(score.all),
        recall: recallOf(score.all),
        opposite: score.opposite.length,
      }).toEqual(measured[language]);
    },
  );
});
