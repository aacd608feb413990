import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { ChangeList } from '../../src/domain/changes.ts';
import worker from '../../src/index.ts';
import { historyKey } from '../../src/store/keys.ts';
import { StatusStore } from '../../src/store/status-store.ts';
import { call, json, origin, send } from '../support/api.ts';
import { syntheticReport } from '../support/builders.ts';
import { countingKv } from '../support/counting-kv.ts';
import { manual, postForm, sameSite, signIn } from '../support/desk.ts';
import { correct, createPlace, postReport } from '../support/seed-api.ts';
import { testTokens } from '../support/tokens.ts';

const store = new StatusStore(env.STATUS_KV);

let places = 0;
async function aPlace(): Promise<string> {
  const slug = `ways-in-${++places}`;
  await createPlace(slug);
  return slug;
}

async function deskHome(cookie: string, query = ''): Promise<string> {
  const response = await call(`/desk${query}`, { ...manual, headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The Worker as an operator who chose to name who published each report configures it. */
async function withPublishersShown(path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const shown = { ...env, PUBLISHED_BY_PUBLIC: 'true' } as unknown as Env;
  const response = await worker.fetch(new Request(new URL(path, origin)), shown, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** A section of a desk page, from its heading to the next section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('who published', () => {
  it('is recorded with every report, correction and retraction, by the token’s name, and shown at the desk', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    expect((await store.getPublishedReport(report.id))?.publishedBy).toBe('reporter');
    const correctionId = await correct(report.id, { verification: 'corroborated' });
    expect((await store.getPublishedReport(correctionId))?.publishedBy).toBe('moderator');

    const { cookie, formToken } = await signIn(testTokens.admin.token);
    const retracted = await postForm(
      `/desk/reports/${correctionId}/retraction`,
      { formToken, reason: 'SYNTHETIC: withdrawn at the desk' },
      { ...sameSite, cookie },
    );
    expect(retracted.status).toBe(303);
    expect((await store.getPublishedRetraction(correctionId))?.publishedBy).toBe('admin');

    const moderator = await signIn();
    const page = await call(`/desk/reports/${correctionId}`, { headers: { cookie: moderator.cookie } });
    const html = await page.text();
    expect(html).toContain('<dt>Published by</dt><dd><bdi>moderator</bdi></dd>');
    expect(html).toContain('<dt>Retracted by</dt><dd><bdi>admin</bdi></dd>');
    const dutch = await call(`/desk/reports/${report.id}?lang=nl`, { headers: { cookie: moderator.cookie } });
    expect(await dutch.text()).toContain('<dt>Gepubliceerd door</dt><dd><bdi>reporter</bdi></dd>');
  });

  it('is in no public output by default: the stored fact, the JSON, the page, the feeds, the exports, the change log', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    await correct(report.id, { verification: 'verified' });
    // The report is stored as it was before who published was recorded, the name beside it.
    const stored = JSON.parse((await env.STATUS_KV.get(historyKey(report.id))) ?? '{}');
    expect(stored.publishedBy).toBe('reporter');
    expect(JSON.stringify(stored.report)).not.toContain('reporter');
    const paths = [
      `/api/v1/reports/${report.id}`,
      '/api/v1/reports',
      `/api/v1/places/${slug}/reports`,
      `/reports/${report.id}`,
      `/places/${slug}`,
      `/feeds/places/${slug}.json`,
      `/feeds/places/${slug}.atom`,
      `/feeds/places/${slug}.rss`,
      '/feeds/all.json',
      '/exports/status.csv',
      '/exports/status.geojson',
      '/api/v1/changes',
    ];
    for (const path of paths) {
      const response = await call(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).not.toContain('publishedBy');
      expect(body, path).not.toContain('Published by');
      expect(body, path).not.toMatch(/\bmoderator\b/);
    }
    const view = await json(await call(`/api/v1/reports/${report.id}`));
    expect(view.publishedBy).toBeUndefined();
  });

  it('is named in the report’s JSON and on its page when the operator turns PUBLISHED_BY_PUBLIC on', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    const retraction = await send(
      'POST',
      `/api/v1/reports/${report.id}/retraction`,
      { reason: 'SYNTHETIC: withdrawn' },
      { as: 'moderator' },
    );
    expect(retraction.status).toBe(201);
    const view = await json(await withPublishersShown(`/api/v1/reports/${report.id}`));
    expect(view.publishedBy).toBe('reporter');
    expect(view.retraction.publishedBy).toBe('moderator');
    const page = await (await withPublishersShown(`/reports/${report.id}`)).text();
    expect(page).toContain('Published by <bdi>reporter</bdi>');
  });
});

describe('who published, in the change log', () => {
  it('costs no KV write: a named token’s report is one write, the report with its index entry', async () => {
    const slug = await aPlace();
    const { binding, counts } = countingKv(env.STATUS_KV);
    const ctx = createExecutionContext();
    const request = new Request(new URL('/api/v1/reports', origin), {
      method: 'POST',
      headers: { authorization: `Bearer ${testTokens.reporter.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(syntheticReport(slug)),
    });
    const response = await worker.fetch(request, { ...env, STATUS_KV: binding }, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(201);
    const { id } = await json<{ id: string }>(response);
    expect(counts.put).toBe(1);
    expect((await store.getPublishedReport(id))?.publishedBy).toBe('reporter');
    const { cookie } = await signIn(testTokens.reporter.token);
    expect(section(await deskHome(cookie), 'own-reports')).toContain(`<a href="/reports/${id}">`);
  });

  /** Every change of the public log, read as the operator configured it. */
  async function everyChange(read: (path: string) => Promise<Response>): Promise<ChangeList['changes']> {
    const changes: ChangeList['changes'] = [];
    let path = '/api/v1/changes';
    for (let asked = 0; asked < 200; asked++) {
      const page = await json<ChangeList>(await read(path));
      if (page.changes.length === 0) return changes;
      changes.push(...page.changes);
      path = `/api/v1/changes?after=${page.nextCursor}`;
    }
    throw new Error('the log never ended');
  }

  it('names who made each change at the desk, and in the public log only when the operator chooses', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    const correctionId = await correct(report.id, { verification: 'corroborated' });
    const admin = await signIn(testTokens.admin.token);
    const retracted = await postForm(
      `/desk/reports/${correctionId}/retraction`,
      { formToken: admin.formToken, reason: 'SYNTHETIC: withdrawn at the desk' },
      { ...sameSite, cookie: admin.cookie },
    );
    expect(retracted.status).toBe(303);

    const shown = await everyChange(withPublishersShown);
    const ofThese = shown.filter((c) => [report.id, correctionId].includes(c.report));
    expect(ofThese.map((c) => [c.kind, c.publishedBy])).toEqual([
      ['new', 'reporter'],
      ['correction', 'moderator'],
      ['retraction', 'admin'],
    ]);
    const hidden = await everyChange((path) => call(path));
    expect(hidden.length).toBeGreaterThanOrEqual(shown.length);
    expect(hidden.filter((c) => c.publishedBy !== undefined)).toEqual([]);

    const latest = section(await deskHome(admin.cookie), 'latest-changes');
    expect(latest).toContain('<h2 id="latest-changes">Latest changes</h2>');
    // Newest first, each with who made it and, for a writer who may moderate, its desk page.
    const items = latest.split('<li>').slice(1, 4);
    expect(items.map((li) => li.match(/">(\w[\w ]*):/)?.[1])).toEqual([
      'Withdrawal',
      'Correction',
      'New report',
    ]);
    expect(items.map((li) => li.match(/by <bdi>(\w+)<\/bdi>/)?.[1])).toEqual([
      'admin',
      'moderator',
      'reporter',
    ]);
    expect(items[1]).toContain(`href="/desk/reports/${correctionId}"`);
    expect(items[2]).toContain(`href="/reports/${report.id}"`);
    const dutch = section(await deskHome(admin.cookie, '?lang=nl'), 'latest-changes');
    expect(dutch).toContain('door <bdi>admin</bdi>');
  });
});

describe('the desk’s home', () => {
  it('lists the newest reports of every writer and the writer’s own, each linked to its public page', async () => {
    const slug = await aPlace();
    const own = await postReport(syntheticReport(slug, { observed: '2026-03-01' }));
    const byOther = await send('POST', '/api/v1/reports', syntheticReport(await aPlace()), {
      as: 'moderator',
    });
    expect(byOther.status).toBe(201);
    const other: { id: string } = await json(byOther);
    const { cookie } = await signIn(testTokens.reporter.token);
    const html = await deskHome(cookie);
    const ownList = section(html, 'own-reports');
    expect(ownList).toContain('<h2 id="own-reports">Your newest reports</h2>');
    expect(ownList).toContain(`<a href="/reports/${own.id}">${slug} (synthetic), observed 1 March 2026`);
    expect(ownList).not.toContain(other.id);
    const newest = section(html, 'newest-reports');
    expect(newest).toContain(`<a href="/reports/${own.id}">`);
    expect(newest).toContain(`<a href="/reports/${other.id}">`);
    expect(newest.indexOf(other.id)).toBeLessThan(newest.indexOf(own.id));
    // A reporter cannot moderate, so no report's page at the desk is offered.
    expect(html).not.toContain('/desk/reports/0');
  });

  it('links each report to its page at the desk for a moderator, and names a correction later made of it', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    const correctionId = await correct(report.id, { verification: 'verified' });
    const html = await deskHome((await signIn()).cookie);
    const own = section(html, 'own-reports');
    expect(own).toContain(`<a href="/desk/reports/${correctionId}">at the desk</a>`);
    const newest = section(html, 'newest-reports');
    expect(newest).toContain(`<a href="/desk/reports/${report.id}">at the desk</a>`);
    expect(newest).toMatch(new RegExp(`${report.id}">[^<]+</a> \\(corrected since\\)`));
  });

  it('says so when a writer has published nothing yet, in the reader’s language', async () => {
    const { cookie } = await signIn(testTokens.admin.token);
    const html = await (await call('/desk?lang=nl', { ...manual, headers: { cookie } })).text();
    expect(section(html, 'own-reports')).toContain('U hebt nog geen melding gepubliceerd.');
  });

  it('links to writing, drafting and importing for a writer, and to the places for an admin only', async () => {
    const reporter = await deskHome((await signIn(testTokens.reporter.token)).cookie);
    expect(reporter).toContain('<a href="/desk/reports/new">');
    expect(reporter).toContain('<a href="/desk/drafts">');
    expect(reporter).toContain('<a href="/desk/import">Import a spreadsheet</a>');
    expect(reporter).not.toContain('<a href="/desk/places">');
    const admin = await deskHome((await signIn(testTokens.admin.token)).cookie);
    expect(admin).toContain('<a href="/desk/places">');
  });
});

describe('ways in from the public pages', () => {
  it('gives every public page a footer that links to the feeds, the exports and the API reference, each of which answers', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    const links = [
      '/feeds/all.atom',
      '/feeds/all.rss',
      '/feeds/all.json',
      '/feeds.opml',
      '/exports/status.csv',
      '/exports/status.geojson',
      '/exports/places.csv',
      '/docs',
    ];
    for (const path of ['/', `/places/${slug}`, `/reports/${report.id}`, '/?lang=nl']) {
      const html = await (await call(path)).text();
      const footer = html.slice(html.indexOf('<footer'));
      for (const link of links) expect(footer, `${path} → ${link}`).toContain(`href="${origin}${link}"`);
    }
    const dutch = await (await call('/?lang=nl')).text();
    expect(dutch).toContain('<nav aria-label="Open data">');
    expect(dutch).toContain('API-documentatie');
    for (const link of links) expect((await call(link)).status, link).toBe(200);
  });

  it('links each report on a place’s page and a report’s page to its page at the desk for a signed-in writer alone', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    const deskLink = `<p class="desk-link"><a href="${origin}/desk/reports/${report.id}">This report at the desk</a></p>`;
    const reader = {
      place: await (await call(`/places/${slug}`)).text(),
      report: await (await call(`/reports/${report.id}`)).text(),
    };
    expect(reader.place).toContain(`id="report-${report.id}"`);
    expect(reader.place).not.toContain('/desk/');
    expect(reader.report).not.toContain('/desk/');

    const { cookie, formToken } = await signIn();
    const writer = {
      place: await (await call(`/places/${slug}`, { headers: { cookie } })).text(),
      report: await (await call(`/reports/${report.id}`, { headers: { cookie } })).text(),
    };
    expect(writer.place).toContain(deskLink);
    expect(writer.report).toContain(`<a href="/desk/reports/${report.id}">`);
    expect((await call(`/desk/reports/${report.id}`, { headers: { cookie } })).status).toBe(200);
    // The marker grants nothing: without the session the desk sends the reader to sign in.
    const markedOnly = await call(`/desk/reports/${report.id}`, {
      ...manual,
      headers: { cookie: 'desk_writer=1' },
    });
    expect(markedOnly.status).toBe(303);
    expect(markedOnly.headers.get('location')).toBe('/desk/sign-in');

    // Signing out takes the marker away with the session.
    const out = await postForm('/desk/sign-out', { formToken }, { ...sameSite, cookie });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(/^desk_writer=; Max-Age=0; Path=\//),
    );
  });

  it('answers a writer’s page privately and every other reader with the one public answer', async () => {
    const slug = await aPlace();
    const report = await postReport(syntheticReport(slug));
    const { cookie } = await signIn();
    for (const path of [`/places/${slug}`, `/reports/${report.id}`]) {
      const anonymous = await call(path);
      const writer = await call(path, { headers: { cookie } });
      expect(anonymous.headers.get('cache-control'), path).toBe('public, max-age=60');
      expect(anonymous.headers.get('vary'), path).toBe('Accept-Language, Cookie');
      expect(writer.headers.get('cache-control'), path).toBe('private, no-cache');
      expect(writer.headers.get('etag'), path).not.toBe(anonymous.headers.get('etag'));
      // The session cookie alone (which a browser sends only under /desk) changes nothing.
      const session = cookie.split('; ')[0] ?? '';
      const withSession = await call(path, { headers: { cookie: session } });
      expect(withSession.headers.get('cache-control'), path).toBe('public, max-age=60');
      expect(await withSession.text(), path).toBe(await anonymous.text());
    }
  });
});
