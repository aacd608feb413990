// zod as the Worker's bundle takes it: everything zod exports but its translations
// (`z.locales`, and `z.core`, which carries them again), which are most of zod's bytes.
// @hono/zod-openapi hands the whole namespace to extendZodWithOpenApi, and so would keep
// every export of it in the bundle. The code imports 'zod' as usual; wrangler.toml's
// [alias] points the bundle's 'zod' here, and tests/node/zod-without-locales.test.ts checks
// that this exports what zod does, but those two. zod's messages stay English (it registers
// its English locale itself), and the service's words are its own (src/words/).

import * as z from './exports.ts';

export * from './exports.ts';
/** The namespace, as `import { z } from 'zod'` gives it. */
export { z };
export default z;
