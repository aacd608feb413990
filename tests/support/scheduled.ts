// Runs the Worker's scheduled handler (the repair cron) as Cloudflare would, and waits for it.

import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import worker from '../../src/index.ts';

export async function runScheduledRepair(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: new Date(), cron: '* * * * *' }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}
