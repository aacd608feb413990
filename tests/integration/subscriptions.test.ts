// /api/v1/subscriptions: a token with the subscribe scope makes, lists, reads and deletes
// its own subscriptions; the secret is shown once; targets that could reach a private
// network are refused; nothing of it is cached. Delivery itself is tested in tests/push/.

import { describe, expect, it } from 'vitest';
import { call, json, send } from '../support/api.ts';

// A public address written as such, so no name is resolved; no report reaches this place,
// so nothing is ever sent to it.
const target = 'https://93.184.215.14/hooks/status';
const quiet = { places: ['subscriptions-nowhere'] };

const subscribe = (body: object, as: 'subscriber' | 'otherSubscriber' | 'reporter' = 'subscriber') =>
  send('POST', '/api/v1/subscriptions', body, { as });

describe('POST /api/v1/subscriptions', () => {
  it('answers 201 with the subscription, where it lives, and its signing secret', async () => {
    const response = await subscribe({
      url: target,
      description: 'SYNTHETIC dashboard',
      filters: { ...quiet, kinds: ['new'] },
      rule: { kind: 'rises_by_percent', indicators: ['civilian_deaths'], percent: 25 },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const created = await json(response);
    expect(response.headers.get('location')).toBe(`/api/v1/subscriptions/${created.id}`);
    expect(created).toMatchObject({
      id: expect.stringMatching(/^sub_[0-9A-Z]{26}$/),
      url: target,
      filters: { places: ['subscriptions-nowhere'], kinds: ['new'] },
      rule: { kind: 'rises_by_percent', percent: 25 },
      delivery: { state: 'active', deadLetters: 0 },
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  });

  it.each([
    ['http://93.184.215.14/hook', 'the target must be https'],
    ['https://10.0.0.7/hook', 'private'],
    ['https://127.0.0.1:8787/api', 'loopback'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://[fd00::1]/hook', 'unique local'],
    ['https://localhost/hook', 'local host'],
  ])('refuses %s with 422, naming the rule it breaks', async (url, words) => {
    const response = await subscribe({ url, filters: quiet });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const problem = await json(response);
    expect(problem.errors).toEqual([
      expect.objectContaining({ pointer: '/url', rule: 'public https target' }),
    ]);
    expect(problem.errors[0].detail).toContain(words);
  });

  it('refuses unknown fields, rules and indicators with 422', async () => {
    for (const body of [
      { url: target, secret: 'mine' },
      { url: target, rule: { kind: 'rises_by_percent', percent: 0 } },
      { url: target, rule: { kind: 'becomes_unavailable', indicators: ['civilian_deaths'] } },
      { url: target, filters: { kinds: ['edit'] } },
    ]) {
      expect((await subscribe(body)).status, JSON.stringify(body)).toBe(422);
    }
  });

  it('needs the subscribe scope: 401 without a token, 403 with another scope', async () => {
    expect((await send('POST', '/api/v1/subscriptions', { url: target })).status).toBe(401);
    expect((await subscribe({ url: target }, 'reporter')).status).toBe(403);
    expect((await call('/api/v1/subscriptions', { as: 'reporter' })).status).toBe(403);
  });
});

describe('a subscriber’s own subscriptions', () => {
  it('lists, shows and deletes only its own, never with the secret, and never cached', async () => {
    const mine = await json(await subscribe({ url: target, filters: quiet }));
    const theirs = await json(await subscribe({ url: target, filters: quiet }, 'otherSubscriber'));
    const list = await call('/api/v1/subscriptions', { as: 'subscriber' });
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.headers.get('etag')).toBeNull();
    const ids = (await json(list)).subscriptions.map((s: { id: string }) => s.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const one = await call(`/api/v1/subscriptions/${mine.id}`, { as: 'subscriber' });
    expect(one.headers.get('cache-control')).toBe('no-store');
    const shown = await json(one);
    expect(shown.id).toBe(mine.id);
    expect(shown.secret).toBeUndefined();
    expect(JSON.stringify(shown)).not.toContain(mine.secret.slice(6));
    expect((await call(`/api/v1/subscriptions/${theirs.id}`, { as: 'subscriber' })).status).toBe(404);
    const deleteTheirs = await call(`/api/v1/subscriptions/${theirs.id}`, {
      method: 'DELETE',
      as: 'subscriber',
    });
    expect(deleteTheirs.status).toBe(404);
    const deleted = await call(`/api/v1/subscriptions/${mine.id}`, { method: 'DELETE', as: 'subscriber' });
    expect(deleted.status).toBe(204);
    expect((await call(`/api/v1/subscriptions/${mine.id}`, { as: 'subscriber' })).status).toBe(404);
    expect((await call(`/api/v1/subscriptions/${theirs.id}`, { as: 'otherSubscriber' })).status).toBe(200);
  });

  it('answers 400 for an id that is not one', async () => {
    expect((await call('/api/v1/subscriptions/nope', { as: 'subscriber' })).status).toBe(400);
  });
});
