// The longest text a draft takes (src/drafting/limits.ts) is a number of characters, and holds
// in every language and encoding: a Ukrainian text of exactly that many drafts through the API
// and through the desk's form, and so does one of characters outside the BMP sent at their
// most bytes (12 each: two \u escapes in JSON, four percent-encoded bytes in a form). One
// character more is refused as any field that is too long; a body beyond what the longest
// text needs is a 413.

import { describe, expect, it } from 'vitest';
import { draftBodyBytes, longestDraftText, mostDraftCandidates } from '../../src/drafting/limits.ts';
import { call, json, send } from '../support/api.ts';
import { postForm, signIn } from '../support/desk.ts';
import { testTokens } from '../support/tokens.ts';

const problemJson = 'application/problem+json; charset=utf-8';

/**
 * SYNTHETIC Ukrainian, exactly `characters` characters long, with no space at either end: a
 * sentence with a figure of its own after another, as a draft gives a repeated figure once.
 */
function ukrainian(characters: number): string {
  let text = '';
  for (let k = 1; text.length < characters; k++) text += `У селі залишилося майже ${k} мешканців. `;
  return `${text.slice(0, characters - 1)}ж`;
}

/** `characters` characters outside the BMP (an emoji is two UTF-16 units, four UTF-8 bytes). */
const outsideTheBmp = (characters: number) => '😀'.repeat(characters);

/** A draft's JSON body with every character of the text escaped as \uXXXX: its most bytes. */
function escapedBody(text: string): string {
  const escaped = Array.from(
    { length: text.length },
    (_, i) => `\\u${text.charCodeAt(i).toString(16).padStart(4, '0')}`,
  );
  return `{"text": "${escaped.join('')}", "language": "uk"}`;
}

const draftJson = (body: string) =>
  call('/api/v1/drafts', {
    method: 'POST',
    as: 'reporter',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('POST /api/v1/drafts at the longest text', () => {
  it('drafts a Ukrainian text of exactly the maximum of characters', async () => {
    const text = ukrainian(longestDraftText);
    expect(Array.from(text)).toHaveLength(longestDraftText);
    const response = await send('POST', '/api/v1/drafts', { text, language: 'uk' }, { as: 'reporter' });
    expect(response.status).toBe(200);
    const draft = await json(response);
    // Every sentence states a figure: the first are listed, the rest counted.
    expect(draft.candidates).toHaveLength(mostDraftCandidates);
    const sentences = text.match(/мешканців\./gu)?.length ?? 0;
    expect(sentences).toBeGreaterThan(mostDraftCandidates);
    expect(draft.candidates.length + draft.omitted).toBe(sentences);
    expect(draft.candidates[0].figure).toMatchObject({ indicator: 'population_remaining', value: 1 });
  });

  it('drafts the maximum of characters outside the BMP, each sent as two \\u escapes', async () => {
    const body = escapedBody(outsideTheBmp(longestDraftText));
    expect(body.length).toBeGreaterThan(12 * longestDraftText);
    const response = await draftJson(body);
    expect(response.status).toBe(200);
    expect((await json(response)).candidates).toEqual([]);
  });

  it('refuses one character more with 422 at /text, counted in characters', async () => {
    for (const text of [ukrainian(longestDraftText + 1), outsideTheBmp(longestDraftText + 1)]) {
      const response = await send('POST', '/api/v1/drafts', { text, language: 'uk' }, { as: 'reporter' });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe(problemJson);
      expect((await json(response)).errors).toContainEqual(
        expect.objectContaining({ pointer: '/text', rule: `at most ${longestDraftText} characters` }),
      );
    }
  });

  it('states the maximum in the OpenAPI document as maxLength, which JSON Schema counts in characters', async () => {
    const document = await json(await call('/api/v1/openapi.json'));
    expect(document.components.schemas.DraftInput.properties.text.maxLength).toBe(longestDraftText);
  });

  it('refuses a body beyond what the longest text needs with 413, before reading it', async () => {
    const response = await draftJson(`{"text": "${'x'.repeat(draftBodyBytes)}", "language": "en"}`);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe(problemJson);
  });
});

describe('the desk’s draft form at the longest text', () => {
  const draftForm = async (text: string) => {
    const { cookie, formToken } = await signIn(testTokens.reporter.token);
    return postForm(
      '/desk/drafts',
      { formToken, text, language: 'uk' },
      { origin: 'http://status.test', 'sec-fetch-site': 'same-origin', cookie },
    );
  };

  it('drafts a Ukrainian text of exactly the maximum of characters', async () => {
    const response = await draftForm(ukrainian(longestDraftText));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('action="/desk/reports/preview"');
    expect(html).toMatch(/name="population_remaining\.value"[^>]*value="1"/);
  });

  it('drafts the maximum of characters outside the BMP, each percent-encoded as 12 bytes', async () => {
    expect(new URLSearchParams({ text: outsideTheBmp(1) }).toString()).toBe(`text=${'%F0%9F%98%80'}`);
    const response = await draftForm(outsideTheBmp(longestDraftText));
    expect(response.status).toBe(200);
  });

  it('refuses one character more on the same page, with 422', async () => {
    const response = await draftForm(ukrainian(longestDraftText + 1));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(`Write at most ${longestDraftText} characters.`);
    expect(html).toContain('name="text"');
  });

  it('refuses a body beyond what the longest text needs with 413', async () => {
    const response = await draftForm('x'.repeat(draftBodyBytes));
    expect(response.status).toBe(413);
  });
});
