// The public Worker hands every request under /desk to the desk's Worker through its DESK
// binding: reads as they came, a write's body read first, up to the most a desk request
// carries, and refused past it with the headers every answer has.

import { describe, expect, it } from 'vitest';
import { deskRequestBytes, writeBodyBytes } from '../../src/http/body-limit.ts';
import { call } from '../support/api.ts';
import { manual, sameSite } from '../support/desk.ts';

const form = (bytes: number): RequestInit => ({
  ...manual,
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...sameSite },
  body: `text=${'a'.repeat(bytes)}`,
});

describe('the desk’s binding', () => {
  it('hands a page of the desk to the desk’s Worker, which answers it whole', async () => {
    const response = await call('/desk/sign-in');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('name="token"');
  });

  it('refuses a body past the most a desk request carries, before the desk’s Worker sees it', async () => {
    const response = await call('/desk/reports/preview', form(deskRequestBytes + 1));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    // The desk's Worker, which names every answer it gives, did not give this one.
    expect(response.headers.get('x-request-id')).toBeNull();
  });

  it('leaves a form’s own, smaller limit to the desk’s Worker', async () => {
    const response = await call('/desk/reports/preview', form(writeBodyBytes + 1));
    expect(response.status).toBe(413);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});
