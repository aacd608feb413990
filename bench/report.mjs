// Writes what npm run bench measured: bench/results/<date>.json, and docs/PERFORMANCE.md with
// the machine, the versions, the targets and a table per history size.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { wholeHistorySection } from './whole-history.mjs';

/**
 * @typedef {{ get: number; getWithMetadata: number; list: number; put: number; delete: number }} KvCounts
 * @typedef {{ name: string; status: number; requestsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number;
 *   responseBytes: number; kv: KvCounts; requests: number; unexpectedAnswers: number; ratioToFloor: number }} Row
 * @typedef {{ reports: number; places: number; loadSeconds: number; rows: Row[];
 *   wholeHistory: import('./whole-history.mjs').WholeHistorySize }} Run
 * @typedef {{ reports: number; renderer: string; meanMs: number; p99Ms: number; samples: number }} RenderTiming
 * @typedef {{ uploadKiB: number; gzipKiB: number }} Bundle
 * @typedef {{ durationSeconds: number; connections: number; placeCount: number; elapsedSeconds: number }} Settings
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

const targets = { cachedRatio: 0.8, notModifiedRatio: 0.9, growth: 1.2, gzipKiB: 200 };

/** @param {Row} row */
const isGet = (row) => row.name.startsWith('GET ');
/** @param {Row} row */
const isNotModified = (row) => row.name.endsWith(', 304');
/** @param {Row} row */
const reads = (row) => row.kv.get + row.kv.getWithMetadata;

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
    for (const row of run.rows.filter(isGet)) {
      const ratio = isNotModified(row) ? targets.notModifiedRatio : targets.cachedRatio;
      check(
        `${row.name} at ${run.reports} reports: ≥ ${ratio} × floor`,
        `${row.ratioToFloor.toFixed(2)} ×`,
        row.ratioToFloor >= ratio,
      );
      check(
        `${row.name} at ${run.reports} reports: ≤ 1 KV read, no list`,
        `${reads(row)} read, ${row.kv.list} list`,
        reads(row) <= 1 && row.kv.list === 0,
      );
    }
  }
  const smallest = runs.at(0);
  const largest = runs.at(-1);
  if (smallest && largest && smallest !== largest) {
    for (const row of largest.rows) {
      const base = smallest.rows.find((r) => r.name === row.name);
      if (!base) continue;
      const growth = base.requestsPerSecond / row.requestsPerSecond;
      check(
        `${row.name}: throughput at ${largest.reports} within ${targets.growth} × of ${smallest.reports}`,
        `${growth.toFixed(2)} ×`,
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

/** @param {Run} run */
function table(run) {
  const lines = [
    `### ${run.reports.toLocaleString('en')} reports over ${run.places} places (loaded in ${run.loadSeconds.toFixed(1)} s)`,
    '',
    '| endpoint | status | req/s | × floor | p50 ms | p99 ms | bytes | KV reads | KV lists | KV writes | unexpected answers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...run.rows.map(
      (row) =>
        `| ${row.name} | ${row.status} | ${Math.round(row.requestsPerSecond)} | ${row.ratioToFloor.toFixed(2)} | ${row.latencyP50Ms} | ${row.latencyP99Ms} | ${row.responseBytes.toLocaleString('en')} | ${reads(row)} | ${row.kv.list} | ${row.kv.put + row.kv.delete} | ${row.unexpectedAnswers} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/**
 * @param {{ started: Date; bundle: Bundle; writes: Writes; renderers: RenderTiming[]; runs: Run[]; settings: Settings }} measured
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
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('docs/PERFORMANCE.md', `${markdown(results, file)}\n${keptNotes()}`);
  // Written as the rest of the repository is formatted, so that npm test's format check holds.
  execFileSync('biome', ['format', '--write', 'docs/PERFORMANCE.md', file], { stdio: 'ignore' });
  return file;
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
 *   bundle: Bundle; writes: Writes; renderers: RenderTiming[]; runs: Run[]; targets: Check[] }} results
 * @param {string} file
 */
function markdown(results, file) {
  const { machine, versions, settings, bundle, writes, renderers, runs, targets: checks } = results;
  const missed = checks.filter((c) => !c.met);
  return [
    '# Performance',
    '',
    `Measured by \`npm run bench\` on ${results.started} (results: \`${file}\`). Every number below is what that run saw; rerun it to measure a change the same way.`,
    '',
    '## How it is measured',
    '',
    "- The production bundle (`wrangler deploy --dry-run --outdir dist`) runs in workerd through miniflare's API, with a KV folder of its own in a temporary directory, and the write rate limit raised so that it does not throttle the measurement.",
    `- ${runs.map((r) => r.reports.toLocaleString('en')).join(', ')} SYNTHETIC reports over ${settings.placeCount} places are written through the storage layer in bulk by the benchmark's own Worker (\`bench/tools-worker.ts\`), which then derives every document.`,
    `- autocannon loads each endpoint from the benchmark's Node process over 127.0.0.1: ${settings.connections} connections, 1 s warm-up, then ${settings.durationSeconds} s measured.`,
    '- "× floor" is the endpoint\'s throughput divided by that of `/healthz` (a constant answer, the runtime\'s floor) in the same run. KV operations per request are counted by an instrumented binding on a request sent after the first.',
    "- The 304 row sends the `If-None-Match` of `/feeds/all.atom`. The POST row creates a report per request (they land in that size's history after the other rows were measured).",
    '',
    '## Machine and versions',
    '',
    `- ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB memory, ${machine.platform}`,
    `- Node ${versions.node}, wrangler ${versions.wrangler}, miniflare ${versions.miniflare}, workerd ${versions.workerd}, autocannon ${versions.autocannon}`,
    `- Production bundle: ${bundle.uploadKiB} KiB, ${bundle.gzipKiB} KiB gzip`,
    '',
    writesSection(writes),
    '## Renderers',
    '',
    'Mean time of each pure renderer at `limit=50` (tinybench in Node, the same V8 as workerd), with documents derived from each history size. At 10 reports a feed has only 10 entries to render; from 1,000 on every document holds its full window (200 reports), so the last column shows whether the cost grows with history.',
    '',
    renderTable(renderers),
    '## Endpoints',
    '',
    ...runs.map(table),
    wholeHistorySection({
      runs: runs.map((run) => run.wholeHistory),
      measuredBy: `in the same run, after the endpoints of each size were measured (the POST row's reports included), in fresh workerd processes on the same KV folder with the app's isolate open to the inspector`,
    }),
    '',
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
    `npm run bench                                      # this run took ${Math.round(settings.elapsedSeconds)} s`,
    'BENCH_SIZES=10,1000 BENCH_SECONDS=3 npm run bench  # a quicker look',
    'npm run bench:history                              # only the whole history in one file',
    '```',
    '',
  ].join('\n');
}
