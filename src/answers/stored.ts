// Stored answers: what a writer renders once so that the reads most asked for are served as
// stored (src/store/keys.ts says which), and the one way a read serves one. An answer with
// absolute links is kept as the parts between which a reader puts its origin.

import { etagOfDigest, sha256Hex } from '../digest.ts';
import { originTemplate } from '../render/origin-template.ts';
import type { AnswerKey } from '../store/keys.ts';
import type { StatusStore, StoredAnswer } from '../store/status-store.ts';

/** An answer whose bytes are the same at every origin, validated by their hash. */
export async function answerOf(body: string, updated: string | null): Promise<StoredAnswer> {
  return { etag: etagOfDigest(await sha256Hex(body)), updated, parts: [body] };
}

/**
 * An answer the reader completes, from what `render` makes of an origin: its ETag is the
 * hash of its parts, whatever goes between them.
 */
export async function templateAnswerOf(
  render: (origin: string) => string,
  updated: string | null,
): Promise<StoredAnswer> {
  const parts = originTemplate(render);
  return { etag: etagOfDigest(await sha256Hex(JSON.stringify(parts))), updated, parts };
}

/** A stored answer as a read serves it: its validators, and its body as stored (UTF-8). */
export interface ServedAnswer {
  etag: string;
  updated: string | null;
  body: Uint8Array<ArrayBuffer> | string;
}

/**
 * The answer a writer stored under `key`, its parts joined with `fill` (an origin, or the
 * start of the next page's URL); what `derive` makes when it is not stored (yet) or its bytes
 * are not those that were sealed: from the documents, or by asking the writer, which writes
 * it again. One KV read. When `held` gives a body for the stored validators (the reader's
 * own, for a 304, or one this isolate keeps), the stored bytes are not read.
 */
export async function storedOr<T>(
  store: StatusStore,
  key: AnswerKey,
  fill: string,
  derive: () => Promise<T>,
  held?: (etag: string, updated: string | null) => Uint8Array<ArrayBuffer> | string | undefined,
): Promise<ServedAnswer | T> {
  const stored = await store.openAnswer(key);
  if (stored) {
    const { etag, updated } = stored;
    const kept = held?.(etag, updated);
    if (kept !== undefined) {
      await stored.discard();
      return { etag, updated, body: kept };
    }
    const body = await stored.body(fill);
    if (body) return { etag, updated, body };
  }
  return derive();
}
