// The Worker: the app answers requests; the scheduled handler repairs derived documents.

import { app } from './app.ts';
import { recentAnswersFor } from './http/recent-answers.ts';
import { repairStaleDocuments } from './services/repair.ts';
import { StatusStore } from './store/status-store.ts';

export default {
  fetch: app.fetch,
  /** Every minute (wrangler.toml [triggers]): derive again whatever may be stale. */
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      repairStaleDocuments(new StatusStore(env.STATUS_KV)).then((outcome) => {
        if (outcome.rebuilt.length > 0) recentAnswersFor(env.STATUS_KV).clear();
        console.log(JSON.stringify({ level: 'info', message: 'scheduled repair', ...outcome }));
      }),
    );
  },
} satisfies ExportedHandler<Env>;
