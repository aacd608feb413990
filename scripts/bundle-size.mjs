// The production bundle as `wrangler deploy` builds it (into dist/, without deploying), and the
// size wrangler reports for it: what `npm run check:bundle` checks and `npm run bench` reports.

import { execFileSync } from 'node:child_process';

/** The most the bundle may be, gzipped: docs/architecture.md#the-bundle says why. */
export const bundleTargetKiB = 200;

/** @returns {{ uploadKiB: number; gzipKiB: number }} */
export function buildBundle() {
  const output = execFileSync('wrangler', ['deploy', '--dry-run', '--outdir', 'dist'], { encoding: 'utf8' });
  const upload = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
  if (!upload) throw new Error(`wrangler did not report the bundle's size:\n${output}`);
  return { uploadKiB: Number(upload[1]), gzipKiB: Number(upload[2]) };
}
