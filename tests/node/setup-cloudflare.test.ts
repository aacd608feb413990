// npm run setup:cloudflare and npm run deploy, driven against a stand-in for wrangler
// (tests/support/wrangler-stand-in.mjs, an account in a JSON file) and a stand-in for the
// deployed API on 127.0.0.1 that records what it is sent. Each runs on a temporary copy of
// the project's wrangler.toml and wrangler.desk.toml, with their placeholders: nothing
// reaches Cloudflare.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRefusals, placeholderLines } from '../../scripts/wrangler-config.mjs';
import { scopes } from '../../src/http/principal.ts';

const root = resolve(import.meta.dirname, '../..');
const standIn = join(root, 'tests/support/wrangler-stand-in.mjs');
const seed = JSON.parse(readFileSync(join(root, 'seeds/bakhmut.json'), 'utf8'));
const projectToml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
const deskToml = readFileSync(join(root, 'wrangler.desk.toml'), 'utf8');
const publicName = 'humanitarian-status-feed';
const deskName = 'humanitarian-status-feed-desk';
/** The line of the production KV id; the preview id's is the next. */
const idLine =
  projectToml.split('\n').findIndex((l) => l.includes('REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID')) + 1;

interface Account {
  namespaces: { id: string; title: string }[];
  queues: { queue_name: string }[];
  workers: Record<string, { secrets: Record<string, string>; deploys: number }>;
  calls: { args: string[]; stdin?: string }[];
}

interface Received {
  method: string;
  path: string;
  authorization: string;
  idempotencyKey: string;
  body: unknown;
}

/**
 * The deployed API as the setup sees it: health, a place's history, and the writes, which
 * it records. A write needs a token whose SHA-256 the stand-in account's API_TOKENS holds.
 */
function standInApi(account: () => Account) {
  const received: Received[] = [];
  const reports: { id: string; key: string }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const path = request.url ?? '';
      const authorization = request.headers.authorization ?? '';
      const idempotencyKey = String(request.headers['idempotency-key'] ?? '');
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'GET' && path === '/healthz') return answer(200, { status: 'ok' });
      if (request.method === 'GET' && path === '/api/v1/places/bakhmut/reports') {
        if (!received.some((r) => r.method === 'PUT')) return answer(404, { title: 'Not Found' });
        return answer(200, { reports: reports.map(({ id }) => ({ id })), nextCursor: null, next: null });
      }
      received.push({
        method: request.method ?? '',
        path,
        authorization,
        idempotencyKey,
        body: JSON.parse(text),
      });
      const registry = JSON.parse(account().workers[publicName]?.secrets.API_TOKENS ?? '[]') as {
        sha256: string;
      }[];
      const presented = createHash('sha256')
        .update(authorization.replace(/^Bearer /, ''))
        .digest('hex');
      if (!registry.some((entry) => entry.sha256 === presented))
        return answer(401, { title: 'Unauthorized' });
      if (request.method === 'PUT') return answer(201, {});
      const replayed = reports.find((r) => r.key === idempotencyKey);
      const id = replayed?.id ?? `0${reports.length}`.padStart(26, '0');
      if (!replayed) reports.push({ id, key: idempotencyKey });
      return answer(201, { id }, { location: `/api/v1/reports/${id}` });
    });
  });
  return { server, received };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script of the project with the stand-in wrangler; bounded to 60 s. */
