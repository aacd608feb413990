// npm run setup:cloudflare: the whole first deploy as one command, safe to run again
// (docs/operating.md#deploy-to-cloudflare). It finds or creates the KV namespaces and the
// queues wrangler.toml names, writes the namespace ids in place of its placeholders (in the
// desk's configuration too), sets the first admin token on both Workers when API_TOKENS is not
// yet a secret, deploys the public Worker (which applies the Durable Object migrations) and
// then the desk's, and publishes the seeds through the API as `npm start` does. Every step
// asks first whether it is done: a second run creates, writes and publishes nothing.
// --dry-run prints the steps and runs none of them.
//
// Options: --config <wrangler.toml>, --desk-config <wrangler.desk.toml beside it>,
// --token <admin token> (or STATUS_ADMIN_TOKEN), --dry-run.
// WRANGLER replaces `npx wrangler` (e.g. WRANGLER="node stand-in.mjs").

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { experimental_readRawConfig } from 'wrangler';
import { scopes } from '../src/http/principal.ts';
import { placeholderLines, withIds, wranglerCommand } from './wrangler-config.mjs';

const { values: options } = parseArgs({
  options: {
    config: { type: 'string', default: 'wrangler.toml' },
    'desk-config': { type: 'string' },
    token: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const config = options.config;
// The desk's Worker (wrangler.desk.toml): the same namespaces and the same token as the public
// Worker's, deployed after it, since the public Worker's DESK binding and the desk's bindings
// of the public Worker's objects each need the other Worker to exist.
const deskConfig = options['desk-config'] ?? join(dirname(config), 'wrangler.desk.toml');
const dryRun = options['dry-run'];
const seedsFolder = new URL('../seeds/', import.meta.url);
// The first token has every scope: it is the one that makes the others' places.
const adminScopes = [...scopes];
const wrangler = wranglerCommand();

/**
 * What of wrangler.toml is read here, as wrangler writes it.
 * @typedef {{ name?: string; kv_namespaces?: { binding: string; id?: string; preview_id?: string }[];
 *   queues?: { producers?: { queue: string }[]; consumers?: { queue: string; dead_letter_queue?: string }[] } }} WranglerToml
 */

const raw = /** @type {WranglerToml} */ (experimental_readRawConfig({ config }).rawConfig);
const workerName = raw.name ?? '';
if (!workerName) throw new Error(`${config} names no Worker (name = "...")`);

/** What this run changed, for the last line. */
const changed = /** @type {string[]} */ ([]);

/** @param {string} line */
const say = (line) => console.log(line);
/** @param {string} line */
const plan = (line) => console.log(`[dry run] would ${line}`);

/** @param {readonly string[]} args */
const shown = (args) => [wrangler.command, ...wrangler.args, ...args].join(' ');

/**
 * Runs wrangler with `--config`; answers its output. A failure stops the setup with
 * wrangler's own words unless `allowFailure`, when the caller reads them.
 * @param {string[]} args
 * @param {{ stdin?: string; echo?: boolean; allowFailure?: boolean; of?: string }} [how] `of`: the
 *   configuration of the Worker, the public one's unless given
 * @returns {Promise<{ code: number; stdout: string; stderr: string }>}
 */
function run(args, { stdin, echo = false, allowFailure = false, of = config } = {}) {
  const all = [...args, '--config', of];
  return new Promise((resolve, reject) => {
    const child = spawn(wrangler.command, [...wrangler.args, ...all], {
      stdio: [stdin === undefined ? 'inherit' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    child.stdin?.end(stdin);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 || allowFailure) return resolve({ code: code ?? 1, stdout, stderr });
      const words = echo ? '' : `\n${stdout}${stderr}`;
      reject(new Error(`\`${shown(all)}\` failed (exit ${code})${words}`));
    });
  });
}

/**
 * The JSON value wrangler printed, ignoring any banner or notice around it.
 * @param {string} stdout
 */
function printedJson(stdout) {
  const start = stdout.search(/^[[{]/m);
  if (start < 0) throw new Error(`wrangler printed no JSON:\n${stdout}`);
  const end = Math.max(stdout.lastIndexOf(']'), stdout.lastIndexOf('}'));
  return JSON.parse(stdout.slice(start, end + 1));
}

/**
 * The rows of a table as wrangler prints one (`wrangler queues list`), by column name.
 * @param {string} stdout
 * @returns {Record<string, string>[]}
 */
function printedTable(stdout) {
  const cells = stdout
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colours, when a terminal asks for them
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('│'))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('│')
        .map((cell) => cell.trim()),
    );
  const [head = [], ...rows] = cells;
  return rows.map((row) => Object.fromEntries(head.map((name, i) => [name, row[i] ?? ''])));
}

// -- KV namespaces ------------------------------------------------------------------------

/**
 * Finds or creates, by title, the namespace of each KV id that is still a placeholder, and
 * writes the ids in their place.
 */
async function setUpKv() {
  const text = readFileSync(config, 'utf8');
  const placeholders = placeholderLines(text);
  if (placeholders.length === 0) {
    say(`KV: ${config} names its namespaces already`);
    return;
  }
  // The title wrangler gives a namespace it creates: the name asked for, plus "_preview".
  const binding = raw.kv_namespaces?.[0]?.binding ?? 'STATUS_KV';
  const name = `${workerName}-${binding}`;
  const titleOf = (/** @type {'id' | 'preview_id'} */ key) => (key === 'id' ? name : `${name}_preview`);
  const createArgs = (/** @type {'id' | 'preview_id'} */ key) => [
    'kv',
    'namespace',
    'create',
    name,
    ...(key === 'preview_id' ? ['--preview'] : []),
  ];

  if (dryRun) {
    plan(`run: ${shown(['kv', 'namespace', 'list', '--config', config])}`);
    for (const { key, line, placeholder } of placeholders) {
      plan(
        `run, unless a namespace titled "${titleOf(key)}" exists: ${shown([...createArgs(key), '--config', config])}`,
      );
      plan(`write into ${config}:${line} the id of "${titleOf(key)}" in place of ${placeholder}`);
    }
    return;
  }

  const listed = async () =>
    /** @type {{ id: string; title: string }[]} */ (
      printedJson((await run(['kv', 'namespace', 'list'])).stdout)
    );
  let namespaces = await listed();
  for (const { key } of placeholders) {
    const title = titleOf(key);
    if (namespaces.some((n) => n.title === title)) {
      say(`KV namespace "${title}": exists`);
      continue;
    }
    await run(createArgs(key));
    changed.push(`created KV namespace "${title}"`);
    say(`KV namespace "${title}": created`);
    namespaces = await listed();
  }

  /** @type {Map<string, string>} */
  const ids = new Map();
  for (const { key, placeholder } of placeholders) {
    const title = titleOf(key);
    const id = namespaces.find((n) => n.title === title)?.id;
    if (!id) throw new Error(`KV namespace "${title}" is not listed after it was created`);
    ids.set(placeholder, id);
  }
  writeFileSync(config, withIds(text, ids));
  for (const { key, line, placeholder } of placeholders)
    say(`${config}:${line}: ${key} = "${ids.get(placeholder)}"`);
  changed.push(`wrote ${placeholders.length} KV id(s) into ${config}`);
}

/** Writes the public Worker's namespace ids into the desk's configuration, in place of its placeholders. */
function setUpDeskKv() {
  const text = readFileSync(deskConfig, 'utf8');
  const placeholders = placeholderLines(text);
  if (placeholders.length === 0) {
    say(`KV: ${deskConfig} names its namespaces already`);
    return;
  }
  if (dryRun) {
    for (const { key, line, placeholder } of placeholders)
      plan(`write into ${deskConfig}:${line} the ${key} of ${config} in place of ${placeholder}`);
    return;
  }
  const named = /** @type {WranglerToml} */ (experimental_readRawConfig({ config }).rawConfig)
    .kv_namespaces?.[0];
  /** @type {Map<string, string>} */
  const ids = new Map();
  for (const { key, placeholder } of placeholders) {
    const id = named?.[key];
    if (!id || placeholderLines(`${key} = "${id}"`).length > 0)
      throw new Error(`${config} names no ${key} of its KV namespace to write into ${deskConfig}`);
    ids.set(placeholder, id);
  }
  writeFileSync(deskConfig, withIds(text, ids));
  for (const { key, line, placeholder } of placeholders)
    say(`${deskConfig}:${line}: ${key} = "${ids.get(placeholder)}"`);
  changed.push(`wrote ${placeholders.length} KV id(s) into ${deskConfig}`);
}

// -- Queues -------------------------------------------------------------------------------

/** Every queue wrangler.toml names: produced to, consumed, or dead letters. */
function queueNames() {
  const queues = raw.queues ?? {};
  return [
    ...new Set([
      ...(queues.producers ?? []).map((p) => p.queue),
      ...(queues.consumers ?? []).flatMap((c) => [
        c.queue,
        ...(c.dead_letter_queue ? [c.dead_letter_queue] : []),
      ]),
    ]),
  ];
}

/** The account's queue names: `wrangler queues list` prints one page, a table, at a time. */
async function listedQueues() {
  const names = new Set();
  for (let page = 1; page <= 100; page++) {
    const rows = printedTable((await run(['queues', 'list', '--page', String(page)])).stdout);
    if (rows.length === 0) break;
    for (const row of rows) names.add(row.name);
  }
  return names;
}

async function setUpQueues() {
  const wanted = queueNames();
  if (dryRun) {
    plan(
      `run: ${shown(['queues', 'list', '--page', '1', '--config', config])} (and the next pages while they list queues)`,
    );
    for (const queue of wanted)
      plan(`run, unless queue "${queue}" exists: ${shown(['queues', 'create', queue, '--config', config])}`);
    return;
  }
  const existing = await listedQueues();
  for (const queue of wanted) {
    if (existing.has(queue)) {
      say(`Queue "${queue}": exists`);
      continue;
    }
    await run(['queues', 'create', queue]);
    changed.push(`created queue "${queue}"`);
    say(`Queue "${queue}": created`);
  }
}

// -- The first admin token ----------------------------------------------------------------

/**
 * The secret names of the Worker of `of`. `wrangler secret list` fails for a Worker never
 * deployed, which has none: `wrangler secret put` creates it, so that the first deploy finds
 * API_TOKENS, which both configurations' [secrets] require.
 * @param {string} of
 */
async function secretNames(of) {
  const listed = await run(['secret', 'list', '--format', 'json'], { allowFailure: true, of });
  if (listed.code === 0)
    return /** @type {{ name: string }[]} */ (printedJson(listed.stdout)).map((s) => s.name);
  if (/Worker "[^"]*"[^\n]* not found/.test(`${listed.stdout}${listed.stderr}`)) return [];
  throw new Error(
    `\`${shown(['secret', 'list', '--config', of])}\` failed:\n${listed.stdout}${listed.stderr}`,
  );
}

/**
 * Sets API_TOKENS, on both Workers, to one admin token when the public Worker has none yet;
 * answers the token, known only to this run. A desk's Worker without the secret when the
 * public one has it (a deployment older than the desk's Worker) stops the setup: the secret's
 * value cannot be read back to copy it.
 * @returns {Promise<string | undefined>}
 */
async function setUpToken() {
  if (dryRun) {
    plan(`run: ${shown(['secret', 'list', '--format', 'json', '--config', config])}`);
    plan(
      `run, unless API_TOKENS is a secret: ${shown(['secret', 'put', 'API_TOKENS', '--config', config])} with, on stdin, ` +
        `[{"name":"admin","sha256":"<SHA-256 of a new random token>","scopes":${JSON.stringify(adminScopes)}}], and print the token once`,
    );
    plan(`run, with the same value: ${shown(['secret', 'put', 'API_TOKENS', '--config', deskConfig])}`);
    return undefined;
  }
  const onPublic = (await secretNames(config)).includes('API_TOKENS');
  const onDesk = (await secretNames(deskConfig)).includes('API_TOKENS');
  if (onPublic && onDesk) {
    say('Secret API_TOKENS: set already on both Workers (its tokens are not shown again)');
    return undefined;
  }
  if (onPublic)
    throw new Error(
      `the desk's Worker has no API_TOKENS, and the public Worker's cannot be read back: put the same value with \`${shown(['secret', 'put', 'API_TOKENS', '--config', deskConfig])}\`, then run this again`,
    );
  const token = randomBytes(32).toString('hex');
  const registry = [
    { name: 'admin', sha256: createHash('sha256').update(token).digest('hex'), scopes: adminScopes },
  ];
  for (const of of [config, deskConfig])
    await run(['secret', 'put', 'API_TOKENS'], { stdin: JSON.stringify(registry), of });
  changed.push('set the secret API_TOKENS on both Workers');
  say('Secret API_TOKENS: set on both Workers, with one token named "admin" and every scope.');
  say(`  Admin token: ${token}`);
  say('  It will not be shown again: keep it now. Adding a token means putting this whole array again');
  say(`  with the new entry, on both Workers: ${JSON.stringify(registry)}`);
  return token;
}

// -- Deploy -------------------------------------------------------------------------------

/**
 * Deploys the public Worker, then the desk's; answers the public Worker's URL as wrangler
 * prints it under "Deployed ... triggers".
 */
async function deploy() {
  if (dryRun) {
    plan(
      `run: ${shown(['deploy', '--config', config])} (applies the Durable Object migrations) and read the Worker's URL`,
    );
    plan(`run: ${shown(['deploy', '--config', deskConfig])}`);
    return '<the Worker URL>';
  }
  const { stdout } = await run(['deploy'], { echo: true });
  const targets = stdout.split(/\nDeployed [^\n]* triggers[^\n]*\n/)[1] ?? '';
  const url = /^\s+(https?:\/\/\S+)/m.exec(targets)?.[1];
  say(url ? `Deployed: ${url}` : 'Deployed; wrangler printed no URL for it (only routes?)');
  await run(['deploy'], { echo: true, of: deskConfig });
  say("Deployed the desk's Worker, reached at /desk through the public Worker");
  return url;
}

// -- The seeds ----------------------------------------------------------------------------

/**
 * @typedef {{ idempotencyKey: string; report: object; corrects?: string; reason?: string }} SeedEntry
 * @typedef {{ place: { slug: string } & Record<string, unknown>; reports: SeedEntry[] }} Seed
 */

/** @returns {Seed[]} */
function seeds() {
  return readdirSync(seedsFolder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, seedsFolder), 'utf8')));
}

