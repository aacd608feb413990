// Report ids: 26-character ULIDs (48-bit millisecond time, 80 random bits, Crockford
// base32), so ids sort by the time the service accepted the report. A webhook
// subscription's id is one too, after "sub_".

import * as z from 'zod';

import { fnv1a64 } from '../digest.ts';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const reportIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const subscriptionId = z.string().regex(/^sub_[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a subscription id');

export function newReportId(now: Date, random: (bytes: Uint8Array) => void): string {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = alphabet.charAt(time % 32) + head;
    time = Math.floor(time / 32);
  }
  const bytes = new Uint8Array(16);
  random(bytes);
  let tail = '';
  for (const byte of bytes) tail += alphabet.charAt(byte % 32);
  return head + tail;
}

/**
 * Maps an id to one whose lexicographic order is reversed, so that a KV list, which only
 * runs in ascending key order, walks history from the newest report to the oldest.
 */
export function reverseOrderId(id: string): string {
  let out = '';
  for (const char of id) out += alphabet.charAt(31 - alphabet.indexOf(char));
  return out;
}

function hexUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A report id as a URN: its 128 bits written as a UUID, stable wherever the report is served. */
export function reportUrn(id: string): string {
  let bits = 0n;
  for (const char of id) bits = bits * 32n + BigInt(alphabet.indexOf(char));
  return `urn:uuid:${hexUuid(bits.toString(16).padStart(32, '0'))}`;
}

/**
 * The URN of an entry that announces a change to a report: each kind of change names its own
 * URNs ("correction:", "retraction:", "restoration:" and the report id), so that none is ever
 * the id of a report's own entry or of another change.
 */
export const changeUrn = (kind: 'correction' | 'retraction' | 'restoration', id: string) =>
  nameUrn(`${kind}:${id}`);

/**
 * A name as a URN: a UUIDv8 (RFC 9562, for custom layouts) from two FNV-1a 64-bit hashes
 * of the name, so that a feed's id never depends on where it is served from.
 */
export function nameUrn(name: string): string {
  const fnv = (basis: bigint) => fnv1a64(name, basis).toString(16).padStart(16, '0');
  const hex = fnv(0xcbf29ce484222325n) + fnv(0x84222325cbf29ce4n);
  const versioned = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17)}`;
  return `urn:uuid:${hexUuid(versioned)}`;
}
