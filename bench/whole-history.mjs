// The whole history in one file: one GET /exports/reports.csv?limit=all at a time, on the
// production bundle in workerd (miniflare's API), against a SYNTHETIC history. Part of
// `npm run bench` at every size it loads; `npm run bench:history` measures this alone (at
// BENCH_HISTORY_SIZES, default 10,000 and 100,000) and rewrites only its section of
// docs/PERFORMANCE.md, with results in bench/results/<date>-whole-history.json.
//
// Local workerd reports no CPU time per request (a tail Worker sees cpuTime 0), so the CPU
// time and memory are measured from outside, each on requests of its own after one that
// started the isolate. The machine may be shared (with autocannon, with other work), so each
// CPU figure and the wall time are the least of BENCH_HISTORY_REPEATS requests (3); every
// one is in the results:
// - the isolate's CPU time: a V8 CPU profile of the app Worker's isolate over the request
//   (the inspector, sampling every 0.5 ms): every sample not idle, one tick each
//   (bench/inspector.mjs), which is JavaScript, the garbage collector and V8's own work.
//   This is what Cloudflare's CPU limit counts; the profiler's own cost is in it, so it errs
//   high;
// - the process's CPU time: user and system time of the whole workerd process
//   (/proc/<pid>/stat) over a request made without the profiler. It also holds miniflare's
//   KV (SQLite and a file per value), its entry Worker and the runtime's HTTP, so it bounds
//   the Worker's own from above;
// - memory: the app isolate's V8 heap (Runtime.getHeapUsage: used, and allocated) and its
//   ArrayBuffer backing stores, and the workerd process's resident set (VmRSS), polled every
//   10 ms over the request after a forced garbage collection. A poll is answered between
//   the isolate's tasks, so a peak inside one task can be missed; garbage is collected only
//   as V8 sees fit, so the heap also holds what is already garbage. What the isolate holds
//   live is measured over one more request: the heap used right after a garbage collection
//   forced every 50 ms;
// - KV operations: counted by the benchmark Worker's instrumented binding (its /count);
// - wall time, time to the first byte and the file's size: the Node client reads the body as
//   it arrives and keeps only counts.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { build, callTools, kvFolder, loadHistory, placeCount, startWorkers, toolsOf } from './history.mjs';
import { cpuOfProfile, freePort, openInspector } from './inspector.mjs';
import { appUrlOf } from './workers.mjs';

const path = '/exports/reports.csv?limit=all';
// The machine may be shared: each CPU figure is the least of this many requests.
const repeats = Number(process.env.BENCH_HISTORY_REPEATS ?? 3);

/** Workers' limits on the paid plan (developers.cloudflare.com/workers/platform/limits). */
export const workersLimits = { cpuMs: 30_000, memoryMiB: 128, kvOperations: 1000 };

const MiB = 2 ** 20;
const clockTicksPerSecond = Number(process.env.CLK_TCK ?? 100);

/**
 * @typedef {{ status: number; bytes: number; rows: number;
 *   kv: { reads: number; lists: number; writes: number }; wallMs: number; firstByteMs: number;
 *   isolateCpuMs: number; isolateCpu: { javascriptMs: number; garbageCollectorMs: number; programMs: number };
 *   isolateCpuMsEach: number[]; processCpuMs: number; processCpuMsEach: number[]; wallMsEach: number[]; loadAverage: number; heapUsedMiB: { before: number; peak: number; peakLive: number }; heapAllocatedMiB: { peak: number };
 *   arrayBuffersMiB: { peak: number }; processRssMiB: { before: number; peak: number } }} WholeHistoryRun
 * @typedef {WholeHistoryRun & { capped: WholeHistoryRun & { heapCapMiB: number } }} WholeHistorySize
 */

/** V8's old generation in the capped run, in MiB: an eighth of the 128 MB a Worker may use. */
const heapCapMiB = 16;

/** The workerd process this Node process started (one at a time while measuring). */
function workerdPid() {
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === process.pid && stat.includes('(workerd)');
      } catch {
        return false;
      }
    });
  const [pid, ...others] = children;
  if (!pid || others.length > 0) throw new Error(`expected one workerd child, found ${children.length}`);
  return pid;
}

/** @param {string} pid user and system CPU time of a process so far, in ms */
function processCpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
}

/** @param {string} pid resident set of a process, in MiB */
function residentMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

/**
 * One GET, its body read as it arrives and counted, never kept.
 * @param {URL} url @param {string} target
 */
async function read(url, target) {
  const started = performance.now();
  const response = await fetch(new URL(target, url));
  let firstByteMs = 0;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (response.body ?? [])) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) lines++;
  }
  return { status: response.status, bytes, lines, firstByteMs, wallMs: performance.now() - started };
}

