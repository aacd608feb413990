import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { placeKey } from '../../src/store/keys.ts';
import { call, json, send } from '../support/api.ts';
import { syntheticPlace, syntheticReport } from '../support/builders.ts';
import { manual, postForm, sameSite, signIn as signInWith } from '../support/desk.ts';
import { testTokens } from '../support/tokens.ts';

const signIn = async (token: string = testTokens.admin.token) => {
  const { cookie, formToken } = await signInWith(token);
  return { cookie, formToken };
};

/** A page of the desk, as a browser asks for it, with the session's cookie. */
const page = (path: string, cookie: string) =>
  call(path, { ...manual, headers: { cookie, accept: 'text/html' } });

/** A form posted from this site with the session's cookie. */
const postWith = (path: string, cookie: string, fields: Record<string, string>) =>
  postForm(path, fields, { ...sameSite, cookie, accept: 'text/html' });

let places = 0;
/** A slug of its own for each test: KV persists across the tests of a file. */
const aSlug = () => `desk-place-${++places}`;

/** The form's fields for a SYNTHETIC place, as an admin fills them in. */
function filledIn(formToken: string, slug?: string): Record<string, string> {
  return {
    formToken,
    ...(slug ? { slug } : {}),
    'names.en': 'Deskford (synthetic)',
    'names.nl': 'Deskvoort (synthetisch)',
    'names.uk': 'Дескфорд',
    'otherNames.0.language': 'ru',
    'otherNames.0.name': 'Дескфорд (ru)',
    'otherNames.1.language': '',
    'otherNames.1.name': '',
    'country.code': 'XX',
    'country.name': 'Synthetic country',
    'admin.1.name': 'Synthetic oblast',
    'admin.1.pcode': 'XX01',
    'admin.2.name': 'Synthetic raion',
    'admin.2.pcode': '',
    'coordinates.lat': '48.5953',
    'coordinates.lon': '38.0004',
  };
}

