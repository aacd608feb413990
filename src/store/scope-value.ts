// A scope's derived values (its documents and stored answers) stored as one KV value. A
// write to KV is what a plan runs out of first (1,000 a day on the Free plan), and a flush
// changes every value of its scope at once: one value per scope makes a flush one write
// instead of one per value. The price is in reads: a read of one entry reads the scope's
// value from its start to the end of that entry (docs/PERFORMANCE.md measures both).
//
// Layout: a header of one line of JSON, a newline, then the entries' bytes one after
// another, the smallest first: a read stops at the end of its entry, so the many small
// answers cost few bytes, and only the largest (the feeds) read most of the value. The
// header names each entry with where its bytes are, their SHA-256, and what a reader needs
// to know of it before its bytes (its ETag, its last change). The value's
// version is the SHA-256 of its header, kept in the key's metadata: a reader that knows the
// header of that version (an isolate that read it before) knows every entry's validators
// from the metadata alone, and reads the bytes only when it serves them. A read hashes only
// the entry it serves.

import * as z from 'zod';
import { sha256Hex } from '../digest.ts';

/** What a reader knows of an entry before its bytes: its validators, or a document's version. */
export type EntryAbout = Record<string, string | boolean | null>;

export interface ScopeEntry {
  text: string;
  about: EntryAbout;
}

/** Every entry of a scope, by name. */
export type ScopeEntries = Record<string, ScopeEntry>;

const headerSchema = z.strictObject({
  entries: z.record(
    z.string(),
    z.tuple([
      z.int().nonnegative(),
      z.int().nonnegative(),
      z.string().regex(/^[0-9a-f]{64}$/),
      z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
    ]),
  ),
});

/** A scope value's header: its version, its own length in bytes, and where each entry is. */
export interface ScopeHeader {
  version: string;
  length: number;
  entries: z.infer<typeof headerSchema>['entries'];
}

const utf8 = new TextEncoder();
const newline = 10;

const versionOf = async (header: Uint8Array) => (await sha256Hex(header)).slice(0, 32);

/** A scope's entries encoded: the bytes they are stored as, their version, and each entry's SHA-256. */
export interface EncodedScope {
  value: Uint8Array<ArrayBuffer>;
  version: string;
  sealed: Record<string, string>;
}

export async function encodeScopeValue(entries: ScopeEntries): Promise<EncodedScope> {
  const bodies = Object.entries(entries)
    .map(([name, entry]) => ({ name, entry, bytes: utf8.encode(entry.text) }))
    .sort((a, b) => a.bytes.length - b.bytes.length || (a.name < b.name ? -1 : 1));
  const located: ScopeHeader['entries'] = {};
  let at = 0;
  for (const { name, entry, bytes } of bodies) {
    located[name] = [at, bytes.length, await sha256Hex(bytes), entry.about];
    at += bytes.length;
  }
  const head = utf8.encode(`${JSON.stringify({ entries: located })}\n`);
  const value = new Uint8Array(head.length + at);
  value.set(head, 0);
  let offset = head.length;
  for (const { bytes } of bodies) {
    value.set(bytes, offset);
    offset += bytes.length;
  }
  const sealed = Object.fromEntries(Object.entries(located).map(([name, [, , sha256]]) => [name, sha256]));
  return { value, version: await versionOf(head), sealed };
}

/** The header of a stored value, or undefined when it is damaged, of another shape or not of `version`. */
export async function decodeScopeHeader(
  value: Uint8Array<ArrayBuffer>,
  version: string,
): Promise<ScopeHeader | undefined> {
  const end = value.indexOf(newline);
  if (end === -1) return undefined;
  const head = value.subarray(0, end + 1);
  if ((await versionOf(head)) !== version) return undefined;
  try {
    const checked = headerSchema.safeParse(JSON.parse(new TextDecoder().decode(head)));
    return checked.success ? { version, length: head.length, entries: checked.data.entries } : undefined;
  } catch {
    return undefined;
  }
}

/** An entry of a stored scope: what is known of it at once, and its bytes when asked for. */
export interface StoredEntry {
  about: EntryAbout;
  /** The SHA-256 its bytes were sealed with, in hex. */
  sha256: string;
  /** The entry's bytes, or undefined when they are not the bytes that were sealed. */
  bytes(): Promise<Uint8Array<ArrayBuffer> | undefined>;
}

/**
 * The entries `header` names, whose bytes are read from `value` when asked for: the stored
 * value from its start to at least `end` bytes (or all of it).
 */
export function entriesOf(
  header: ScopeHeader,
  value: (end: number) => Promise<Uint8Array<ArrayBuffer>>,
): Map<string, StoredEntry> {
  const entries = new Map<string, StoredEntry>();
  for (const [name, [at, length, sealed, about]] of Object.entries(header.entries)) {
    entries.set(name, {
      about,
      sha256: sealed,
      bytes: async () => {
        const whole = await value(header.length + at + length);
        const start = header.length + at;
        if (start + length > whole.length) return undefined;
        const bytes = whole.subarray(start, start + length);
        return (await sha256Hex(bytes)) === sealed ? bytes : undefined;
      },
    });
  }
  return entries;
}
