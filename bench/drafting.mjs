// The drafting extractor on the texts made to cost it the most (tests/fixtures/drafting-
// adversarial.ts): the CPU time of draftFromText (src/drafting/extract.ts) on each at the
// longest text a draft takes (src/drafting/limits.ts), against the target, and its time per
// character at shorter lengths, which stays flat when its work grows linearly with the text.
// draftFromText is pure, so it is timed alone, in Node, whose V8 is the engine workerd runs:
// process.cpuUsage() around each draft (the whole process's CPU, so the garbage collector's
// threads are counted too), after a few drafts of warm-up, 30 times each, the texts taking
// turns: the median and the largest.
// Bundled from the TypeScript sources with esbuild. Part of npm run bench, which runs it as a
// process of its own (--json); alone: npm run bench:drafting (about a minute), which prints a table.

import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

export const settings = { shorterLengths: [5_000, 20_000], warmups: 5, repetitions: 30, observed: '2024-03' };

/**
 * @typedef {{ characters: number; medianMs: number; maxMs: number; microsecondsPerCharacter: number }} AtLength
 * @typedef {{ name: string; language: string; candidates: number; answerBytes: number; lengths: AtLength[] }} DraftingCase
 * `loadAverage`: the machine's 1-minute load average before and after, as other work on it
 * makes CPU time longer. `alone`: measured by BENCH_ONLY=drafts, added to an earlier run's results.
 * @typedef {{ right: number; drafted: number; expected: number }} Tally
 * @typedef {{ paragraphs: number; all: Tally; byIndicator: Record<string, Tally>;
 *   byLevel: Record<'high' | 'medium' | 'low', { drafted: number; right: number }>; opposite: number }} HeldOutLanguage
 * @typedef {{ frozen: string; languages: Record<'en' | 'nl' | 'uk', HeldOutLanguage> }} HeldOut
 *   how drafts fare on the held-out set (tests/fixtures/drafting-held-out/), frozen on `frozen`
 * @typedef {{ started: string; elapsedSeconds: number; alone?: boolean; loadAverage: [number, number];
 *   settings: typeof settings; longest: number; runtime: string; cases: DraftingCase[]; heldOut?: HeldOut }} Drafting
 */

