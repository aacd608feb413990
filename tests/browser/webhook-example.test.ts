// The webhook receiver of docs/push.md (examples/webhook-receiver.mjs), run as a subscriber would
// run it, against `npm start`'s own script: subscribed through the API with the local token,
// it verifies the signature of the webhook a new report causes and prints the event. This
// also shows that `npm start` pushes: its queues run locally, and .dev.vars.example lets it
// send to loopback.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededWorker, startSeededWorker } from './server.ts';

const port = Number(process.env.WEBHOOK_EXAMPLE_TEST_PORT ?? 8797);
const receiverPort = port + 1;
let worker: SeededWorker | undefined;
let receiver: ChildProcess | undefined;

async function send(path: string, body: unknown): Promise<{ id: string; secret?: string }> {
  const response = await fetch(`${worker?.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer local-dev-token' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; secret?: string };
}

/** Resolves with the receiver's output once it holds `text`; rejects after `timeoutMs`. */
function outputHolding(child: ChildProcess, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const deadline = setTimeout(
      () => reject(new Error(`no "${text}" within ${timeoutMs} ms: ${output}`)),
      timeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk;
      if (!output.includes(text)) return;
      clearTimeout(deadline);
      resolve(output);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
}

beforeAll(async () => {
  worker = await startSeededWorker(port, 150_000);
});

afterAll(async () => {
  receiver?.kill('SIGKILL');
  await worker?.stop();
});

describe('the webhook receiver of docs/push.md', () => {
  it('is the code docs/push.md shows', () => {
    const example = readFileSync('examples/webhook-receiver.mjs', 'utf8');
    const code = example.slice(example.indexOf('import '));
    const pushDocs = readFileSync('docs/push.md', 'utf8');
    const shown = /\*\*Verifying a signature\*\*[\s\S]*?```js\n([\s\S]*?)```/.exec(pushDocs)?.[1];
    expect(shown).toBe(code);
  });

  it('verifies and prints the webhook of a report posted to `npm start`', async () => {
    const subscription = await send('/api/v1/subscriptions', {
      url: `http://127.0.0.1:${receiverPort}/hooks`,
      filters: { places: ['bakhmut'] },
    });
    receiver = spawn('node', ['examples/webhook-receiver.mjs'], {
      env: { ...process.env, STATUS_WEBHOOK_SECRET: subscription.secret, PORT: String(receiverPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const seed = JSON.parse(readFileSync('seeds/bakhmut.json', 'utf8'));
    // The seed's report once more: a second report, as the seed's own would not be news.
    const report = await send('/api/v1/reports', seed.reports[0].report);
    expect(await outputHolding(receiver, `report.new ${report.id}`, 30_000)).toContain(report.id);
  });
});
