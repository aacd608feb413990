// Webhook subscriptions: what a subscriber asks to be told, what the service keeps of it,
// what it is sent (a Standard Webhooks event), and which changes match. Pure: the registry
// (src/push/registry.ts) holds the subscriptions and asks `matches`.

import * as z from 'zod';
import { change } from '../domain/changes.ts';
import { becameUnavailable, type FigureChange, figureChange, risePercent } from '../domain/figure-changes.ts';
import { subscriptionId } from '../domain/ids.ts';
import { type IndicatorId, indicatorIds, indicatorRegistry } from '../domain/indicators.ts';
import { report, slug, text, timestamp } from '../domain/model.ts';

export const changeKinds = ['new', 'correction', 'retraction'] as const;
export type ChangeKind = (typeof changeKinds)[number];

const idsOfKind = (kind: 'utility' | 'count') =>
  indicatorRegistry.filter((i) => i.kind === kind).map((i) => i.id) as [IndicatorId, ...IndicatorId[]];

export const subscriptionRule = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('becomes_unavailable'),
        indicators: z
          .array(z.enum(idsOfKind('utility')))
          .min(1)
          .optional()
          .meta({ description: 'The utilities watched; every utility when absent' }),
      })
      .meta({ description: 'A utility (electricity, gas, water) is now unavailable and was not before' }),
    z
      .strictObject({
        kind: z.literal('rises_by_percent'),
        indicators: z
          .array(z.enum(idsOfKind('count')))
          .min(1)
          .optional()
          .meta({ description: 'The counts watched; every count when absent' }),
        percent: z.number().gt(0).max(1_000_000).meta({ description: 'More than this many per cent' }),
      })
      .meta({
        description:
          'A count rises by more than `percent` per cent over the figure current before it (a rise from 0 always does); a first figure has nothing to rise from',
      }),
  ])
  .meta({
    id: 'SubscriptionRule',
    description:
      "Only changes whose report makes this happen to the place's current status; later corrections and retractions of a report that did are sent too",
  });
export type SubscriptionRule = z.infer<typeof subscriptionRule>;

export const subscriptionFilters = z
  .strictObject({
    places: z.array(slug).min(1).max(200).optional().meta({ description: 'Changes touching these places' }),
    indicators: z
      .array(z.enum(indicatorIds))
      .min(1)
      .optional()
      .meta({ description: 'Changes to reports that state one of these indicators' }),
    kinds: z.array(z.enum(changeKinds)).min(1).optional().meta({ description: 'These kinds of change' }),
  })
  .meta({ description: 'Every filter given must hold; a filter left out lets every change through' });
export type SubscriptionFilters = z.infer<typeof subscriptionFilters>;

export const subscriptionInput = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .meta({
        description: 'Where events are POSTed: https, and not to a private, loopback or link-local address',
        example: 'https://alerts.example.org/hooks/status',
      }),
    description: text(200).optional(),
    filters: subscriptionFilters.optional(),
    rule: subscriptionRule.optional(),
  })
  .meta({ id: 'SubscriptionInput' });
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

export const deliveryHealth = z
  .strictObject({
    state: z.enum(['active', 'paused']).meta({
      description:
        'paused: deliveries failed for longer than the service waits; nothing is sent until resumed',
    }),
    lastSuccess: timestamp.optional(),
    lastFailure: z
      .strictObject({ at: timestamp, reason: z.string().max(200) })
      .optional()
      .meta({ description: 'The last failed attempt and why (a status code, a timeout)' }),
    failingSince: timestamp.optional().meta({ description: 'The first failure since the last success' }),
    pausedAt: timestamp.optional(),
    deadLetters: z.int().min(0).meta({ description: 'Events given up on after the last retry' }),
  })
  .meta({ id: 'DeliveryHealth' });
export type DeliveryHealth = z.infer<typeof deliveryHealth>;

/** A subscription as its owner sees it: never its secret. */
export const subscription = z
  .strictObject({
    id: subscriptionId,
    url: z.string(),
    description: z.string().optional(),
    filters: subscriptionFilters,
    rule: subscriptionRule.optional(),
    created: timestamp,
    delivery: deliveryHealth,
  })
  .meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof subscription>;

/**
 * A subscription as the service keeps it: with its owner (the token's name), the origin it
 * was made at (its events link there) and the secret it is signed with.
 */
export const subscriptionRecord = subscription.extend({
  owner: z.string().min(1),
  origin: z.string(),
  secret: z.string().startsWith('whsec_'),
});
export type SubscriptionRecord = z.infer<typeof subscriptionRecord>;

