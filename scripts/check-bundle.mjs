// npm run check:bundle: builds each Worker's production bundle and fails when one is over the
// target (docs/architecture.md#the-bundle).

import { buildBundle, bundleTargetKiB, workers } from './bundle-size.mjs';

let over = false;
for (const worker of workers) {
  const { gzipKiB } = buildBundle(worker);
  const verdict = gzipKiB <= bundleTargetKiB ? 'within' : 'over';
  console.log(
    `The ${worker.name} Worker's bundle is ${gzipKiB} KiB gzip, ${verdict} the target of ${bundleTargetKiB} KiB.`,
  );
  over ||= gzipKiB > bundleTargetKiB;
}
if (over) process.exit(1);
