// What a page takes of the clock: the moment its figures are judged stale or current at, and
// how long ago a thing happened, in words ("3 hours ago"). A writer renders a page once for
// every reader (src/writers/stored-answers.ts), so it cannot write those words: it writes a
// slot naming the time instead, and the reader fills each slot with the words of its own
// moment. Staleness it can judge: it is the same at every moment until the first figure the
// page judged goes stale, and a page stored is not served after that.

import { isStale, staleFrom } from '../../domain/freshness.ts';
import type { Language } from '../../domain/languages.ts';
import { timeSince } from '../../words/figures.ts';

export interface PageClock {
  /** Whether a figure current until the end of the day `after` is stale by now. */
  isStale(after: string): boolean;
  /** How long ago `time` was, in words. */
  since(time: string, language: Language): string;
}

/** The clock of a page rendered for one reader, at `now`. */
export const clockAt = (now: Date): PageClock => ({
  isStale: (after) => isStale(after, now),
  since: (time, language) => timeSince(time, now, language),
});

// A slot is its time between two control characters, which no renderer writes and no text
// taken in holds; a page whose text holds one anyway has no stored form.
const slotStart = '\u0002';
const slotEnd = '\u0003';
const slotStartByte = 2;
const slotEndByte = 3;

/**
 * The clock of a page a writer stores, rendered at `now`: a slot where each "… ago" goes,
 * and, once rendered, the first moment after `now` at which a figure the page judged goes
 * stale (null when none ever will), after which the page says something else of it.
 */
export function storingClockAt(now: Date): PageClock & { staleUntil(): string | null } {
  const judged = new Set<string>();
  return {
    isStale(after) {
      judged.add(after);
      return isStale(after, now);
    },
    since: (time) => `${slotStart}${time}${slotEnd}`,
    staleUntil() {
      const turns = [...judged].map(staleFrom).filter((at) => at > now.getTime());
      return turns.length === 0 ? null : new Date(Math.min(...turns)).toISOString();
    },
  };
}

/** Whether a page rendered on a storing clock can be stored: no slot but its own. */
export function hasOnlyTimeSlots(page: string): boolean {
  let from = 0;
  for (let at = page.indexOf(slotStart); at !== -1; at = page.indexOf(slotStart, from)) {
    const end = page.indexOf(slotEnd, at);
    if (end === -1 || page.lastIndexOf(slotStart, end) !== at || page.slice(from, at).includes(slotEnd))
      return false;
    from = end + 1;
  }
  return !page.slice(from).includes(slotEnd);
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The page's bytes with each slot filled with how long before `now` its time was, and the
 * words it filled them with, in order: the page is the stored one and those words.
 */
export function fillTimeSlots(
  page: Uint8Array<ArrayBuffer>,
  now: Date,
  language: Language,
): { page: Uint8Array<ArrayBuffer>; said: string[] } {
  const pieces: Uint8Array[] = [];
  const said: string[] = [];
  let from = 0;
  let length = 0;
  for (let at = page.indexOf(slotStartByte); at !== -1; at = page.indexOf(slotStartByte, from)) {
    const end = page.indexOf(slotEndByte, at);
    if (end === -1) break;
    const words = timeSince(decoder.decode(page.subarray(at + 1, end)), now, language);
    const bytes = utf8.encode(words);
    said.push(words);
    pieces.push(page.subarray(from, at), bytes);
    length += at - from + bytes.length;
    from = end + 1;
  }
  if (pieces.length === 0) return { page, said };
  pieces.push(page.subarray(from));
  length += page.length - from;
  const filled = new Uint8Array(length);
  let to = 0;
  for (const piece of pieces) {
    filled.set(piece, to);
    to += piece.length;
  }
  return { page: filled, said };
}