/**
 * A garbage collection in the app's isolate. workerd runs it as a task of the isolate, which
 * an idle isolate takes up only at its next event: one that has not collected soon is sent
 * a request to the floor, which is one.
 * @param {Awaited<ReturnType<typeof openInspector>>} inspector @param {URL} url
 */
async function collectGarbage(inspector, url) {
  let collected = false;
  const collecting = inspector.send('HeapProfiler.collectGarbage').then(() => {
    collected = true;
  });
  for (let waitMs = 20; !collected; waitMs = Math.min(2 * waitMs, 500)) {
    await Promise.race([collecting, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    if (!collected) await (await fetch(new URL('/healthz', url))).arrayBuffer();
  }
}

/**
 * One size: the KV cost, then a request for each of process CPU, memory and isolate CPU.
 * @param {URL} url @param {import('./history.mjs').Tools} tools @param {number} inspectorPort
 * @returns {Promise<WholeHistoryRun>}
 */
async function measureWholeHistory(url, tools, inspectorPort) {
  const counted = await callTools(tools, '/count', { path });
  const pid = workerdPid();
  const inspector = await openInspector(inspectorPort);
  try {
    // Starts the app's isolate and compiles its code, as any earlier request would have.
    await read(url, '/exports/reports.csv?limit=1');

    /** @type {Awaited<ReturnType<typeof read>>[]} */
    const plains = [];
    const processCpus = [];
    for (let n = 0; n < repeats; n++) {
      const cpuBefore = processCpuMs(pid);
      plains.push(await read(url, path));
      processCpus.push(processCpuMs(pid) - cpuBefore);
    }
    const plain = plains.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));

    await collectGarbage(inspector, url);
    const before = await inspector.send('Runtime.getHeapUsage');
    const rssBefore = residentMiB(pid);
    const peak = {
      used: before.usedSize,
      allocated: before.totalSize,
      buffers: before.backingStorageSize ?? 0,
    };
    let peakRss = rssBefore;
    let polling = true;
    const polls = (async () => {
      while (polling) {
        const usage = await inspector.send('Runtime.getHeapUsage');
        peak.used = Math.max(peak.used, usage.usedSize);
        peak.allocated = Math.max(peak.allocated, usage.totalSize);
        peak.buffers = Math.max(peak.buffers, usage.backingStorageSize ?? 0);
        peakRss = Math.max(peakRss, residentMiB(pid));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await read(url, path);
    polling = false;
    await polls;

    // What the isolate holds, rather than what it has not collected yet: the heap right after
    // a garbage collection forced every 50 ms over another request.
    let peakLive = 0;
    polling = true;
    const collections = (async () => {
      while (polling) {
        await collectGarbage(inspector, url);
        peakLive = Math.max(peakLive, (await inspector.send('Runtime.getHeapUsage')).usedSize);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await read(url, path);
    polling = false;
    await collections;

    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: 500 });
    const isolateCpus = [];
    for (let n = 0; n < repeats; n++) {
      await inspector.send('Profiler.start');
      await read(url, path);
      const { profile } = await inspector.send('Profiler.stop');
      isolateCpus.push(cpuOfProfile(profile));
    }
    const total = (/** @type {ReturnType<typeof cpuOfProfile>} */ c) =>
      c.javascriptMs + c.garbageCollectorMs + c.programMs;
    const isolateCpu = isolateCpus.reduce((a, b) => (total(b) < total(a) ? b : a));

    const result = {
      status: plain.status,
      bytes: plain.bytes,
      rows: plain.lines - 2,
      kv: {
        reads: counted.counts.get + counted.counts.getWithMetadata,
        lists: counted.counts.list,
        writes: counted.counts.put + counted.counts.delete,
      },
      wallMs: plain.wallMs,
      firstByteMs: plain.firstByteMs,
      isolateCpuMs: total(isolateCpu),
      isolateCpu,
      isolateCpuMsEach: isolateCpus.map(total),
      processCpuMs: Math.min(...processCpus),
      processCpuMsEach: processCpus,
      wallMsEach: plains.map((p) => p.wallMs),
      loadAverage: os.loadavg()[0] ?? 0,
      heapUsedMiB: { before: before.usedSize / MiB, peak: peak.used / MiB, peakLive: peakLive / MiB },
      heapAllocatedMiB: { peak: peak.allocated / MiB },
      arrayBuffersMiB: { peak: peak.buffers / MiB },
      processRssMiB: { before: rssBefore, peak: peakRss },
    };
    console.log(`  GET ${path}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    inspector.close();
  }
}

/**
 * One size, loaded in the KV folder `persistPath`: measured in a fresh workerd with the app's
 * isolate open to the inspector, then again in one whose V8 old generation is capped at
 * `heapCapMiB`, less than the file at 100,000 reports: a file held whole could not be served.
 * @param {string} persistPath @returns {Promise<WholeHistorySize>}
 */
export async function measureWholeHistoryIn(persistPath) {
  const run = await measureInFreshWorkerd(persistPath, []);
  const capped = await measureInFreshWorkerd(persistPath, [`--max-old-space-size=${heapCapMiB}`]);
  return { ...run, capped: { heapCapMiB, ...capped } };
}

/** @param {string} persistPath @param {string[]} v8Flags */
async function measureInFreshWorkerd(persistPath, v8Flags) {
  const previous = process.env.MINIFLARE_WORKERD_V8_FLAGS;
  // miniflare hands this variable to workerd as its V8 flags when it starts it.
  process.env.MINIFLARE_WORKERD_V8_FLAGS = v8Flags.join(' ');
  const inspectorPort = await freePort();
  const mf = startWorkers(persistPath, { inspectorPort });
  try {
    return await measureWholeHistory(await appUrlOf(mf), await toolsOf(mf), inspectorPort);
  } finally {
    await mf.dispose();
    if (previous === undefined) delete process.env.MINIFLARE_WORKERD_V8_FLAGS;
    else process.env.MINIFLARE_WORKERD_V8_FLAGS = previous;
  }
}

const sectionStart = '<!-- The whole history in one file: written by bench/whole-history.mjs. -->';
const sectionEnd = '<!-- End of the whole history in one file. -->';

const fixed = (/** @type {number} */ value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const tableHead = [
  '| reports in the file | bytes | KV reads | KV lists | wall time | first byte | isolate CPU (JS + GC + V8) | workerd process CPU | V8 heap used: before → peak | V8 heap live (after GC), peak | V8 heap allocated, peak | ArrayBuffers, peak | workerd RSS: before → peak |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

/** @param {WholeHistoryRun} r */
const tableRow = (r) =>
  `| ${fixed(r.rows)} | ${fixed(r.bytes)} | ${r.kv.reads} | ${r.kv.lists} | ${fixed(r.wallMs)} ms | ${fixed(r.firstByteMs)} ms | ${fixed(r.isolateCpuMs)} ms (${fixed(r.isolateCpu.javascriptMs)} + ${fixed(r.isolateCpu.garbageCollectorMs)} + ${fixed(r.isolateCpu.programMs)}) | ${fixed(r.processCpuMs)} ms | ${fixed(r.heapUsedMiB.before, 1)} → ${fixed(r.heapUsedMiB.peak, 1)} MiB | ${fixed(r.heapUsedMiB.peakLive, 1)} MiB | ${fixed(r.heapAllocatedMiB.peak, 1)} MiB | ${fixed(r.arrayBuffersMiB.peak, 1)} MiB | ${fixed(r.processRssMiB.before)} → ${fixed(r.processRssMiB.peak)} MiB |`;

/** @param {WholeHistoryRun} r */
const eachRequest = (r) =>
  `${fixed(r.rows)} reports: isolate ${r.isolateCpuMsEach.map((v) => fixed(v)).join(', ')} ms, process ${r.processCpuMsEach.map((v) => fixed(v)).join(', ')} ms, wall ${r.wallMsEach.map((v) => fixed(v)).join(', ')} ms (load average ${fixed(r.loadAverage, 2)})`;

/** @param {WholeHistoryRun} r */
const isolateMemoryMiB = (r) => r.heapAllocatedMiB.peak + r.arrayBuffersMiB.peak;
/** @param {WholeHistoryRun} r */
const kvOperations = (r) => r.kv.reads + r.kv.lists + r.kv.writes;

/**
 * The section of docs/PERFORMANCE.md, between its markers.
 * @param {{ runs: WholeHistorySize[]; measuredBy: string }} measured
 */
export function wholeHistorySection({ runs, measuredBy }) {
  const largest = runs.at(-1);
  /** @type {[string, string, boolean][]} */
  const checks = largest
    ? [
        [
          `isolate CPU time ≤ ${fixed(workersLimits.cpuMs)} ms (with the old generation capped)`,
          `${fixed(largest.isolateCpuMs)} ms (${fixed(largest.capped.isolateCpuMs)} ms)`,
          Math.max(largest.isolateCpuMs, largest.capped.isolateCpuMs) <= workersLimits.cpuMs,
        ],
        [
          `isolate memory, V8 heap allocated + ArrayBuffers ≤ ${workersLimits.memoryMiB} MiB (capped)`,
          `${fixed(isolateMemoryMiB(largest), 1)} MiB (${fixed(isolateMemoryMiB(largest.capped), 1)} MiB)`,
          Math.max(isolateMemoryMiB(largest), isolateMemoryMiB(largest.capped)) <= workersLimits.memoryMiB,
        ],
        [
          `KV operations ≤ ${workersLimits.kvOperations}`,
          `${kvOperations(largest)}`,
          kvOperations(largest) <= workersLimits.kvOperations,
        ],
      ]
    : [];
  const cap = largest?.capped.heapCapMiB ?? heapCapMiB;
  const largestMiB = (largest?.bytes ?? 0) / MiB;
  return [
    sectionStart,
    '## The whole history in one file',
    '',
    `One \`GET ${path}\` at a time on the production bundle in workerd, ${measuredBy}. How each figure is measured is in \`bench/whole-history.mjs\`: the isolate's CPU time is the non-idle samples of a V8 CPU profile of the app Worker's isolate (local workerd reports no CPU time per request); the process's is the user and system time of the whole workerd process, which also runs miniflare's KV, over a request without the profiler; memory is polled every 10 ms from the inspector (the app isolate's V8 heap and ArrayBuffers) and from /proc (workerd's resident set), after a forced garbage collection, and the live heap right after a garbage collection forced every 50 ms over one more request. Each figure is from a request of its own.`,
    '',
    ...tableHead,
    ...runs.map(tableRow),
    '',
    `Again, in a workerd whose V8 old generation is capped at ${cap} MiB (\`--max-old-space-size=${cap}\`)${largestMiB > cap ? `, less than the ${fixed(largestMiB, 1)} MiB of the largest file` : ''}:`,
    '',
    ...tableHead,
    ...runs.map((r) => tableRow(r.capped)),
    '',
    `CPU times and wall time are the least of ${repeats} requests each; all of them: ${runs.map(eachRequest).join('; ')}; capped: ${runs.map((r) => eachRequest(r.capped)).join('; ')}.`,
    '',
    ...(largest
      ? [
          `Against the Workers limits (paid plan) at ${fixed(largest.rows)} reports:`,
          '',
          '| limit | measured | within |',
          '| --- | ---: | :---: |',
          ...checks.map(([limit, value, met]) => `| ${limit} | ${value} | ${met ? 'yes' : '**no**'} |`),
          '',
        ]
      : []),
    sectionEnd,
  ].join('\n');
}

/**
 * Replaces the section in docs/PERFORMANCE.md, or puts it before the targets when absent.
 * @param {string} doc @param {string} section
 */
export function withWholeHistorySection(doc, section) {
  const start = doc.indexOf(sectionStart);
  const end = doc.indexOf(sectionEnd);
  if (start !== -1 && end > start)
    return `${doc.slice(0, start)}${section}${doc.slice(end + sectionEnd.length)}`;
  const targets = doc.indexOf('## Targets');
  return targets === -1
    ? `${doc}\n${section}\n`
    : `${doc.slice(0, targets)}${section}\n\n${doc.slice(targets)}`;
}

/** npm run bench:history: only this measurement, at BENCH_HISTORY_SIZES. */
async function main() {
  const sizes = (process.env.BENCH_HISTORY_SIZES ?? '10000,100000').split(',').map(Number);
  const started = new Date();
  build();
  /** @type {(WholeHistorySize & { loadSeconds: number })[]} */
  const runs = [];
  for (const size of sizes) {
    console.log(`bench:history: ${size} reports`);
    const persistPath = kvFolder();
    try {
      const loader = startWorkers(persistPath);
      const { loadSeconds } = await loadHistory(await toolsOf(loader), size);
      await loader.dispose();
      runs.push({ ...(await measureWholeHistoryIn(persistPath)), loadSeconds });
    } finally {
      rmSync(persistPath, { recursive: true, force: true });
    }
  }
  const file = `bench/results/${started.toISOString().slice(0, 10)}-whole-history.json`;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  writeFileSync(
    file,
    `${JSON.stringify({ started: started.toISOString(), machine, placeCount, runs }, null, 2)}\n`,
  );
  const measuredBy = `measured apart from the rest of this page by \`npm run bench:history\` on ${started.toISOString()} (results: \`${file}\`; ${machine}), SYNTHETIC reports over ${placeCount} places`;
  const doc = readFileSync('docs/PERFORMANCE.md', 'utf8');
  writeFileSync(
    'docs/PERFORMANCE.md',
    withWholeHistorySection(doc, wholeHistorySection({ runs, measuredBy })),
  );
  // Written as the rest of the repository is formatted, so that npm test's format check holds.
  execFileSync('biome', ['format', '--write', 'docs/PERFORMANCE.md', file], { stdio: 'ignore' });
  console.log(`bench:history: results in ${file} and docs/PERFORMANCE.md`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
