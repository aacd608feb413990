// SHA-256 of text or bytes, for everything that names content by its hash: token hashes,
// document versions and seals, ETags, Idempotency-Key records.

export async function sha256(content: string | ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(content: string | ArrayBuffer | Uint8Array): Promise<string> {
  return hex(await sha256(content));
}

/** The ETag of bytes served as they are stored, from their SHA-256 in hex. */
export const etagOfDigest = (sha256: string) => `"${sha256.slice(0, 32)}"`;
