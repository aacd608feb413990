// npm run deploy: `wrangler deploy` of the public Worker, then of the desk's (wrangler.toml,
// then wrangler.desk.toml: the public Worker holds the Durable Objects the desk binds),
// refused while either still holds a placeholder for the production KV id (a deploy would
// fail at Cloudflare, or bind nothing useful). Arguments are handed to wrangler as they are;
// with `--config other.toml` among them, only that configuration is deployed.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { configPathOf, deployRefusals, wranglerCommand } from './wrangler-config.mjs';

const args = process.argv.slice(2);
const explicit = args.some((arg) => arg === '--config' || arg === '-c' || arg.startsWith('--config='));
const configs = explicit ? [configPathOf(args)] : ['wrangler.toml', 'wrangler.desk.toml'];
const refusals = configs.flatMap((config) => deployRefusals(readFileSync(config, 'utf8'), config));
if (refusals.length > 0) {
  for (const refusal of refusals) console.error(refusal);
  console.error('deploy: refused, nothing was deployed');
  process.exit(1);
}

const wrangler = wranglerCommand();
for (const config of configs) {
  const configArgs = explicit ? [] : ['--config', config];
  const run = spawnSync(wrangler.command, [...wrangler.args, 'deploy', ...args, ...configArgs], {
    stdio: 'inherit',
  });
  if (run.error) throw run.error;
  if (run.status !== 0) process.exit(run.status ?? 1);
}
