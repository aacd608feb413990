// Writes what npm run bench measured: bench/results/<date>.json, and docs/PERFORMANCE.md with
// the machine, the versions, the targets and a table per history size.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { floorOf, median } from './endpoints.mjs';
import { wholeHistorySection } from './whole-history.mjs';

/**
 * @typedef {import('./endpoints.mjs').KvCounts} KvCounts
 * @typedef {import('./endpoints.mjs').ReadRow} ReadRow
 * @typedef {import('./endpoints.mjs').Endpoints} Endpoints
 * @typedef {{ reports: number; places: number; loadSeconds: number; endpoints: Endpoints;
 *   wholeHistory: import('./whole-history.mjs').WholeHistorySize | undefined }} Run
 * @typedef {{ reports: number; renderer: string; meanMs: number; p99Ms: number; samples: number }} RenderTiming
 * @typedef {{ uploadKiB: number; gzipKiB: number }} Bundle
 * @typedef {typeof import('./endpoints.mjs').settings & { placeCount: number; only: string | undefined;
 *   elapsedSeconds: number }} Settings
 * @typedef {{ target: string; measured: string; met: boolean }} Check
 * @typedef {Awaited<ReturnType<typeof import('./writes.mjs').compareWrites>>} Writes
 */

// Everything below this line in docs/PERFORMANCE.md is written by hand (what the numbers
// mean, why a target is missed) and kept when the measured part above it is rewritten.
const notesMarker = '<!-- Written by hand below; npm run bench keeps it. -->';

function keptNotes() {
  let current = '';
  try {
    current = readFileSync('docs/PERFORMANCE.md', 'utf8');
  } catch {
    // first run
  }
  const at = current.indexOf(notesMarker);
  return at === -1 ? `${notesMarker}\n` : current.slice(at);
}

/** @param {string} name */
const versionOf = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;

const targets = { uncachedRatio: 0.6, cachedRatio: 0.8, notModifiedRatio: 0.9, growth: 1.2, gzipKiB: 200 };

/** @param {ReadRow} row */
const isNotModified = (row) => row.name.endsWith(', 304');
/** @param {{ kv: KvCounts }} row */
const reads = (row) => row.kv.get + row.kv.getWithMetadata;
/** @param {number} n */
const size = (n) => n.toLocaleString('en');
/** @param {number} ratio */
const times = (ratio) => `${ratio.toFixed(2)} ×`;

/**
 * Every target, checked against the numbers of this run.
 * @param {{ bundle: Bundle; runs: Run[] }} measured
 * @returns {Check[]}
 */
function checkTargets({ bundle, runs }) {
  /** @type {Check[]} */
  const checks = [];
  /** @param {string} target @param {string} measured @param {boolean} met */
  const check = (target, measured, met) => checks.push({ target, measured, met });
  for (const run of runs) {
    const at = `at ${size(run.reports)} reports`;
    for (const row of run.endpoints.rows) {
      check(
        `${row.name} ${at}, uncached: ≥ ${targets.uncachedRatio} × floor`,
        times(row.uncached.ratioToFloor),
        row.uncached.ratioToFloor >= targets.uncachedRatio,
      );
      // What Workers bills: the isolate's own CPU, which local KV's work on the same thread
      // does not inflate. 0.6 × floor in CPU is at most 1 / 0.6 times the floor's CPU.
      check(
        `${row.name} ${at}, uncached: isolate CPU per request ≤ ${(1 / targets.uncachedRatio).toFixed(2)} × the floor's`,
        times(row.cpuRatioToFloor),
        row.cpuRatioToFloor <= 1 / targets.uncachedRatio,
      );
      const cachedRatio = isNotModified(row) ? targets.notModifiedRatio : targets.cachedRatio;
      check(
        `${row.name} ${at}, cached: ≥ ${cachedRatio} × floor`,
        times(row.cached.ratioToFloor),
        row.cached.ratioToFloor >= cachedRatio,
      );
      if (!row.exempt)
        check(
          `${row.name} ${at}: ≤ 1 KV read, no list`,
          `${reads(row)} read, ${row.kv.list} list`,
          reads(row) <= 1 && row.kv.list === 0,
        );
    }
    const unexpected = unexpectedAnswers(run.endpoints);
    check(`every answer measured ${at} as expected`, `${unexpected} unexpected`, unexpected === 0);
  }
  const smallest = runs.at(0);
  const largest = runs.at(-1);
  if (smallest && largest && smallest !== largest) {
    for (const row of largest.endpoints.rows) {
      const base = smallest.endpoints.rows.find((r) => r.name === row.name);
      if (!base) continue;
      const growth = base.uncached.requestsPerSecond / row.uncached.requestsPerSecond;
      check(
        `${row.name}, uncached: req/s at ${size(smallest.reports)} ÷ at ${size(largest.reports)} ≤ ${targets.growth}`,
        times(growth),
        growth <= targets.growth,
      );
    }
  }
  check(
    `production bundle ≤ ${targets.gzipKiB} KiB gzip`,
    `${bundle.gzipKiB} KiB`,
    bundle.gzipKiB <= targets.gzipKiB,
  );
  return checks;
}

