// The desk's Worker beside the Worker under test, as production runs it (wrangler.desk.toml):
// built by wrangler into .build/desk before a project's tests start (the global setup below),
// and run as an auxiliary Worker that the public Worker's DESK binding reaches.

import { execFileSync } from 'node:child_process';
import { experimental_readRawConfig, unstable_getMiniflareWorkerOptions } from 'wrangler';

/** The rate limits of a Vitest project's Workers, as miniflare takes them. */
type RateLimits = Record<string, { namespace_id: string; simple: { limit: number; period: 10 | 60 } }>;

const deskConfig = 'wrangler.desk.toml';
const deskBuild = '.build/desk';

/** Builds the desk's Worker, once per project that runs it. */
export default function buildDeskWorker() {
  execFileSync('wrangler', ['deploy', '--dry-run', '--config', deskConfig, '--outdir', deskBuild], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
}

/**
 * The desk's Worker as an auxiliary Worker of the Vitest project `project`, with `bindings` set
 * over its configuration's. Its Durable Objects are the Worker under test's, which the plugin
 * runs under a name of its own, `vitest-plugin-runner-{project}`: the objects are bound there.
 */
export function deskWorker(project: string, bindings: Record<string, string>, ratelimits: RateLimits) {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(deskConfig);
  const runner = `vitest-plugin-runner-${project}`;
  const durableObjects = Object.fromEntries(
    Object.entries(workerOptions.durableObjects ?? {}).map(([binding, target]) => [
      binding,
      { className: typeof target === 'string' ? target : target.className, scriptName: runner },
    ]),
  );
  return {
    name: experimental_readRawConfig({ config: deskConfig }).rawConfig.name ?? '',
    modules: true,
    scriptPath: `${deskBuild}/worker.js`,
    compatibilityDate: workerOptions.compatibilityDate as string,
    compatibilityFlags: workerOptions.compatibilityFlags as string[],
    kvNamespaces: workerOptions.kvNamespaces as Record<string, { id: string }>,
    durableObjects,
    queueProducers: workerOptions.queueProducers as Record<string, { queueName: string }>,
    bindings: { ...(workerOptions.bindings as Record<string, string>), ...bindings },
    ratelimits,
  };
}
