// The body of a webhook: one change, as a Standard Webhooks event ({type, timestamp, data}),
// with the report it is about and links at the origin the subscription was made at.

import { encodeChangeCursor } from '../cursors/changes.ts';
import type { Report } from '../domain/model.ts';
import { reportJsonUrl } from '../render/site.ts';
import type { ChangeMessage } from '../writers/push-messages.ts';
import { eventTypeOf, type WebhookEvent } from './model.ts';

/** The largest body sent: receivers should not have to take more for one change. */
export const largestEventBytes = 64 * 1024;

export function webhookEventOf(
  message: ChangeMessage,
  report: Report,
  recipient: { id: string; origin: string },
): string {
  const { change, position, figures } = message;
  const { origin } = recipient;
  const event = (withReport: boolean): WebhookEvent => ({
    type: eventTypeOf(change.kind),
    timestamp: change.at,
    data: {
      subscription: recipient.id,
      position,
      change,
      ...(withReport ? { report } : {}),
      ...(figures ? { figures } : {}),
      links: {
        report: reportJsonUrl(origin, change.report),
        place: `${origin}/api/v1/places/${change.place}`,
        changes: `${origin}/api/v1/changes?after=${encodeChangeCursor(position)}`,
      },
    },
  });
  const whole = JSON.stringify(event(true));
  return new TextEncoder().encode(whole).length <= largestEventBytes ? whole : JSON.stringify(event(false));
}

/** The webhook-id of a change sent to a subscription: the same however often it is sent. */
export const webhookIdOf = (position: number, subscription: string) => `msg_${position}_${subscription}`;