/** @param {import('./endpoints.mjs').Floors[]} floors */
const floorLoads = (floors) => floors.flatMap((f) => [f.start, f.end]);
/** @param {import('./endpoints.mjs').Load[]} loads */
const unexpectedIn = (loads) => loads.reduce((n, l) => n + l.unexpectedAnswers, 0);

/** @param {Endpoints} endpoints answers of another status, errors and timeouts, in every load of the reads */
function unexpectedAnswers({ floor, rows }) {
  return (
    unexpectedIn(floorLoads([...floor.uncached, ...floor.cached])) +
    rows.reduce((n, row) => n + row.uncached.unexpectedAnswers + row.cached.unexpectedAnswers, 0)
  );
}

/** @param {Run} run */
function table(run) {
  const { floor, rows, post } = run.endpoints;
  const floorDrift = (/** @type {import('./endpoints.mjs').Floors[]} */ floors) =>
    floors
      .map((f) => `${Math.round(f.start.requestsPerSecond)} → ${Math.round(f.end.requestsPerSecond)}`)
      .join(', ');
  const floorP99 = (/** @type {import('./endpoints.mjs').Floors[]} */ floors) =>
    median(floorLoads(floors).map((l) => l.latencyP99Ms));
  const unexpectedOfFloor = unexpectedIn(floorLoads([...floor.uncached, ...floor.cached]));
  const exempt = rows.filter((row) => row.exempt).map((row) => `\`${row.name}\``);
  return [
    `### ${size(run.reports)} reports over ${run.places} places (loaded in ${run.loadSeconds.toFixed(1)} s)`,
    '',
    "| endpoint | status | bytes of answer | KV reads | KV lists | bytes read from KV | uncached req/s | uncached × floor: median (rounds) | isolate CPU ms/request, uncached | CPU ÷ floor's | cached × floor | p99 ms, uncached / cached | unexpected answers |",
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| floor: GET /healthz | ${floor.status} | ${size(floor.responseBytes)} | ${reads(floor)} | ${floor.kv.list} | ${size(floor.kvBytesRead)} | ${Math.round(median(floor.uncached.map(floorOf)))} | (floor) | ${floor.isolateCpu.msPerRequest.toFixed(3)} | (floor) | (floor) | ${floorP99(floor.uncached)} / ${floorP99(floor.cached)} | ${unexpectedOfFloor} |`,
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.status} | ${size(row.responseBytes)} | ${reads(row)} | ${row.kv.list} | ${size(row.kvBytesRead)} | ${Math.round(row.uncached.requestsPerSecond)} | ${row.uncached.ratioToFloor.toFixed(2)} (${row.uncached.rounds.map((r) => r.ratioToFloor.toFixed(2)).join(', ')}) | ${row.isolateCpu.msPerRequest.toFixed(3)} | ${row.cpuRatioToFloor.toFixed(2)} | ${row.cached.ratioToFloor.toFixed(2)} | ${row.uncached.latencyP99Ms} / ${row.cached.latencyP99Ms} | ${row.uncached.unexpectedAnswers + row.cached.unexpectedAnswers} |`,
    ),
    '',
    `Floor req/s at the start → end of each round: uncached ${floorDrift(floor.uncached)}; cached ${floorDrift(floor.cached)}. Not bound by the one-read target (${exempt.join(', ')}): answered from the history index or the reports themselves.`,
    '',
    '| write | status | bytes of answer | KV reads | KV writes | KV lists | Durable Object calls | req/s | × floor | p99 ms | unexpected answers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${post.name} | ${post.status} | ${size(post.responseBytes)} | ${reads(post)} | ${post.kv.put + post.kv.delete} | ${post.kv.list} | ${post.durableObjectCalls} | ${Math.round(post.load.requestsPerSecond)} | ${post.ratioToFloor.toFixed(2)} | ${post.load.latencyP99Ms} | ${post.load.unexpectedAnswers} |`,
    '',
  ].join('\n');
}

