// The extractor alone: draftFromText (src/drafting/extract.ts) on the seed article and
// on a 20,000-character Dutch text made from it and the SYNTHETIC Dutch corpus sentences
// (tests/fixtures/drafting-corpus.ts), timed with tinybench in Node (V8, as workerd runs).
// The extractor is pure: before and after timing, two drafts of the same text must be the
// same JSON, else this throws. Bundled by bench/run.mjs with esbuild (the article is
// imported as text); prints its results as JSON.

import { Bench } from 'tinybench';
import article from '../seeds/sources/000_6889800fbbf13951.txt';
import { type DraftInput, draftFromText } from '../src/drafting/extract.ts';
import { corpus } from '../tests/fixtures/drafting-corpus.ts';

const placeNames = ['Bakhmut', 'Bachmoet', 'Бахмут'];
const observed = '2022-11';
const longLength = 20_000;
const separator = '\n\n';
// At least `time` ms and at least `iterations` samples per case: the long text takes several
// milliseconds a draft, and a p99 of fewer than 200 samples is little more than the largest.
const settings = { time: 2000, warmupTime: 250, iterations: 200 };

/** Characters as code points, not UTF-16 units (the texts have none outside the BMP; this makes sure). */
const charactersOf = (text: string) => Array.from(text).length;

/**
 * The long text: the seed article, then every Dutch corpus sentence in order, then the
 * article again, and so on, each piece a paragraph of its own (separated by a blank line),
 * cut at exactly `longLength` characters, wherever that falls.
 */
function longText() {
  const pieces = [article, ...corpus.nl.map((sentence) => sentence.text)];
  const whole: string[] = [];
  let characters = 0;
  for (let i = 0; characters < longLength; i = (i + 1) % pieces.length) {
    const piece = `${whole.length === 0 ? '' : separator}${pieces[i]}`;
    whole.push(piece);
    characters += charactersOf(piece);
  }
  return Array.from(whole.join('')).slice(0, longLength).join('');
}

const cases: { name: string; input: DraftInput }[] = [
  { name: 'seed article', input: { text: article, language: 'nl', observed, place: 'bakhmut' } },
  {
    name: `${longLength.toLocaleString('en')}-character text`,
    input: { text: longText(), language: 'nl', observed, place: 'bakhmut' },
  },
];

/** The draft of `input` as JSON: what two runs must agree on. */
const draftJson = (input: DraftInput) => JSON.stringify(draftFromText(input, placeNames));

function assertDeterministic(name: string, input: DraftInput, expected?: string) {
  const first = draftJson(input);
  const second = draftJson(input);
  if (first !== second) throw new Error(`draftFromText(${name}): two runs gave different drafts`);
  if (expected !== undefined && first !== expected)
    throw new Error(`draftFromText(${name}): the draft after timing differs from the one before`);
  return first;
}

const before = new Map(cases.map(({ name, input }) => [name, assertDeterministic(name, input)]));
const bench = new Bench({ ...settings, throws: true });
for (const { name, input } of cases) bench.add(name, () => draftFromText(input, placeNames));
await bench.run();

const results = bench.tasks.map((task) => {
  const found = cases.find((c) => c.name === task.name);
  if (!found) throw new Error(`unknown task ${task.name}`);
  const draft = assertDeterministic(task.name, found.input, before.get(task.name));
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  const { latency } = result;
  return {
    text: task.name,
    characters: charactersOf(found.input.text),
    candidates: (JSON.parse(draft) as ReturnType<typeof draftFromText>).candidates.length,
    medianMs: latency.p50,
    p99Ms: latency.p99,
    meanMs: latency.mean,
    minMs: latency.min,
    maxMs: latency.max,
    samples: latency.samplesCount,
    runtime: `${result.runtime} ${result.runtimeVersion}`,
  };
});
console.log(
  JSON.stringify({
    settings: { ...settings, placeNames, observed, corpusSentences: corpus.nl.length },
    cases: results,
  }),
);
