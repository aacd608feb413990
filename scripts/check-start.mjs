// Checks the README's first command: `npm start` serves the seeded Bakhmut status on
// 127.0.0.1. Bounded: it gives up after two minutes and always stops the server.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const port = process.env.CHECK_PORT ?? '8791';
const server = spawn('node', ['scripts/start.mjs'], {
  env: { ...process.env, PORT: port },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
let output = '';
const stop = () => {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

const deadline = setTimeout(() => {
  console.error(`check-start: no seeded service within 120 s\n${output}`);
  stop();
  process.exit(1);
}, 120_000);

server.stdout.on('data', async (chunk) => {
  output += chunk;
  if (!output.includes('Serving the seeded data')) return;
  server.stdout.removeAllListeners('data');
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/places/bakhmut`);
    const { status } = /** @type {{ status: any }} */ (await response.json());
    const deaths = status.indicators.civilian_deaths.figure;
    if (response.status !== 200 || deaths.value !== 120 || deaths.qualifier !== 'at_least') {
      throw new Error(`unexpected answer ${response.status}: ${JSON.stringify(status)}`);
    }
    // The served Atom feeds, as a reader gets them, against RFC 4287's RELAX NG schema.
    const schema = {
      fileName: 'atom.rng',
      contents: readFileSync('tests/fixtures/schemas/atom.rng', 'utf8'),
    };
    for (const path of ['/feeds/all.atom', '/feeds/places/bakhmut.atom']) {
      const feed = {
        fileName: 'feed.xml',
        contents: await (await fetch(`http://127.0.0.1:${port}${path}`)).text(),
      };
      const result = await validateXML({ xml: [feed], schema: [schema], extension: 'relaxng' });
      if (!result.valid) throw new Error(`${path} is not valid Atom: ${result.rawOutput}`);
    }
    console.log(
      `check-start: npm start serves the seeded Bakhmut status and valid Atom on 127.0.0.1:${port}`,
    );
    process.exitCode = 0;
  } catch (error) {
    console.error(`check-start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    stop();
  }
});
server.on('exit', (code) => {
  if (!output.includes('Serving the seeded data')) {
    clearTimeout(deadline);
    console.error(`check-start: npm start exited (${code}) before serving\n${output}`);
    process.exit(1);
  }
});