/**
 * `writes` and `renderers` are undefined, as each run's `wholeHistory`, when BENCH_ONLY skipped them.
 * @param {{ started: Date; bundle: Bundle; writes: Writes | undefined; renderers: RenderTiming[] | undefined; runs: Run[];
 *   settings: Settings }} measured
 * @returns {string} the results file
 */
export function writeResults({ started, bundle, writes, renderers, runs, settings }) {
  const date = started.toISOString().slice(0, 10);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
  const versions = {
    node: process.version,
    wrangler: versionOf('wrangler'),
    miniflare: versionOf('miniflare'),
    workerd: versionOf('workerd'),
    autocannon: versionOf('autocannon'),
  };
  const checks = checkTargets({ bundle, runs });
  const results = {
    started: started.toISOString(),
    machine,
    versions,
    settings,
    bundle,
    writes,
    renderers,
    runs,
    targets: checks,
  };
  const file = `bench/results/${date}.json`;
  write(results, file);
  return file;
}

/** @param {Parameters<typeof markdown>[0]} results @param {string} file */
function write(results, file) {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('docs/PERFORMANCE.md', `${markdown(results, file)}\n${keptNotes()}`);
  // Written as the rest of the repository is formatted, so that npm test's format check holds.
  execFileSync('biome', ['format', '--write', 'docs/PERFORMANCE.md', file], { stdio: 'ignore' });
}

/**
 * `node bench/report.mjs <results file>`: writes docs/PERFORMANCE.md again from the numbers
 * a run saw, with the targets checked again (after a target or the report's wording
 * changed), without measuring anything.
 * @param {string} file
 */
