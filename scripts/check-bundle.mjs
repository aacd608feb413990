// npm run check:bundle: builds the production bundle and fails when it is over its target.

import { buildBundle, bundleTargetKiB } from './bundle-size.mjs';

const { gzipKiB } = buildBundle();
const verdict = gzipKiB <= bundleTargetKiB ? 'within' : 'over';
console.log(`The bundle is ${gzipKiB} KiB gzip, ${verdict} its target of ${bundleTargetKiB} KiB.`);
if (gzipKiB > bundleTargetKiB) process.exit(1);
