// Webhook subscriptions, as their owners manage them: made only for a target the service
// may send to, and each owner sees and deletes only their own.

import { InvalidBody, NotFound } from '../problems.ts';
import type { CreatedSubscription, SubscriptionInput } from './model.ts';
import { registryOf } from './registry.ts';
import { checkTargetUnder, type PushSettings } from './settings.ts';

export async function createSubscription(
  env: PushSettings & Pick<Env, 'SUBSCRIPTIONS'>,
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
  return registryOf(env).create(owner, { ...input, url: target.url.href }, origin);
}

export const noSubscription = (id: string) => new NotFound(`no subscription "${id}" of this token`);
