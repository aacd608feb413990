// WebSub: the subscription feeds read at the public origin name the hub, and each feed whose
// content a change alters is announced to it once, from the queue. The hub is the receiver's
// /hub path (tests/push/receiver.ts). SYNTHETIC places and numbers.

import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { createPlace, postReport } from '../support/seed-api.ts';
import { answerAt, type Received, receivedAt, settle, waitUntil } from './receiver-client.ts';

const topicsOf = (pings: readonly Received[]) =>
  pings.map((p) => {
    const form = new URLSearchParams(p.body);
    expect(form.get('hub.mode')).toBe('publish');
    expect(p.headers['content-type']).toBe('application/x-www-form-urlencoded');
    return form.get('hub.url');
  });

const feeds = (slug: string) =>
  ['atom', 'rss', 'json'].map((f) => `http://status.test/feeds/places/${slug}.${f}`);
const allFeeds = ['atom', 'rss', 'json'].map((f) => `http://status.test/feeds/all.${f}`);

/** The pings since `before`, once `count` more have come and the queue has had time to send more. */
async function pingsAfter(before: number, count: number): Promise<(string | null)[]> {
  await waitUntil('/hub', (r) => r.length >= before + count);
  await settle();
  return topicsOf((await receivedAt('/hub')).slice(before));
}

describe('WebSub', () => {
  it('names the hub beside the self link in every format of a subscription feed at the public origin', async () => {
    await createPlace('websub-links');
    await postReport(syntheticReport('websub-links'));
    const hub = `${env.RECEIVER}/hub`;
    for (const path of ['/feeds/all', '/feeds/places/websub-links']) {
      const atom = await (await call(`${path}.atom`)).text();
      expect(atom).toContain(`<link rel="hub" href="${hub}"/>`);
      const rss = await (await call(`${path}.rss`)).text();
      expect(rss).toContain(`<atom:link href="${hub}" rel="hub"/>`);
      const jsonFeed = await (await call(`${path}.json`)).json<{ hubs: unknown }>();
      expect(jsonFeed.hubs).toEqual([{ type: 'WebSub', url: hub }]);
    }
  });

  it('names no hub in an archive page, a filtered feed, or a feed read at another origin', async () => {
    await createPlace('websub-none');
    await postReport(syntheticReport('websub-none'));
    const atomAt = async (url: string) => (await exports.default.fetch(new Request(url))).text();
    expect(await atomAt('http://elsewhere.test/feeds/places/websub-none.atom')).not.toContain('rel="hub"');
    expect(
      await atomAt('http://status.test/feeds/places/websub-none.atom?indicator=electricity'),
    ).not.toContain('rel="hub"');
    expect(await atomAt('http://status.test/feeds/places/websub-none.atom?limit=1')).not.toContain(
      'rel="hub"',
    );
    const twice = await postReport(syntheticReport('websub-none'));
    expect(twice.id).toBeDefined();
    const feed = await atomAt('http://status.test/feeds/places/websub-none.atom?limit=1');
    const archive = /rel="prev-archive"[^>]*href="([^"]+)"/.exec(feed)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(archive).toContain('cursor=');
    expect(await atomAt(archive)).not.toContain('rel="hub"');
  });

  it('tells the hub once of each feed a new report changes: its place, and all places, in every format', async () => {
    await createPlace('websub-ping');
    await createPlace('websub-quiet');
    await postReport(syntheticReport('websub-quiet'));
    await settle();
    const before = (await receivedAt('/hub')).length;
    await postReport(syntheticReport('websub-ping'));
    const topics = await pingsAfter(before, 6);
    expect(topics.sort()).toEqual([...feeds('websub-ping'), ...allFeeds].sort());
    expect(topics).not.toContain(feeds('websub-quiet')[0]);
  });

  it('answers the write at once while the hub fails, and tells the hub again until it takes the ping', async () => {
    await createPlace('websub-failing');
    await settle();
    const before = (await receivedAt('/hub')).length;
    await answerAt('/hub', { status: 503 });
    try {
      const started = Date.now();
      await postReport(syntheticReport('websub-failing'));
      expect(Date.now() - started).toBeLessThan(2000);
      const topic = feeds('websub-failing')[0];
      const pings = async () => topicsOf((await receivedAt('/hub')).slice(before)).filter((t) => t === topic);
      for (let deadline = Date.now() + 20_000; (await pings()).length < 2; ) {
        if (Date.now() > deadline) throw new Error('the hub was not told again');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await answerAt('/hub', {});
    }
  });
});
