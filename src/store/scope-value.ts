// A scope's derived values (its documents and stored answers) stored as one KV value. A
// write to KV is what a plan runs out of first (1,000 a day on the Free plan), and a flush
// changes every value of its scope at once: one value per scope makes a flush one write
// instead of one per value. The price is in reads: a read of one entry reads the scope's
// value from its start to the end of that entry (docs/PERFORMANCE.md measures both).
//
// Layout: a header of one line of JSON, a newline, then the entries' bytes one after
// another, the smallest first: a read stops at the end of its entry, so the many small
// answers cost few bytes. Each entry is compressed on its own (raw DEFLATE): a read of the
// last entry then reads fewer bytes than that entry holds, where it read every entry before
// it as they are; only the entry served is decompressed. The header names each entry with
// where its stored bytes are, the SHA-256 of its bytes as written (before compression), and
// what a reader needs to know of it before its bytes (its ETag, its last change). The
// value's version is the SHA-256 of its header, kept in the key's metadata: a reader that
// knows the header of that version (an isolate that read it before) knows every entry's
// validators from the metadata alone, and reads the bytes only when it serves them. A read
// hashes only the entry it serves. A value written before compression (its header names no
// encoding) is read as it is.

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

/** How the entries' bytes are stored: compressed, or as they are in values written before. */
const compressed = 'deflate-raw';

const headerSchema = z.strictObject({
  encoding: z.literal(compressed).optional(),
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
  compressed: boolean;
  entries: z.infer<typeof headerSchema>['entries'];
}

const utf8 = new TextEncoder();
const newline = 10;

async function transformed(bytes: Uint8Array, through: TransformStream<Uint8Array, Uint8Array>) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(through)).arrayBuffer());
}

const deflated = (bytes: Uint8Array) => transformed(bytes, new CompressionStream(compressed));
const inflated = (bytes: Uint8Array) => transformed(bytes, new DecompressionStream(compressed));

const versionOf = async (header: Uint8Array) => (await sha256Hex(header)).slice(0, 32);

/** A scope's entries encoded: the bytes they are stored as, their version, and each entry's SHA-256. */
export interface EncodedScope {
  value: Uint8Array<ArrayBuffer>;
  version: string;
  sealed: Record<string, string>;
}

export async function encodeScopeValue(entries: ScopeEntries): Promise<EncodedScope> {
  const written = Object.entries(entries).map(([name, entry]) => ({
    name,
    entry,
    text: utf8.encode(entry.text),
  }));
  const bodies = await Promise.all(
    written
      .sort((a, b) => a.text.length - b.text.length || (a.name < b.name ? -1 : 1))
      .map(async ({ name, entry, text }) => ({
        name,
        entry,
        sha256: await sha256Hex(text),
        bytes: await deflated(text),
      })),
  );
  const located: ScopeHeader['entries'] = {};
  let at = 0;
  for (const { name, entry, sha256, bytes } of bodies) {
    located[name] = [at, bytes.length, sha256, entry.about];
    at += bytes.length;
  }
  const head = utf8.encode(`${JSON.stringify({ encoding: compressed, entries: located })}\n`);
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
    if (!checked.success) return undefined;
    const { encoding, entries } = checked.data;
    return { version, length: head.length, compressed: encoding === compressed, entries };
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
        const stored = whole.subarray(start, start + length);
        const bytes = header.compressed ? await inflated(stored).catch(() => undefined) : stored;
        return bytes && (await sha256Hex(bytes)) === sealed ? bytes : undefined;
      },
    });
  }
  return entries;
}
