// The V8 inspector of the app Worker's isolate, for what local workerd does not report: the
// CPU time the isolate spends (bench/whole-history.mjs, bench/endpoints.mjs).

import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, for the inspector. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The V8 inspector of the app's isolate, through miniflare's inspector proxy.
 * @param {number} port
 */
export async function openInspector(port) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/app`, {
    // The proxy takes only DevTools' origins.
    headers: { origin: 'http://localhost' },
  });
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 0;
  /** @type {Map<number, (message: any) => void>} */
  const waiting = new Map();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  };
  return {
    /** @param {string} method @param {object} [params] @returns {Promise<any>} */
    send(method, params = {}) {
      return new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, (message) =>
          message.error ? reject(new Error(message.error.message)) : resolve(message.result),
        );
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}

/**
 * The profiler's tick in µs: the usual time between two samples in a row. V8 samples the
 * isolate only while it holds the thread; the time the thread spends elsewhere (another
 * isolate such as miniflare's KV or its entry Worker, workerd's HTTP, waiting) lands in the
 * time since the previous sample of the next sample, as a multiple of the tick.
 * @param {number[]} timeDeltas
 */
function tickOf(timeDeltas) {
  const sorted = timeDeltas.filter((delta) => delta > 0).sort((a, b) => a - b);
  const short = sorted[Math.floor(sorted.length / 10)] ?? 0;
  const inRow = sorted.filter((delta) => delta <= 2 * short);
  return inRow[Math.floor(inRow.length / 2)] ?? 0;
}

/**
 * The CPU a profile's samples spent, by kind: one tick per sample, not the time since the
 * previous sample, which would count nearly all of the workerd thread's time (about three
 * times the ticks for GET /healthz under load, where the ticks agree at sampling intervals
 * of 0.1 and 0.5 ms). `(idle)` is the isolate waiting (for KV, for the client to read), and
 * `(root)` carries no time of its own.
 * @param {{ nodes: { id: number; callFrame: { functionName: string } }[]; samples: number[]; timeDeltas: number[] }} profile
 */
export function cpuOfProfile(profile) {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]));
  const tickMs = tickOf(profile.timeDeltas) / 1000;
  const spent = { javascriptMs: 0, garbageCollectorMs: 0, programMs: 0, tickMs };
  for (const sample of profile.samples) {
    const name = names.get(sample);
    if (name === '(idle)' || name === '(root)') continue;
    if (name === '(garbage collector)') spent.garbageCollectorMs += tickMs;
    else if (name === '(program)') spent.programMs += tickMs;
    else spent.javascriptMs += tickMs;
  }
  return spent;
}