/**
 * @param {string} base
 * @param {string} method
 * @param {string} path
 * @param {{ token?: string; body?: unknown; idempotencyKey?: string }} [how]
 */
async function request(base, method, path, { token, body, idempotencyKey } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  return response;
}

/**
 * A new workers.dev address can take a while to answer: waits for /healthz.
 * @param {string} base
 */
async function waitForWorker(base) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await request(base, 'GET', '/healthz')).ok) return;
    } catch {
      // not reachable yet
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`${base}/healthz did not answer within two minutes`);
}

/**
 * Publishes each seed's place and history, the report then its correction, with the
 * seed's Idempotency-Keys (a rerun with the same token stores nothing twice); a place that
 * has reports already is left as it is.
 * @param {string | undefined} base
 * @param {string | undefined} token
 */
async function publishSeeds(base, token) {
  if (dryRun) {
    for (const { place, reports } of seeds()) {
      plan(`GET ${base}/api/v1/places/${place.slug}/reports and, unless it lists reports:`);
      plan(`PUT ${base}/api/v1/places/${place.slug} (seeds: the place)`);
      for (const { idempotencyKey, corrects } of reports)
        plan(
          corrects
            ? `POST ${base}/api/v1/reports/<id of ${corrects}>/corrections (Idempotency-Key: ${idempotencyKey})`
            : `POST ${base}/api/v1/reports (Idempotency-Key: ${idempotencyKey})`,
        );
    }
    return;
  }
  if (!base) {
    say('Seeds: not published, with no URL to publish them at');
    return;
  }
  await waitForWorker(base);
  for (const { place, reports } of seeds()) {
    const { slug, ...fields } = place;
    const history = await request(base, 'GET', `/api/v1/places/${slug}/reports`);
    if (history.status !== 404 && !history.ok)
      throw new Error(`GET /api/v1/places/${slug}/reports: ${history.status} ${await history.text()}`);
    const listed = history.ok
      ? /** @type {{ reports: unknown[] }} */ (await history.json()).reports.length
      : 0;
    if (listed > 0) {
      say(`Seeds: ${slug} has reports already; nothing published`);
      continue;
    }
    if (!token) {
      say(
        `Seeds: ${slug} not published: the admin token was shown when it was made; pass it as --token or STATUS_ADMIN_TOKEN`,
      );
      continue;
    }
    const send = async (
      /** @type {string} */ method,
      /** @type {string} */ path,
      /** @type {unknown} */ body,
      idempotencyKey = '',
    ) => {
      const response = await request(base, method, path, { token, body, idempotencyKey });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    await send('PUT', `/api/v1/places/${slug}`, fields);
    // As scripts/start.mjs: an entry that `corrects` another enters as a correction of it.
    /** @type {Map<string, string>} */
    const published = new Map();
    for (const { idempotencyKey, report, corrects, reason } of reports) {
      const corrected = corrects === undefined ? undefined : published.get(corrects);
      if (corrects !== undefined && corrected === undefined)
        throw new Error(`seed of ${slug}: ${idempotencyKey} corrects ${corrects}, which comes after it`);
      const response = corrected
        ? await send(
            'POST',
            `/api/v1/reports/${corrected}/corrections`,
            { ...report, reason },
            idempotencyKey,
          )
        : await send('POST', '/api/v1/reports', report, idempotencyKey);
      const location = response.headers.get('location') ?? '';
      published.set(idempotencyKey, location.split('/').at(-1) ?? '');
      say(`Seeds: ${slug} ${corrected ? 'correction' : 'report'} ${location}`);
    }
    changed.push(`published the seed of ${slug}`);
  }
}

async function main() {
  say(
    `Cloudflare setup of the Worker "${workerName}" (${config})${dryRun ? ', dry run: nothing is run or changed' : ''}`,
  );
  await setUpKv();
  setUpDeskKv();
  await setUpQueues();
  const newToken = await setUpToken();
  const url = await deploy();
  await publishSeeds(url, newToken ?? options.token ?? process.env.STATUS_ADMIN_TOKEN);
  if (dryRun) return;
  say(
    changed.length > 0
      ? `Done: ${changed.join('; ')}.`
      : 'Already set up: nothing created, written, set or published; the Worker was deployed again from this tree.',
  );
}

main().catch((error) => {
  console.error(`setup:cloudflare: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
