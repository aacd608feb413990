// Bearer-token authentication with scopes. The API_TOKENS secret holds SHA-256 hashes of
// the tokens, never the tokens; a presented token is hashed and compared against every
// hash in constant time, so timing reveals neither which token nor how much matched.

import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { Forbidden, Unauthenticated } from '../problems.ts';
import type { AppEnv } from './app-env.ts';
import { type Principal, type Scope, scopes } from './principal.ts';

/** What the desk's pages are for: subscribing to webhooks is done through the API alone. */
export const deskScopes = ['report', 'moderate', 'admin'] as const satisfies readonly Scope[];
export type DeskScope = (typeof deskScopes)[number];
export const isDeskScope = (scope: Scope): scope is DeskScope =>
  (deskScopes as readonly Scope[]).includes(scope);

const tokenRegistry = z.array(
  z.strictObject({
    name: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    scopes: z.array(z.enum(scopes)),
  }),
);

interface RegisteredToken extends Principal {
  hash: Uint8Array;
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
}

let parsed: { source: string; tokens: RegisteredToken[] } | undefined;

/** Parses the secret once per isolate; a malformed secret fails closed with no tokens. */
function registeredTokens(secret: string | undefined): RegisteredToken[] {
  const source = secret ?? '';
  if (parsed?.source !== source) {
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch {
      json = undefined;
    }
    const result = tokenRegistry.safeParse(json);
    if (!result.success)
      console.error(JSON.stringify({ level: 'error', message: 'API_TOKENS is not a valid token registry' }));
    const tokens = result.success
      ? result.data.map((t) => ({ name: t.name, scopes: t.scopes, hash: hexToBytes(t.sha256) }))
      : [];
    parsed = { source, tokens };
  }
  return parsed.tokens;
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

async function identify(
  presented: string,
  tokens: readonly RegisteredToken[],
): Promise<Principal | undefined> {
  const hash = await sha256(presented);
  let match: RegisteredToken | undefined;
  // Every hash is compared, with no early exit, so the time taken does not depend on which matched.
  for (const token of tokens) {
    if (crypto.subtle.timingSafeEqual(hash, token.hash)) match = token;
  }
  return match && { name: match.name, scopes: match.scopes };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([\x21-\x7E]{1,512})$/.exec(header ?? '');
  return match?.[1];
}

/** Requires a bearer token with the given scope; 401 without a known token, 403 without the scope. */
export function requireScope(scope: Scope): MiddlewareHandler<AppEnv> {
  return async function requireScopeMiddleware(c, next) {
    const presented = bearerToken(c.req.header('authorization'));
    const principal = await identify(presented ?? '', registeredTokens(c.env.API_TOKENS));
    if (presented === undefined || !principal) throw new Unauthenticated();
    if (!principal.scopes.includes(scope)) throw new Forbidden(scope);
    c.set('principal', principal);
    await next();
  };
}

/** Who a token, typed into the desk's sign-in form, belongs to; undefined for an unknown one. */
export function principalOfToken(token: string, secret: string | undefined): Promise<Principal | undefined> {
  return identify(token, registeredTokens(secret));
}
