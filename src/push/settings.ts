// The settings of webhooks (wrangler.toml [vars]), read in one place. Empty means off:
// webhooks go only to public https targets. The hub's settings are the feeds' (src/settings.ts).

import { textSetting, wholeNumberSetting } from '../settings.ts';
import { checkTarget, resolveOverHttps, type TargetCheck } from './targets.ts';

export type PushSettings = Pick<
  Env,
  | 'WEBSUB_HUB_URL'
  | 'PUBLIC_ORIGIN'
  | 'WEBHOOK_LOCAL_TARGETS'
  | 'WEBHOOK_RETRY_SECONDS'
  | 'WEBHOOK_PAUSE_AFTER_HOURS'
  | 'WEBHOOK_TIMEOUT_MS'
  | 'WEBHOOK_RESEND_AFTER_SECONDS'
>;

/** Whether plain http to loopback addresses is allowed: for a local machine only. */
export const localTargets = (env: PushSettings) => textSetting(env.WEBHOOK_LOCAL_TARGETS) === 'true';

/** Whether a webhook may be sent to `url` under these settings. */
export const checkTargetUnder = (env: PushSettings, url: string): Promise<TargetCheck> =>
  checkTarget(url, { localTargets: localTargets(env), resolve: resolveOverHttps });

/** Longest wait between two attempts: what Cloudflare Queues allows a retry to be delayed. */
const longestRetrySeconds = 12 * 60 * 60;

/** The wait before attempt `attempts + 1`: doubling from WEBHOOK_RETRY_SECONDS, capped. */
export function retryDelaySeconds(env: PushSettings, attempts: number): number {
  const first = wholeNumberSetting(env.WEBHOOK_RETRY_SECONDS, 30);
  return Math.min(longestRetrySeconds, first * 2 ** Math.max(0, attempts - 1));
}

/** How long a receiver or the hub has to answer an attempt. */
export const answerWithinMs = (env: PushSettings) => wholeNumberSetting(env.WEBHOOK_TIMEOUT_MS, 10_000);

/** How long a subscription may fail without a success before it is paused. */
export const pauseAfterMs = (env: PushSettings) =>
  wholeNumberSetting(env.WEBHOOK_PAUSE_AFTER_HOURS, 72) * 60 * 60 * 1000;

/**
 * Attempts at one delivery before it is given up on: the first and the 10 retries that
 * wrangler.toml's consumers allow (max_retries), counted by the registry, which outlives a
 * lost message.
 */
export const deliveryAttempts = 11;

/**
 * An answer slower than this puts its subscription on the slow lane, as a failure does, and
 * so does an attempt still waiting this long: half the time an attempt may wait, at most 2 s.
 */
export const slowAnswerMs = (env: PushSettings) => Math.min(2000, answerWithinMs(env) / 2);

/**
 * How long past its expected time a pending delivery waits before it is sent again: longer
 * than any queue keeps a message before its attempt, short enough that a lost one is not
 * lost for long.
 */
export const resendAfterMs = (env: PushSettings) =>
  wholeNumberSetting(env.WEBHOOK_RESEND_AFTER_SECONDS, 600) * 1000;
