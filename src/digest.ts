// Hashes of text or bytes. SHA-256 for everything that names content by its hash where a
// collision must not be made on purpose: token hashes, document versions and seals, ETags,
// Idempotency-Key records. FNV-1a where a short, stable name or a check against mistakes is
// enough and the hash must be synchronous: the stylesheet's name, cursors' fingerprints,
// the UUIDs of feeds and entries. FNV-1a is not a security measure.

import { hex } from './encoding.ts';

export async function sha256(content: string | ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export async function sha256Hex(content: string | ArrayBuffer | Uint8Array): Promise<string> {
  return hex(await sha256(content));
}

/** The ETag of bytes served as they are stored, from their SHA-256 in hex. */
export const etagOfDigest = (sha256: string) => `"${sha256.slice(0, 32)}"`;

/** FNV-1a, 32 bits, of the text's UTF-8 bytes, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * FNV-1a, 64 bits, of the text's UTF-8 bytes. `basis` is the offset basis: the standard one
 * unless another is given, which yields another, independent hash of the same text.
 */
export function fnv1a64(text: string, basis = 0xcbf29ce484222325n): bigint {
  let hash = basis;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}