/** The extractor, the longest text and the texts, bundled for Node. */
async function sources() {
  const outfile = resolve('bench/.build/drafting-sources.mjs');
  buildSync({
    stdin: {
      contents: [
        "export { draftFromText } from '../src/drafting/extract.ts';",
        "export { longestDraftText } from '../src/drafting/limits.ts';",
        "export { adversarialTextOf, adversarialTexts } from '../tests/fixtures/drafting-adversarial.ts';",
        "export { heldOutEn } from '../tests/fixtures/drafting-held-out/en.ts';",
        "export { heldOutNl } from '../tests/fixtures/drafting-held-out/nl.ts';",
        "export { heldOutUk } from '../tests/fixtures/drafting-held-out/uk.ts';",
        "export { scoreHeldOut } from '../tests/fixtures/drafting-held-out/score.ts';",
        "export { heldOutFrozen } from '../tests/fixtures/drafting-held-out/types.ts';",
      ].join('\n'),
      resolveDir: resolve('bench'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/**
 * The held-out set scored as tests/unit/drafting-held-out.test.ts scores it.
 * @param {any} sources the bundled set and its scorer @returns {HeldOut}
 */
function heldOutOf({ scoreHeldOut, heldOutEn, heldOutNl, heldOutUk, heldOutFrozen }) {
  /** @param {'en' | 'nl' | 'uk'} language @param {readonly unknown[]} paragraphs @returns {HeldOutLanguage} */
  const scored = (language, paragraphs) => {
    const { all, byIndicator, byLevel, opposite } = scoreHeldOut(language, paragraphs);
    return { paragraphs: paragraphs.length, all, byIndicator, byLevel, opposite: opposite.length };
  };
  return {
    frozen: heldOutFrozen,
    languages: { en: scored('en', heldOutEn), nl: scored('nl', heldOutNl), uk: scored('uk', heldOutUk) },
  };
}

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return /** @type {number} */ (sorted[Math.floor(sorted.length / 2)]);
};

/** CPU milliseconds of one call of `work`. @param {() => unknown} work */
function cpuMsOf(work) {
  const before = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

/**
 * Every text at every length: its median and largest CPU time. The texts take turns, one
 * draft each a round, so that other work on the machine for a while slows them all alike
 * rather than one text's every draft.
 * @returns {Promise<Drafting>}
 */
export async function measureDrafting() {
  const started = new Date();
  const loadBefore = loadavg()[0] ?? 0;
  const { draftFromText, longestDraftText, adversarialTextOf, adversarialTexts, ...heldOutSources } =
    await sources();
  /** @param {any} adversarial @param {number} characters */
  const draftOf = (adversarial, characters) => {
    const input = {
      text: adversarialTextOf(adversarial, characters),
      language: adversarial.language,
      observed: settings.observed,
    };
    return () => draftFromText(input, adversarial.placeNames);
  };
  const lengths = [...settings.shorterLengths, longestDraftText];
  const times = lengths.map((characters) => {
    /** @type {(() => { candidates: unknown[] })[]} */
    const drafts = adversarialTexts.map((/** @type {any} */ adversarial) => draftOf(adversarial, characters));
    for (let i = 0; i < settings.warmups; i++) for (const draft of drafts) draft();
    /** @type {number[][]} */
    const samples = drafts.map(() => []);
    for (let round = 0; round < settings.repetitions; round++) {
      for (const [i, draft] of drafts.entries()) samples[i]?.push(cpuMsOf(draft));
    }
    return samples;
  });
  /** @type {DraftingCase[]} */
  const cases = adversarialTexts.map((/** @type {any} */ adversarial, /** @type {number} */ i) => {
    // The answer is written after the timing: its megabytes of JSON would be the next drafts' garbage.
    const draft = draftOf(adversarial, longestDraftText)();
    return {
      name: adversarial.name,
      language: adversarial.language,
      candidates: draft.candidates.length,
      answerBytes: Buffer.byteLength(JSON.stringify(draft)),
      lengths: lengths.map((characters, l) => {
        const samples = times[l]?.[i] ?? [];
        const medianMs = median(samples);
        return {
          characters,
          medianMs,
          maxMs: Math.max(...samples),
          microsecondsPerCharacter: (1000 * medianMs) / characters,
        };
      }),
    };
  });
  return {
    started: started.toISOString(),
    elapsedSeconds: (Date.now() - started.getTime()) / 1000,
    loadAverage: [loadBefore, loadavg()[0] ?? 0],
    heldOut: heldOutOf(heldOutSources),
    settings,
    longest: longestDraftText,
    runtime: `node ${process.versions.node}`,
    cases,
  };
}

/** A text's times at the longest text a draft takes. @param {DraftingCase} c @returns {AtLength} */
export const atLongest = (c) => /** @type {AtLength} */ (c.lengths.at(-1));

/** How much a text's time per character grew from the shortest length to the longest. @param {DraftingCase} c */
export const perCharacterGrowth = (c) =>
  atLongest(c).microsecondsPerCharacter / /** @type {AtLength} */ (c.lengths[0]).microsecondsPerCharacter;

/** The texts, slowest first at the longest length. @param {Drafting} drafting */
export const slowestFirst = (drafting) =>
  [...drafting.cases].sort((a, b) => atLongest(b).medianMs - atLongest(a).medianMs);

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain && process.argv.includes('--json')) {
  console.log(JSON.stringify(await measureDrafting()));
} else if (isMain) {
  const drafting = await measureDrafting();
  const { longest, runtime, loadAverage } = drafting;
  const size = (/** @type {number} */ n) => n.toLocaleString('en');
  console.log(
    `draftFromText, ${runtime}: CPU ms at ${size(longest)} characters, and µs per character (load average ${loadAverage.map((l) => l.toFixed(2)).join(' → ')})`,
  );
  for (const c of slowestFirst(drafting)) {
    const perCharacter = c.lengths
      .map((l) => `${l.microsecondsPerCharacter.toFixed(3)} at ${size(l.characters)}`)
      .join(', ');
    console.log(
      `${c.name} (${c.language}): median ${atLongest(c).medianMs.toFixed(2)} ms, max ${atLongest(c).maxMs.toFixed(2)} ms; µs/character ${perCharacter}; ${size(c.candidates)} candidates, ${size(c.answerBytes)} bytes of answer`,
    );
  }
}