describe('places at the desk', () => {
  it('lists the places, each with a link to edit it, and is linked from the desk of an admin only', async () => {
    const slug = aSlug();
    expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
    const admin = await signIn();
    expect(await (await page('/desk', admin.cookie)).text()).toContain('<a href="/desk/places">Places</a>');
    const moderator = await signIn(testTokens.moderator.token);
    expect(await (await page('/desk', moderator.cookie)).text()).not.toContain('/desk/places');

    const list = await page('/desk/places', admin.cookie);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(list.headers.get('cache-control')).toBe('no-store');
    const html = await list.text();
    expect(html).toContain('<a href="/desk/places/new">New place</a>');
    expect(html).toContain(`<a href="/desk/places/${slug}">Edit \u2068Testville (synthetic)\u2069</a>`);
  });

  it('offers a form of a new place whose every control has a visible label, without script', async () => {
    const { cookie } = await signIn();
    const response = await page('/desk/places/new', cookie);
    expect(response.status).toBe(200);
    const form = await response.text();
    expect(form).toContain('<form method="post" action="/desk/places" class="desk-form">');
    expect(form).toContain('<label for="field-names-en">Name in English</label>');
    expect(form).toContain('<label for="field-names-uk">Name in Ukrainian</label>');
    expect(form).toContain('<legend>Level 4</legend>');
    expect(form).not.toMatch(/<script/i);
    const ids = [...form.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain('field-slug');
    expect(ids).toContain('field-otherNames-1-language');
    for (const id of ids) expect(form, id).toContain(`<label for="${id}">`);
  });

  it('creates a place from the form, which the API then shows, and opens its page', async () => {
    const slug = aSlug();
    const { cookie, formToken } = await signIn();
    const response = await postWith('/desk/places', cookie, filledIn(formToken, slug));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/places/${slug}`);
    const { place } = await json(await call(`/api/v1/places/${slug}`));
    expect(place).toEqual({
      slug,
      names: {
        en: 'Deskford (synthetic)',
        nl: 'Deskvoort (synthetisch)',
        uk: 'Дескфорд',
        ru: 'Дескфорд (ru)',
      },
      country: { code: 'XX', name: 'Synthetic country' },
      admin: [
        { level: 1, name: 'Synthetic oblast', pcode: 'XX01' },
        { level: 2, name: 'Synthetic raion' },
      ],
      coordinates: { lat: 48.5953, lon: 38.0004 },
    });
    expect((await call(`/places/${slug}`)).status).toBe(200);
  });

  it('reads coordinates written with a Dutch decimal comma', async () => {
    const slug = aSlug();
    const { cookie, formToken } = await signIn();
    const fields = { ...filledIn(formToken, slug), 'coordinates.lat': '48,5953', 'coordinates.lon': '-0,25' };
    expect((await postWith('/desk/places', cookie, fields)).status).toBe(303);
    const { place } = await json(await call(`/api/v1/places/${slug}`));
    expect(place.coordinates).toEqual({ lat: 48.5953, lon: -0.25 });
  });

  it('edits a place from a form prefilled with it, keeping its status and history', async () => {
    const slug = aSlug();
    expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
    const report = await json(
      await send('POST', '/api/v1/reports', syntheticReport(slug), { as: 'reporter' }),
    );
    const { cookie, formToken } = await signIn();
    const form = await (await page(`/desk/places/${slug}`, cookie)).text();
    expect(form).toContain(`action="/desk/places/${slug}"`);
    expect(form).toMatch(/id="field-names-en"[^>]*value="Testville \(synthetic\)"/);
    expect(form).toMatch(/id="field-admin-1-pcode"[^>]*value="XX01"/);
    expect(form).toMatch(/id="field-coordinates-lat"[^>]*value="10"/);
    expect(form).not.toContain('id="field-slug"');

    const renamed = {
      formToken,
      'names.en': 'Renamedville (synthetic)',
      'names.nl': 'Testdorp (synthetisch)',
      'country.code': 'XX',
      'country.name': 'Synthetic country',
      'admin.1.name': 'Synthetic oblast',
      'admin.1.pcode': 'XX01',
      'coordinates.lat': '10',
      'coordinates.lon': '20',
    };
    const response = await postWith(`/desk/places/${slug}`, cookie, renamed);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/places/${slug}`);
    const view = await json(await call(`/api/v1/places/${slug}`));
    expect(view.place.names).toEqual({ en: 'Renamedville (synthetic)', nl: 'Testdorp (synthetisch)' });
    expect(view.status.indicators.electricity.report).toBe(report.id);
    expect(view.reportCount).toBe(1);
    const history = await json(await call(`/api/v1/places/${slug}/reports`));
    expect(history.reports.map((r: { id: string }) => r.id)).toEqual([report.id]);
  });

  it('refuses a slug that exists, with a link to edit that place, and saves nothing over it', async () => {
    const slug = aSlug();
    expect((await send('PUT', `/api/v1/places/${slug}`, syntheticPlace(), { as: 'admin' })).status).toBe(201);
    const { cookie, formToken } = await signIn();
    const response = await postWith('/desk/places', cookie, filledIn(formToken, slug));
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toMatch(/id="field-slug"[^>]*aria-invalid="true"/);
    expect(html).toContain(
      `<span id="field-slug-problem">A place with the slug &quot;${slug}&quot; exists already; nothing was saved. <a href="/desk/places/${slug}">Edit that place instead</a></span>`,
    );
    // what was written is kept
    expect(html).toMatch(/id="field-names-en"[^>]*value="Deskford \(synthetic\)"/);
    const { place } = await json(await call(`/api/v1/places/${slug}`));
    expect(place.names.en).toBe('Testville (synthetic)');
  });

  it('shows each problem beside its field, with 422, and saves nothing', async () => {
    const slug = aSlug();
    const { cookie, formToken } = await signIn();
    const fields = {
      ...filledIn(formToken, slug),
      'names.en': '',
      'country.code': 'ukr',
      'otherNames.1.name': 'A name without its language',
      'admin.3.pcode': 'XX0101',
      'coordinates.lat': 'north',
    };
    const response = await postWith('/desk/places', cookie, fields);
    expect(response.status).toBe(422);
    const html = await response.text();
    const problem = (id: string) =>
      new RegExp(`id="${id}-problem">([^<]*)</span>`).exec(html)?.[1]?.replaceAll('&quot;', '"');
    expect(html).toMatch(/id="field-country-code"[^>]*aria-invalid="true"/);
    expect(problem('field-country-code')).toBe('Write the country’s two-letter code, such as "UA".');
    expect(problem('field-names-en')).toBe(
      'Write the place’s name in English: it is the one name every place must have.',
    );
    expect(problem('field-otherNames-1-language')).toBe('This field is required: write a value for it.');
    expect(problem('field-admin-3-name')).toBe('This field is required: write a value for it.');
    expect(problem('field-coordinates-lat')).toMatch(/^Write a number/);
    expect(html).toContain('This place cannot be saved yet');
    // the summary above the form links to each field with its problem
    expect(html).toContain(
      '<li><a href="#field-country-code">Country code (two letters, such as &quot;UA&quot;): Write the country’s two-letter code, such as &quot;UA&quot;.</a></li>',
    );
    expect(html).toContain('<a href="#field-admin-3-name">Level 3 — Name: This field is required');
    expect((await env.STATUS_KV.list({ prefix: placeKey(slug) })).keys).toHaveLength(0);

    const badSlug = await postWith('/desk/places', cookie, filledIn(formToken, 'Not A Slug'));
    expect(badSlug.status).toBe(422);
    expect(/id="field-slug-problem">([^<]*)</.exec(await badSlug.text())?.[1]).toBe(
      'This must be 1-64 characters of a-z, 0-9 and -.',
    );
  });

  it('speaks Dutch with ?lang=nl: its words, its problems and the page it opens', async () => {
    const slug = aSlug();
    const { cookie, formToken } = await signIn();
    const form = await (await page('/desk/places/new?lang=nl', cookie)).text();
    expect(form).toContain('<html lang="nl"');
    expect(form).toContain('<label for="field-names-en">Naam in het Engels</label>');
    expect(form).toContain('<label for="field-coordinates-lat">Breedtegraad</label>');
    expect(form).toContain('action="/desk/places?lang=nl"');
    const refused = await postWith('/desk/places?lang=nl', cookie, {
      ...filledIn(formToken, slug),
      'country.code': 'ukr',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Deze plaats kan nog niet worden opgeslagen');
    expect(html).toContain('Schrijf de landcode van twee letters, zoals &quot;UA&quot;.');
    const created = await postWith('/desk/places?lang=nl', cookie, filledIn(formToken, slug));
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe(`/places/${slug}?lang=nl`);
  });

  it('is refused, 403, to a token without the admin scope and to a form without the form token', async () => {
    const slug = aSlug();
    const reporter = await signIn(testTokens.reporter.token);
    const list = await page('/desk/places', reporter.cookie);
    expect(list.status).toBe(403);
    expect(await list.text()).toContain('This token may not create or edit places.');
    const posted = await postWith('/desk/places', reporter.cookie, filledIn(reporter.formToken, slug));
    expect(posted.status).toBe(403);

    const admin = await signIn();
    const { formToken: _, ...withoutToken } = filledIn(admin.formToken, slug);
    const forged = await postWith('/desk/places', admin.cookie, withoutToken);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('This form is from an earlier session, or from another site.');
    expect((await env.STATUS_KV.list({ prefix: placeKey(slug) })).keys).toHaveLength(0);
  });

  it('answers the edit of a place that does not exist with a 404 page, and creates nothing', async () => {
    const slug = aSlug();
    const { cookie, formToken } = await signIn();
    const response = await page(`/desk/places/${slug}`, cookie);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const posted = await postWith(`/desk/places/${slug}`, cookie, filledIn(formToken));
    expect(posted.status).toBe(404);
    expect((await env.STATUS_KV.list({ prefix: placeKey(slug) })).keys).toHaveLength(0);
  });
});