function rewriteFrom(file) {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  write({ ...results, targets: checkTargets(results) }, file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/report.mjs bench/results/<date>.json');
  rewriteFrom(file);
}

/**
 * Mean render time per renderer and size, and how the largest size compares with the one before.
 * @param {RenderTiming[]} renderers
 */
function renderTable(renderers) {
  const sizes = [...new Set(renderers.map((r) => r.reports))];
  const names = [...new Set(renderers.map((r) => r.renderer))];
  /** @param {string} name @param {number | undefined} size */
  const mean = (name, size) => renderers.find((r) => r.renderer === name && r.reports === size)?.meanMs;
  const [first, second] = [sizes.at(-2), sizes.at(-1)];
  return [
    `| renderer (limit=50) | ${sizes.map((s) => `${s.toLocaleString('en')} reports`).join(' | ')} | ${second} ÷ ${first} |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`,
    ...names.map((name) => {
      const cells = sizes.map((size) => `${(mean(name, size) ?? 0).toFixed(3)} ms`);
      const ratio = (mean(name, second) ?? 0) / (mean(name, first) ?? 1);
      return `| ${name} | ${cells.join(' | ')} | ${ratio.toFixed(2)} |`;
    }),
    '',
  ].join('\n');
}

/** @param {Writes} writes */
function writesSection(writes) {
  /** @param {{ reads: number; writes: number; lists: number; durableObjectCalls: number }} c */
  const ops = (c) =>
    `${c.reads} reads, ${c.writes} writes, ${c.lists} lists; ${c.durableObjectCalls} Durable Object calls`;
  return [
    '## Writes: one writer per place, beside the design before it',
    '',
    `Both production bundles in one run: this tree, and commit \`${writes.baselineCommit.slice(0, 7)}\` (the last whose requests wrote the derived documents themselves, paced per isolate), built from the repository's history into \`bench/.build/baseline\`. Each runs in workerd through miniflare with the production settings (\`DOCUMENT_WRITE_INTERVAL_MS\` 1000, \`RECENT_ANSWER_MS\` 1000), a KV folder of its own and ${writes.placeCount} SYNTHETIC places (\`bench/writes.mjs\`).`,
    '',
    "- **KV per report**: the operations one `POST /api/v1/reports` makes on the request path, counted by each design's own benchmark Worker with an instrumented binding, on a report sent after a quiet second (what the request waits for; the writers' own KV operations come after the answer and are not counted), and the calls to Durable Objects it made.",
    '- **POST × floor**: autocannon, 8 connections, 4 s with no warm-up (so that every report accepted is counted), against `POST /api/v1/reports` and `GET /healthz` before and after it.',
    `- **Burst**: ${writes.burstClients} clients send 200 reports over HTTP; the time from the last \`201\` until every one of them is in its place's status, the list of places, the newest reports and every feed, polled every 20 ms.`,
    '',
    '| design | KV per report | with an Idempotency-Key | POST req/s | × floor | burst answered in | in status and feeds after the last 201 |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...writes.results.map(
      (r) =>
        `| ${r.design} | ${ops(r.perReport)} | ${ops(r.perReportWithKey)} | ${Math.round(r.postRequestsPerSecond)} | ${r.postRatioToFloor.toFixed(2)} | ${r.burst.answeredInMs} ms | ${r.burst.visibleAfterLastAnswerMs} ms |`,
    ),
    '',
  ].join('\n');
}

/**
 * @param {{ started: string; machine: Record<string, string | number>; versions: Record<string, string>; settings: Settings;
 *   bundle: Bundle; writes: Writes | undefined; renderers: RenderTiming[] | undefined; runs: Run[]; targets: Check[] }} results
 * @param {string} file
 */
