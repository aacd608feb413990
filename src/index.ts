// The Worker: the app answers requests; the scheduled handler is the repair's safety net;
// the queue handler pushes changes to webhooks and the WebSub hub; the Durable Objects are
// the writers of derived documents, the keepers of keys, the registry of subscriptions and
// the registry of the people invited at the desk.

import { app } from './app.ts';
import { recentAnswersFor } from './http/recent-answers.ts';
import { withoutTrackingParameters } from './http/tracking.ts';
import { consumePush } from './push/consumer.ts';
import { settlePushes } from './push/settling.ts';
import { repairDocuments } from './services/repair.ts';
import { StatusStore } from './store/status-store.ts';
import { writersOf } from './writers/stubs.ts';

export { DeskSession } from './desk/session-object.ts';
export { SubscriptionRegistry } from './push/registry.ts';
export { AccountRegistry } from './writers/account-registry.ts';
export { AllPlacesWriter } from './writers/all-places-writer.ts';
export { ChangeLog } from './writers/change-log.ts';
export { IdempotencyKeeper } from './writers/idempotency-keeper.ts';
export { PlaceWriter } from './writers/place-writer.ts';

export default {
  fetch: (request: Request, env: Env, ctx: ExecutionContext) =>
    app.fetch(withoutTrackingParameters(request), env, ctx),
  /**
   * Every minute (wrangler.toml [triggers]): tell the writers whatever they never heard of,
   * and the push queue whatever it lost.
   */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      repairDocuments(new StatusStore(env.STATUS_KV), writersOf(env), controller.scheduledTime).then(
        (outcome) => {
          if (outcome.repaired.length > 0) recentAnswersFor(env.STATUS_KV).clear();
          console.log(JSON.stringify({ level: 'info', message: 'scheduled repair', ...outcome }));
        },
      ),
    );
    // The pushes too: whatever the queue lost between the change log and the registry.
    ctx.waitUntil(
      settlePushes(env, controller.scheduledTime).then((pushes) => {
        if (pushes.handedAgain > 0) {
          console.log(
            JSON.stringify({ level: 'info', message: 'changes handed to the push queue again', ...pushes }),
          );
        }
      }),
    );
  },
  /** The push queues, fast and slow, and their dead-letter queue (wrangler.toml [[queues.consumers]]). */
  queue: (batch, env) => consumePush(batch, env),
} satisfies ExportedHandler<Env>;
