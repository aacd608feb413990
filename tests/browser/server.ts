// A seeded local Worker for the browser test: `npm start`'s own script (so the same
// seeding from seeds/ through the API) on its own port, with its KV in a temporary folder,
// never the developer's .wrangler/state. Bounded: it gives up after `timeoutMs`.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SeededWorker {
  base: string;
  stop(): Promise<void>;
}

function stopGroup(server: ChildProcess, persistTo: string): Promise<void> {
  return new Promise((resolve) => {
    const signal = (name: NodeJS.Signals) => {
      try {
        // The script, wrangler and workerd share one process group: stop them all.
        if (server.pid) process.kill(-server.pid, name);
      } catch {
        // already gone
      }
    };
    const forced = setTimeout(() => {
      signal('SIGKILL');
      done();
    }, 10_000);
    const done = () => {
      clearTimeout(forced);
      rmSync(persistTo, { recursive: true, force: true });
      resolve();
    };
    if (server.exitCode !== null || server.signalCode !== null) {
      done();
      return;
    }
    server.once('exit', done);
    signal('SIGTERM');
  });
}

export function startSeededWorker(port: number, timeoutMs: number): Promise<SeededWorker> {
  const persistTo = mkdtempSync(join(tmpdir(), 'status-browser-test-'));
  const server = spawn('node', ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), PERSIST_TO: persistTo },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = () => stopGroup(server, persistTo);
  let output = '';
  let ready = false;
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(deadline);
      stop().then(
        () => reject(new Error(`${why}\n${output}`)),
        () => reject(new Error(why)),
      );
    };
    const deadline = setTimeout(
      () => fail(`no seeded Worker on port ${port} within ${timeoutMs} ms`),
      timeoutMs,
    );
    // Output is read to the end, also once ready: a full pipe would stall the server.
    const read = (chunk: Buffer) => {
      output = (output + chunk).slice(-64_000);
      if (ready || !output.includes('Serving the seeded data')) return;
      ready = true;
      clearTimeout(deadline);
      resolve({ base: `http://127.0.0.1:${port}`, stop });
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => {
      if (!ready) fail(`npm start exited (${code}) before serving`);
    });
  });
}
