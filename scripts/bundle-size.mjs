// The production bundles as `wrangler deploy` builds them (without deploying), and the size
// wrangler reports for each: what `npm run check:bundle` checks and `npm run bench` reports.

import { execFileSync } from 'node:child_process';

/** The most the bundle may be, gzipped: docs/architecture.md#the-bundle says why. */
export const bundleTargetKiB = 200;

/** Each Worker's configuration, and where its bundle is built. */
export const workers = [
  { name: 'public', config: 'wrangler.toml', outdir: 'dist' },
  { name: 'desk', config: 'wrangler.desk.toml', outdir: '.build/desk' },
];

/**
 * @param {{ config: string; outdir: string }} worker
 * @returns {{ uploadKiB: number; gzipKiB: number }}
 */
export function buildBundle({ config, outdir } = workers[0] ?? { config: 'wrangler.toml', outdir: 'dist' }) {
  const output = execFileSync('wrangler', ['deploy', '--dry-run', '--config', config, '--outdir', outdir], {
    encoding: 'utf8',
  });
  const upload = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
  if (!upload) throw new Error(`wrangler did not report the bundle's size:\n${output}`);
  return { uploadKiB: Number(upload[1]), gzipKiB: Number(upload[2]) };
}