function markdown(results, file) {
  const { machine, versions, settings, bundle, writes, renderers, runs, targets: checks } = results;
  const missed = checks.filter((c) => !c.met);
  const wholeHistories = runs.flatMap((run) => (run.wholeHistory ? [run.wholeHistory] : []));
  const sizes = new Intl.ListFormat('en').format(runs.map((r) => size(r.reports)));
  const tickMs = runs.flatMap((r) =>
    [r.endpoints.floor, ...r.endpoints.rows].map((row) => row.isolateCpu.tickMs),
  );
  const ticks = `${Math.min(...tickMs).toFixed(2)} to ${Math.max(...tickMs).toFixed(2)}`;
  return [
    '# Performance',
    '',
    `Measured by \`npm run bench\` on ${results.started} (results: \`${file}\`). Every number below is what that run saw; rerun it to measure a change the same way.`,
    '',
    '## How it is measured',
    '',
    ...(settings.only
      ? [
          `- This run measured the endpoints alone (\`BENCH_ONLY=${settings.only}\`): no writes beside the design before, no renderers, no whole history in one file.`,
        ]
      : []),
    "- The production bundle (`wrangler deploy --dry-run --outdir dist`) runs in workerd through miniflare's API, with a KV folder of its own in a temporary directory, and the write rate limit raised so that it does not throttle the measurement.",
    `- ${sizes} SYNTHETIC reports over ${settings.placeCount} places are written through the storage layer in bulk by the benchmark's own Worker (\`bench/tools-worker.ts\`), which then derives every document and has the change log take them in.`,
    "- Every public GET is measured in two workerd processes at once on the same KV folder: **uncached**, with `RECENT_ANSWER_MS=0`, whose isolate keeps no answers, and **cached**, with `RECENT_ANSWER_MS=1000` as in production, whose isolate answers a URL it answered within the last second without reading KV. An isolate keeps only its own answers, and Cloudflare spreads requests over many isolates in many locations: most requests there take the uncached path. Before anything is measured, the benchmark Workers of both processes are checked to give every endpoint the same status, ETag and size (the apps' own answers differ in the port of their links).",
    `- ${settings.rounds} rounds. In each, every endpoint is loaded on one process and then on the other (the order swapped every other round), and each process's floor, \`GET /healthz\` (a constant answer, the runtime's floor), at the start and at the end of the round. "× floor" is the endpoint's throughput divided by the mean of the two floors of the same process and round; the tables give the median of the rounds, and for uncached each round in order. autocannon loads from the benchmark's Node process over 127.0.0.1: ${settings.connections} connections, 1 s warm-up, then ${settings.durationSeconds} s measured.`,
    `- Isolate CPU: a V8 CPU profile of the uncached process's app isolate (through the inspector, sampling every 0.5 ms) over ${settings.cpuSeconds} s of autocannon on the endpoint alone: its samples that are not idle (JavaScript, garbage collector and V8's own work), each counted as one tick of the profiler (the usual time between two samples in a row, ${ticks} ms in this run; V8 samples the isolate only while it runs, so the time since the previous sample also holds whatever else the workerd thread did meanwhile), divided by the requests completed, and "CPU ÷ floor's" that divided by the same for \`/healthz\`. This is the CPU time Workers bills and limits. miniflare's KV runs in the same workerd process, on the same thread, but outside the app's isolate: what a KV read costs here (SQLite, a file per value) is in the req/s columns and not in the CPU column, and on Cloudflare it is time the Worker waits, not its CPU time.`,
    "- KV reads, lists and bytes read from KV are counted by an instrumented binding on the benchmark's own Worker, which keeps no answers, on a request sent after the first: each value's bytes (text as UTF-8, JSON as the text it arrived as, a stream as far as it was read), each metadata's as JSON, and each list's keys (names and metadata) as JSON. A cached process reads each key about once a second, whatever its load.",
    "- The 304 row sends the `If-None-Match` of `/feeds/all.atom`. The write is measured once per size, after the reads, in a fresh workerd with the production settings beside its floor before and after it; each request creates a report, which stays in that size's history.",
    '',
    '## Machine and versions',
    '',
    `- ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB memory, ${machine.platform}`,
    `- Node ${versions.node}, wrangler ${versions.wrangler}, miniflare ${versions.miniflare}, workerd ${versions.workerd}, autocannon ${versions.autocannon}`,
    `- Production bundle: ${bundle.uploadKiB} KiB, ${bundle.gzipKiB} KiB gzip`,
    '',
    ...(writes ? [writesSection(writes)] : []),
    ...(renderers
      ? [
          '## Renderers',
          '',
          'Mean time of each pure renderer at `limit=50` (tinybench in Node, the same V8 as workerd), with documents derived from each history size. A document holds at most its window of the newest 200 reports, so the last column shows whether the cost grows with history once the window is full.',
          '',
          renderTable(renderers),
        ]
      : []),
    '## Endpoints',
    '',
    ...runs.map(table),
    ...(wholeHistories.length > 0
      ? [
          wholeHistorySection({
            runs: wholeHistories,
            measuredBy: `in the same run, after the endpoints of each size were measured (the write's reports included), in fresh workerd processes on the same KV folder with the app's isolate open to the inspector`,
          }),
          '',
        ]
      : []),
    '## Targets',
    '',
    `${checks.length - missed.length} of ${checks.length} met.`,
    '',
    '| target | measured | met |',
    '| --- | ---: | :---: |',
    ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? 'yes' : '**no**'} |`),
    '',
    '## Rerun',
    '',
    '```sh',
    `npm run bench                                   # this run took ${Math.round(settings.elapsedSeconds)} s`,
    'BENCH_SIZES=2200 BENCH_SECONDS=1 npm run bench  # a quicker look: one size, 1 s a load',
    'BENCH_ONLY=endpoints npm run bench              # the endpoints alone: no writes comparison, renderers or whole history',
    'npm run bench:history                           # only the whole history in one file',
    `node bench/report.mjs ${file}  # this page again from those numbers, measuring nothing`,
    '```',
    '',
  ].join('\n');
}
