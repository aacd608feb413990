// npm run deploy: `wrangler deploy`, refused while wrangler.toml still holds a placeholder
// for the production KV id (a deploy would fail at Cloudflare, or bind nothing useful).
// Arguments are handed to wrangler as they are: `npm run deploy -- --config other.toml`.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { configPathOf, deployRefusals, wranglerCommand } from './wrangler-config.mjs';

const args = process.argv.slice(2);
const config = configPathOf(args);
const refusals = deployRefusals(readFileSync(config, 'utf8'), config);
if (refusals.length > 0) {
  for (const refusal of refusals) console.error(refusal);
  console.error('deploy: refused, nothing was deployed');
  process.exit(1);
}

const wrangler = wranglerCommand();
const run = spawnSync(wrangler.command, [...wrangler.args, 'deploy', ...args], { stdio: 'inherit' });
if (run.error) throw run.error;
process.exit(run.status ?? 1);
