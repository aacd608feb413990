// Bytes written as text: hex, base64 and base64url (RFC 4648). Beside digest.ts, not in the
// domain: these are how bytes travel in headers, forms and URLs, not part of the product's
// model. Decoders go through atob, so they accept what it accepts (padding optional, ASCII
// whitespace ignored) and throw a DOMException on anything else.

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The bytes of hex text, two digits a byte; anything else throws a SyntaxError. */
export function hexToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw new SyntaxError('not hex');
  return Uint8Array.from(text.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading megabytes of arguments at once would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Base64url without padding, as tokens in URLs are written. */
export const toBase64Url = (bytes: Uint8Array) =>
  toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

const base64UrlAlphabet = /^[A-Za-z0-9_-]*$/;

/** The bytes of base64url text; "+" and "/" are base64's, not base64url's, and refused. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!base64UrlAlphabet.test(text)) throw new SyntaxError('not base64url');
  return fromBase64(text.replaceAll('-', '+').replaceAll('_', '/'));
}

export const textToBase64Url = (text: string) => toBase64Url(new TextEncoder().encode(text));

/** The UTF-8 text of base64url; bytes that are not UTF-8 are refused. */
export const textFromBase64Url = (text: string) =>
  new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fromBase64Url(text));