function runScript(script: string, args: string[], env: Record<string, string>, cwd = root): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [join(root, script), ...args], {
      cwd,
      env: { ...process.env, WRANGLER: `${process.execPath} ${standIn}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`${script} took more than 60 s\n${stdout}\n${stderr}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('npm run setup:cloudflare', () => {
  let dir: string;
  let config: string;
  let deskConfig: string;
  let statePath: string;
  let api: ReturnType<typeof standInApi>;
  let url: string;
  const account = () => JSON.parse(readFileSync(statePath, 'utf8')) as Account;
  const setup = (...args: string[]) =>
    runScript('scripts/setup-cloudflare.mjs', ['--config', config, ...args], {
      WRANGLER_STAND_IN_STATE: statePath,
      WRANGLER_STAND_IN_URL: url,
      STATUS_ADMIN_TOKEN: '',
    });
  let first: Run;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'setup-cloudflare-'));
    config = join(dir, 'wrangler.toml');
    deskConfig = join(dir, 'wrangler.desk.toml');
    statePath = join(dir, 'account.json');
    copyFileSync(join(root, 'wrangler.toml'), config);
    copyFileSync(join(root, 'wrangler.desk.toml'), deskConfig);
    api = standInApi(account);
    await new Promise<void>((listening) => api.server.listen(0, '127.0.0.1', listening));
    url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((closed) => (api.server as Server).close(closed));
    rmSync(dir, { recursive: true, force: true });
  });

  it('with --dry-run prints every step and runs none of them', async () => {
    const run = await setup('--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(statePath)).toBe(false);
    expect(readFileSync(config, 'utf8')).toBe(projectToml);
    expect(readFileSync(deskConfig, 'utf8')).toBe(deskToml);
    expect(api.received).toEqual([]);
    for (const step of [
      'kv namespace list',
      'kv namespace create humanitarian-status-feed-STATUS_KV --config',
      'kv namespace create humanitarian-status-feed-STATUS_KV --preview',
      `write into ${config}:${idLine} the id of "humanitarian-status-feed-STATUS_KV" in place of REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID`,
      `write into ${config}:${idLine + 1} the id of "humanitarian-status-feed-STATUS_KV_preview" in place of REPLACE_WITH_PREVIEW_KV_NAMESPACE_ID`,
      'queues create humanitarian-status-push --config',
      'queues create humanitarian-status-push-dead --config',
      'queues create humanitarian-status-push-slow --config',
      'secret put API_TOKENS',
      `secret put API_TOKENS --config ${deskConfig}`,
      `deploy --config ${config}`,
      `deploy --config ${deskConfig}`,
      `write into ${deskConfig}:`,
      'PUT <the Worker URL>/api/v1/places/bakhmut',
      `POST <the Worker URL>/api/v1/reports (Idempotency-Key: ${seed.reports[0].idempotencyKey})`,
      `corrections (Idempotency-Key: ${seed.reports[1].idempotencyKey})`,
    ])
      expect(run.stdout).toContain(step);
  });

  it('on a new account creates the namespaces and queues, writes the ids, sets one token, deploys and publishes the seed', async () => {
    first = await setup();
    expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
    const state = account();

    const titles = state.namespaces.map((n) => n.title).sort();
    expect(titles).toEqual([
      'humanitarian-status-feed-STATUS_KV',
      'humanitarian-status-feed-STATUS_KV_preview',
    ]);
    expect(state.queues.map((q) => q.queue_name).sort()).toEqual([
      'humanitarian-status-push',
      'humanitarian-status-push-dead',
      'humanitarian-status-push-slow',
    ]);

    // Only the two placeholders changed, in both configurations, each to its namespace's id.
    const idOf = (title: string) => state.namespaces.find((n) => n.title === title)?.id ?? '';
    const withIds = (toml: string) =>
      toml
        .replace(
          '"REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID"',
          `"${idOf('humanitarian-status-feed-STATUS_KV')}"`,
        )
        .replace(
          '"REPLACE_WITH_PREVIEW_KV_NAMESPACE_ID"',
          `"${idOf('humanitarian-status-feed-STATUS_KV_preview')}"`,
        );
    expect(readFileSync(config, 'utf8')).toBe(withIds(projectToml));
    expect(readFileSync(deskConfig, 'utf8')).toBe(withIds(deskToml));

    // One token, printed once, whose hash is what the secret holds on both Workers, with every
    // scope there is.
    const puts = state.calls.filter((c) => c.args[0] === 'secret' && c.args[1] === 'put');
    expect(puts).toHaveLength(2);
    const tokens = [...first.stdout.matchAll(/Admin token: (\S+)/g)].map(([, token]) => token ?? '');
    expect(tokens).toHaveLength(1);
    expect(first.stdout).toContain('It will not be shown again');
    const token = tokens[0] ?? '';
    expect(token).toMatch(/^[\x21-\x7E]{1,512}$/);
    expect(first.stdout.split(token)).toHaveLength(2);
    for (const name of [publicName, deskName])
      expect(JSON.parse(state.workers[name]?.secrets.API_TOKENS ?? '')).toEqual([
        { name: 'admin', sha256: sha256(token), scopes: [...scopes] },
      ]);
    // The secrets are set before the first deploy, which both [secrets] require; the public
    // Worker is deployed first, the desk's after it (the stand-in fails either deploy that
    // names a Worker not there).
    const order = state.calls.map((c) => c.args.join(' '));
    const at = (call: string) => order.findIndex((c) => c.startsWith(call));
    expect(at(`secret put API_TOKENS --config ${deskConfig}`)).toBeLessThan(at(`deploy --config ${config}`));
    expect(at(`deploy --config ${config}`)).toBeLessThan(at(`deploy --config ${deskConfig}`));
    expect(state.workers[publicName]?.deploys).toBe(1);
    expect(state.workers[deskName]?.deploys).toBe(1);

    // The seed as npm start publishes it: the place, the report, then its correction.
    expect(api.received.map(({ method, path, idempotencyKey }) => [method, path, idempotencyKey])).toEqual([
      ['PUT', '/api/v1/places/bakhmut', ''],
      ['POST', '/api/v1/reports', seed.reports[0].idempotencyKey],
      ['POST', `/api/v1/reports/${'00'.padStart(26, '0')}/corrections`, seed.reports[1].idempotencyKey],
    ]);
    const { slug: _, ...place } = seed.place;
    expect(api.received.map((r) => r.body)).toEqual([
      place,
      seed.reports[0].report,
      { ...seed.reports[1].report, reason: seed.reports[1].reason },
    ]);
    expect(api.received.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
  });

  it('run again creates nothing, sets no secret, publishes nothing and says so', async () => {
    const before = account();
    const toml = readFileSync(config, 'utf8');
    const requests = api.received.length;
    const again = await setup();
    expect(again.code, `${again.stdout}\n${again.stderr}`).toBe(0);
    const after = account();
    const newCalls = after.calls.slice(before.calls.length).map((c) => c.args.slice(0, 2).join(' '));
    expect(newCalls.filter((c) => / (create|put)$/.test(c))).toEqual([]);
    expect(after.namespaces).toEqual(before.namespaces);
    expect(after.queues).toEqual(before.queues);
    expect(Object.values(after.workers).map((w) => w.secrets)).toEqual(
      Object.values(before.workers).map((w) => w.secrets),
    );
    expect(readFileSync(config, 'utf8')).toBe(toml);
    expect(api.received).toHaveLength(requests);
    expect(again.stdout).not.toContain('Admin token');
    expect(again.stdout).toContain('Already set up: nothing created, written, set or published');
  });

  it('skips the seed, naming --token, when the place has no reports and the token was shown before', async () => {
    const fresh = standInApi(account);
    await new Promise<void>((listening) => fresh.server.listen(0, '127.0.0.1', listening));
    try {
      const run = await runScript('scripts/setup-cloudflare.mjs', ['--config', config], {
        WRANGLER_STAND_IN_STATE: statePath,
        WRANGLER_STAND_IN_URL: `http://127.0.0.1:${(fresh.server.address() as AddressInfo).port}`,
        STATUS_ADMIN_TOKEN: '',
      });
      expect(run.code, run.stderr).toBe(0);
      expect(fresh.received).toEqual([]);
      expect(run.stdout).toContain('pass it as --token or STATUS_ADMIN_TOKEN');
    } finally {
      await new Promise((closed) => fresh.server.close(closed));
    }
  });
});

