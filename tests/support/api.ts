// Requests to the Worker under test, through its real fetch handler in workerd.

import { exports } from 'cloudflare:workers';
import { testTokens } from './tokens.ts';

export const origin = 'http://status.test';
type Role = keyof typeof testTokens;

export function call(path: string, init: RequestInit & { as?: Role } = {}): Promise<Response> {
  const { as, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (as) headers.set('authorization', `Bearer ${testTokens[as].token}`);
  return exports.default.fetch(new Request(new URL(path, origin), { ...rest, headers }));
}

export function send(method: string, path: string, body: unknown, init: RequestInit & { as?: Role } = {}) {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return call(path, { ...init, method, headers, body: JSON.stringify(body) });
}

export async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