export const createdSubscription = subscription
  .extend({
    secret: z.string().meta({
      description:
        'The signing secret (whsec_ and base64), shown this once: keep it to verify webhook-signature',
    }),
  })
  .meta({ id: 'CreatedSubscription' });
export type CreatedSubscription = z.infer<typeof createdSubscription>;

export const subscriptionList = z
  .strictObject({ subscriptions: z.array(subscription) })
  .meta({ id: 'SubscriptionList' });
export type SubscriptionList = z.infer<typeof subscriptionList>;

/** The event types, one per kind of change. */
export const eventTypeOf = (kind: ChangeKind) => `report.${kind}` as const;

export const webhookEvent = z
  .strictObject({
    type: z.enum(changeKinds.map(eventTypeOf) as [string, ...string[]]),
    timestamp: timestamp.meta({ description: 'When the change happened: the report accepted, or retracted' }),
    data: z.strictObject({
      subscription: subscriptionId,
      position: z.int().min(0).meta({ description: "The change's position in GET /api/v1/changes" }),
      change,
      report: report.optional().meta({
        description:
          'The report the change is about, as it was published; left out of an event that would be larger than 64 KB with it',
      }),
      figures: z.array(figureChange).optional().meta({
        description:
          "What the report changed in its place's current status: absent when not known (a change found by the repair)",
      }),
      links: z.strictObject({
        report: z.string().meta({ description: 'The report as JSON' }),
        place: z.string().meta({ description: "The place's current status as JSON" }),
        changes: z.string().meta({ description: 'The change log from this change on' }),
      }),
    }),
  })
  .meta({ id: 'WebhookEvent', description: 'The body of every webhook, signed per Standard Webhooks' });
export type WebhookEvent = z.infer<typeof webhookEvent>;

/** A change as the subscriptions are matched against it. */
export interface PushedChange {
  change: z.infer<typeof change>;
  /** The indicators of the report the change is about. */
  indicators: readonly IndicatorId[];
  figures?: readonly FigureChange[];
}

/** Whether `figures` meet the rule. */
export function meetsRule(rule: SubscriptionRule, figures: readonly FigureChange[]): boolean {
  const watched = (indicator: IndicatorId) =>
    !rule.indicators || rule.indicators.includes(indicator as never);
  return figures.some((figure) => {
    if (!watched(figure.indicator)) return false;
    if (rule.kind === 'becomes_unavailable') return becameUnavailable(figure);
    return (risePercent(figure) ?? 0) > rule.percent;
  });
}

/** The places a change touches: its own, and those of the reports whose state it changed. */
export const placesOf = (pushed: PushedChange) =>
  new Set([pushed.change.place, ...pushed.change.effects.map((e) => e.place)]);

/**
 * Whether a subscription is sent a change. `follows` says the change corrects or retracts a
 * report this subscription was sent for its rule: an alert is followed by what became of it.
 */
export function matches(
  wanted: { filters: SubscriptionFilters; rule?: SubscriptionRule },
  pushed: PushedChange,
  follows: boolean,
): boolean {
  const { places, indicators, kinds } = wanted.filters;
  if (kinds && !kinds.includes(pushed.change.kind)) return false;
  if (places) {
    const touched = placesOf(pushed);
    if (!places.some((place) => touched.has(place))) return false;
  }
  if (indicators && !pushed.indicators.some((i) => indicators.includes(i))) return false;
  if (!wanted.rule) return true;
  return follows || meetsRule(wanted.rule, pushed.figures ?? []);
}

/** The reports a change is about, whose later fate someone alerted of it is sent. */
export const reportsTouched = (pushed: PushedChange) => pushed.change.effects.map((e) => e.report);

/** How one attempt at a delivery fared, at the time it was made. */
export type Outcome = { ok: true; at: string } | { ok: false; at: string; reason: string };

/** A subscription's health after one more attempt. */
export function nextHealth(health: DeliveryHealth, outcome: Outcome, pauseAfter: number): DeliveryHealth {
  if (outcome.ok) {
    const { failingSince: _since, ...rest } = health;
    return { ...rest, lastSuccess: outcome.at };
  }
  const failingSince = health.failingSince ?? outcome.at;
  const failed = { ...health, failingSince, lastFailure: { at: outcome.at, reason: outcome.reason } };
  const tooLong = Date.parse(outcome.at) - Date.parse(failingSince) >= pauseAfter;
  return tooLong && health.state === 'active' ? { ...failed, state: 'paused', pausedAt: outcome.at } : failed;
}