describe('npm run setup:cloudflare on a deployment older than the desk’s Worker', () => {
  it('stops before deploying, naming the command that puts the token on the desk’s Worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'setup-older-'));
    try {
      const config = join(dir, 'wrangler.toml');
      const deskConfig = join(dir, 'wrangler.desk.toml');
      const statePath = join(dir, 'account.json');
      copyFileSync(join(root, 'wrangler.toml'), config);
      copyFileSync(join(root, 'wrangler.desk.toml'), deskConfig);
      const older = { secrets: { API_TOKENS: '[]' }, deploys: 3 };
      writeFileSync(
        statePath,
        JSON.stringify({ namespaces: [], queues: [], workers: { [publicName]: older }, calls: [] }),
      );
      const run = await runScript('scripts/setup-cloudflare.mjs', ['--config', config], {
        WRANGLER_STAND_IN_STATE: statePath,
        STATUS_ADMIN_TOKEN: '',
      });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`secret put API_TOKENS --config ${deskConfig}`);
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as Account;
      expect(state.calls.filter((c) => c.args[0] === 'deploy' || c.args[1] === 'put')).toEqual([]);
      // The desk's configuration has the public Worker's namespace ids.
      const ids = placeholderLines(readFileSync(deskConfig, 'utf8'));
      expect(ids).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run deploy', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the line of the production placeholder in the project wrangler.toml', () => {
    expect(idLine).toBeGreaterThan(0);
    expect(placeholderLines(projectToml).map((p) => [p.line, p.key])).toEqual([
      [idLine, 'id'],
      [idLine + 1, 'preview_id'],
    ]);
    expect(deployRefusals(projectToml, 'wrangler.toml')).toEqual([
      expect.stringContaining(
        `wrangler.toml:${idLine}: the KV namespace id is still the placeholder REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID`,
      ),
    ]);
  });

  it('refuses while wrangler.toml holds the placeholder, naming file:line, and runs no wrangler', async () => {
    const config = join(dir, 'wrangler.toml');
    const statePath = join(dir, 'refused.json');
    writeFileSync(config, projectToml);
    const run = await runScript('scripts/deploy.mjs', ['--config', config], {
      WRANGLER_STAND_IN_STATE: statePath,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `${config}:${idLine}: the KV namespace id is still the placeholder REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID`,
    );
    expect(existsSync(statePath)).toBe(false);
  });

  it('deploys the public Worker, then the desk’s, refusing while either holds a placeholder', async () => {
    const here = mkdtempSync(join(dir, 'both-'));
    const statePath = join(here, 'both.json');
    const ready = (toml: string) =>
      toml.replace('REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID', '0123456789abcdef');
    writeFileSync(join(here, 'wrangler.toml'), ready(projectToml));
    writeFileSync(join(here, 'wrangler.desk.toml'), deskToml);
    const refused = await runScript('scripts/deploy.mjs', [], { WRANGLER_STAND_IN_STATE: statePath }, here);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('wrangler.desk.toml:');
    expect(existsSync(statePath)).toBe(false);

    writeFileSync(join(here, 'wrangler.desk.toml'), ready(deskToml));
    const deployed = { secrets: { API_TOKENS: '[]' }, deploys: 1 };
    const workers = { [publicName]: deployed, [deskName]: deployed };
    writeFileSync(statePath, JSON.stringify({ namespaces: [], queues: [], workers, calls: [] }));
    const run = await runScript('scripts/deploy.mjs', [], { WRANGLER_STAND_IN_STATE: statePath }, here);
    expect(run.code, run.stderr).toBe(0);
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as Account;
    expect(state.calls.map((c) => c.args)).toEqual([
      ['deploy', '--config', 'wrangler.toml'],
      ['deploy', '--config', 'wrangler.desk.toml'],
    ]);
  });

  it('runs wrangler deploy once the production id is in place', async () => {
    const config = join(dir, 'ready.toml');
    const statePath = join(dir, 'ready.json');
    writeFileSync(config, projectToml.replace('REPLACE_WITH_PRODUCTION_KV_NAMESPACE_ID', '0123456789abcdef'));
    const deployed = { secrets: { API_TOKENS: '[]' }, deploys: 1 };
    writeFileSync(
      statePath,
      JSON.stringify({
        namespaces: [],
        queues: [],
        workers: { [publicName]: deployed, [deskName]: deployed },
        calls: [],
      }),
    );
    const run = await runScript('scripts/deploy.mjs', ['--config', config], {
      WRANGLER_STAND_IN_STATE: statePath,
    });
    expect(run.code, run.stderr).toBe(0);
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as Account;
    expect(state.calls.map((c) => c.args)).toEqual([['deploy', '--config', config]]);
  });
});
