// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// "{webhook-id}.{webhook-timestamp}.{body}", keyed with the secret's bytes, sent as
// "v1,{base64}". The secret is "whsec_" and 32 random bytes in base64, as the spec's
// libraries expect it.

import { fromBase64, toBase64 } from '../encoding.ts';

const secretPrefix = 'whsec_';

/** A new signing secret, made from 32 bytes of the platform's random source. */
export function newSigningSecret(): string {
  return secretPrefix + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

async function keyOf(secret: string): Promise<CryptoKey> {
  const raw = fromBase64(secret.slice(secretPrefix.length));
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers of one attempt: the id stays the same on every retry; the time does not. */
export async function signedHeaders(
  secret: string,
  id: string,
  body: string,
  at: Date,
): Promise<SignedHeaders> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const content = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await keyOf(secret), content));
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${toBase64(mac)}` };
}
