// Webhook subscriptions, as their owners manage them: made only for a target the service
// may send to, and each owner sees and deletes only their own.

import { InvalidBody, NotFound } from '../problems.ts';
import type { Writers } from '../writers/stubs.ts';
import type { CreatedSubscription, SubscriptionInput } from './model.ts';
import { checkTargetUnder, type PushSettings } from './settings.ts';

export async function createSubscription(
  writers: Writers,
  env: PushSettings,
  owner: string,
  input: SubscriptionInput,
  origin: string,
): Promise<CreatedSubscription> {
  const target = await checkTargetUnder(env, input.url);
  if (!target.ok) {
    throw new InvalidBody([
      {
        pointer: '/url',
        rule: 'public https target',
        detail: `the target ${target.reason}: webhooks go only to https URLs of public hosts`,
      },
    ]);
  }
  return writers.subscriptions().create(owner, { ...input, url: target.url.href }, origin);
}

export const noSubscription = (id: string) => new NotFound(`no subscription "${id}" of this token`);
