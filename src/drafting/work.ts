// Counting the extractor's work, so that a test can bound it by the length of the text on any
// machine (tests/unit/drafting-work.test.ts): a step is a word or a number visited by a pass,
// a look-up of the lexicon at a word, a phrase compared with the words there, a way of reading
// a number word tried, or a character scanned again. Drafts are counted only when a meter is
// passed; without one, counting is one test of `undefined`.

export interface WorkMeter {
  steps: number;
}

export function count(meter: WorkMeter | undefined, steps = 1): void {
  if (meter) meter.steps += steps;
}
