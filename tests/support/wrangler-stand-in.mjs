// A stand-in for wrangler 4, for the tests of the deploy scripts: it answers the commands
// they run as wrangler does (the same output formats: JSON for KV namespaces and secrets, a
// table for queues, the targets under "Deployed ... triggers") and fails where wrangler
// fails, from an account kept in the JSON file $WRANGLER_STAND_IN_STATE. It records every
// call there. Its deploy prints $WRANGLER_STAND_IN_URL as the Worker's address, and fails as
// Cloudflare does when a service binding, or a Durable Object bound by script_name, names a
// Worker that is not there.

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * @typedef {{ args: string[]; stdin?: string }} Call
 * @typedef {{ namespaces: { id: string; title: string; supports_url_encoding: boolean }[];
 *   queues: { queue_id: string; queue_name: string; created_on: string }[];
 *   workers: Record<string, Worker>; calls: Call[] }} Account
 * @typedef {{ secrets: Record<string, string>; deploys: number }} Worker a Worker of the account,
 *   created by its first `secret put` or deploy
 */

const statePath = process.env.WRANGLER_STAND_IN_STATE ?? '';
if (!statePath) throw new Error('WRANGLER_STAND_IN_STATE is not set');

/** @type {Account} */
const account = existsSync(statePath)
  ? JSON.parse(readFileSync(statePath, 'utf8'))
  : { namespaces: [], queues: [], workers: {}, calls: [] };

const args = process.argv.slice(2);
const words = args.filter(
  (arg, i) => !arg.startsWith('-') && !args[i - 1]?.match(/^--(config|page|format)$/),
);
const flag = (/** @type {string} */ name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const config = flag('--config') ?? 'wrangler.toml';
const workerName = /^name = "([^"]+)"/m.exec(readFileSync(config, 'utf8'))?.[1] ?? '';

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`✘ [ERROR] ${message}`);
  save();
  process.exit(1);
}

function save() {
  writeFileSync(statePath, JSON.stringify(account, null, 2));
}

const command = words.slice(0, 3).join(' ');
// Only `secret put` reads its standard input, as wrangler does when it is not a terminal.
const stdin = words[0] === 'secret' && words[1] === 'put' ? readFileSync(0, 'utf8') : '';
account.calls.push({ args, ...(stdin ? { stdin } : {}) });

/** A table as wrangler's logger.table prints one (cli-table3, no colours). */
function table(/** @type {Record<string, string>[]} */ rows) {
  const head = Object.keys(rows[0] ?? {});
  const widths = head.map((h) => Math.max(h.length, ...rows.map((r) => (r[h] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    `│ ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ')} │`;
  const rule = (/** @type {string} */ l, /** @type {string} */ m, /** @type {string} */ r) =>
    `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  if (head.length === 0) return '┌┐\n└┘';
  return [
    rule('┌', '┬', '┐'),
    line(head),
    rule('├', '┼', '┤'),
    ...rows.map((r) => line(head.map((h) => r[h] ?? ''))),
    rule('└', '┴', '┘'),
  ].join('\n');
}

if (command === 'kv namespace list') {
  console.log(JSON.stringify(account.namespaces, null, '  '));
} else if (command === 'kv namespace create') {
  const title = `${words[3]}${args.includes('--preview') ? '_preview' : ''}`;
  if (account.namespaces.some((n) => n.title === title))
    fail(`A KV namespace with the title "${title}" already exists.`);
  const id = randomBytes(16).toString('hex');
  account.namespaces.push({ id, title, supports_url_encoding: true });
  console.log(`🌀 Creating namespace with title "${title}"\n✨ Success!`);
  console.log(
    `[[kv_namespaces]]\nbinding = "${words[3]}"\n${args.includes('--preview') ? 'preview_' : ''}id = "${id}"`,
  );
} else if (words[0] === 'queues' && words[1] === 'list') {
  // Pages of two queues, as the API pages them (its pages are larger).
  const page = Number(flag('--page') ?? '1');
  const rows = account.queues.slice((page - 1) * 2, page * 2);
  console.log(
    table(
      rows.map((q) => ({
        id: q.queue_id,
        name: q.queue_name,
        created_on: q.created_on,
        modified_on: q.created_on,
        producers: '0',
        consumers: '0',
      })),
    ),
  );
} else if (words[0] === 'queues' && words[1] === 'create') {
  const name = words[2] ?? '';
  if (account.queues.some((q) => q.queue_name === name)) fail(`A queue with name "${name}" already exists.`);
  account.queues.push({
    queue_id: randomBytes(16).toString('hex'),
    queue_name: name,
    created_on: '2026-12-01',
  });
  console.log(`🌀 Creating queue '${name}'\n✅ Created queue '${name}'`);
} else if (words[0] === 'secret' && words[1] === 'list') {
  const worker = account.workers[workerName];
  if (!worker)
    fail(
      `Worker "${workerName}" not found.\n\nIf this is a new Worker, run \`wrangler deploy\` first to create it.`,
    );
  console.log(
    JSON.stringify(
      Object.keys(worker.secrets).map((name) => ({ name, type: 'secret_text' })),
      null,
      '  ',
    ),
  );
} else if (words[0] === 'secret' && words[1] === 'put') {
  if (!account.workers[workerName]) console.log(`🌀 Creating new Worker "${workerName}"...`);
  const worker = account.workers[workerName] ?? { secrets: {}, deploys: 0 };
  account.workers[workerName] = worker;
  worker.secrets[words[2] ?? ''] = stdin.trimEnd();
  console.log(`✨ Success! Uploaded secret ${words[2]}`);
} else if (words[0] === 'deploy') {
  const toml = readFileSync(config, 'utf8');
  if (/"REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID"/.test(toml))
    fail('KV namespace "REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID" is not valid. [code: 10042]');
  const worker = account.workers[workerName] ?? { secrets: {}, deploys: 0 };
  if (/^required = \["API_TOKENS"\]/m.test(toml) && !worker.secrets.API_TOKENS)
    fail('The following required secrets have not been set: API_TOKENS');
  for (const [, target] of toml.matchAll(/^service = "([^"]+)"/gm))
    if (!account.workers[target ?? ''])
      fail(`Service binding references Worker '${target}' which was not found. [code: 10143]`);
  for (const [, target] of toml.matchAll(/^script_name = "([^"]+)"/gm))
    if (!account.workers[target ?? '']?.deploys)
      fail(`Durable Object binding references script '${target}' which was not found. [code: 10061]`);
  worker.deploys += 1;
  account.workers[workerName] = worker;
  console.log(`Total Upload: 817.82 KiB / gzip: 214.17 KiB\nUploaded ${workerName} (3.21 sec)`);
  console.log(`Deployed ${workerName} triggers (1.02 sec)`);
  console.log(`  ${process.env.WRANGLER_STAND_IN_URL ?? `https://${workerName}.example.workers.dev`}`);
  console.log('  schedule: * * * * *\n  Producer for humanitarian-status-push');
  console.log('Current Version ID: 00000000-0000-0000-0000-000000000000');
} else {
  fail(`the stand-in does not know \`wrangler ${args.join(' ')}\``);
}
save();
