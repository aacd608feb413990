// Bearer-token authentication with scopes. The API_TOKENS secret holds SHA-256 hashes of
// the tokens, never the tokens; a presented token is hashed and compared against every
// hash in constant time, so timing reveals neither which token nor how much matched. A
// token that is none of them may be a person's own credential, from the account registry
// (src/writers/account-registry.ts), which compares the same way and makes guessing wait.

import type { MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { hex, hexToBytes } from '../encoding.ts';
import { Forbidden, TooManyAttempts, Unauthenticated } from '../problems.ts';
import { accountRegistry } from '../writers/account-registry.ts';
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

function identify(hash: Uint8Array, tokens: readonly RegisteredToken[]): Principal | undefined {
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
    if (presented === undefined) throw new Unauthenticated();
    const principal = await principalOfToken(presented, c.env, clientOf(c.req.raw));
    if (!principal) throw new Unauthenticated();
    if (!principal.scopes.includes(scope)) throw new Forbidden(scope);
    c.set('principal', principal);
    await next();
  };
}

/** Who is guessing, for the limit on wrong secrets: the address Cloudflare saw. */
export const clientOf = (request: Request) => request.headers.get('cf-connecting-ip') ?? 'unknown';

/**
 * Who a token (a bearer token, or one typed into the desk's sign-in form) belongs to: a token
 * of API_TOKENS or a person's active credential; undefined for an unknown one. Throws
 * TooManyAttempts while `client`, or this very token, must wait after wrong ones.
 */
export async function principalOfToken(
  token: string,
  env: Pick<Env, 'API_TOKENS' | 'ACCOUNTS'>,
  client: string,
): Promise<Principal | undefined> {
  const hash = await sha256(token);
  const registry = accountRegistry(env);
  const registered = identify(hash, registeredTokens(env.API_TOKENS));
  if (registered) {
    const held = await registry.held(client, hex(hash), Date.now());
    if (held) throw new TooManyAttempts(held.retryAfterSeconds);
    return registered;
  }
  const found = await registry.identify(hex(hash), client, Date.now());
  if (found.kind === 'limited') throw new TooManyAttempts(found.retryAfterSeconds);
  if (found.kind === 'unknown') return undefined;
  return { name: found.account.name, scopes: found.account.scopes.filter(isScope), account: true };
}

const isScope = (scope: string): scope is Scope => (scopes as readonly string[]).includes(scope);

/** The names of API_TOKENS: a person invited at the desk may not take one. */
export const tokenNames = (secret: string | undefined): string[] =>
  registeredTokens(secret).map((token) => token.name);
