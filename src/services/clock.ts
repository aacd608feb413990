// The time and randomness a write uses, passed in so that services stay deterministic
// under test, and so that a retry with an Idempotency-Key makes the very same reports.

import { hex } from '../encoding.ts';
import type { Ticket } from '../writers/idempotency-keeper.ts';

export interface Clock {
  now: Date;
  random: (bytes: Uint8Array) => void;
  /** The request may have run before with this clock: what it writes may already be visible. */
  repeat?: boolean;
}

export function systemClock(): Clock {
  return { now: new Date(), random: (bytes) => crypto.getRandomValues(bytes) };
}

/**
 * The clock of an Idempotency-Key's ticket: its time, and bytes from xoshiro128** seeded
 * with its 128-bit seed, so every run of the request draws the same ids in the same order.
 */
export function ticketClock(ticket: Ticket, repeat: boolean): Clock {
  const words = [0, 8, 16, 24].map((at) => Number.parseInt(ticket.seed.slice(at, at + 8) || '0', 16) >>> 0);
  // xoshiro's state must not be all zeros.
  const s = words.some((w) => w !== 0) ? words : [1, 2, 3, 4];
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next = () => {
    const [a = 0, b = 0, c = 0, d = 0] = s;
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    const c2 = (c ^ a) >>> 0;
    const d2 = (d ^ b) >>> 0;
    s[1] = (b ^ c2) >>> 0;
    s[0] = (a ^ d2) >>> 0;
    s[2] = (c2 ^ t) >>> 0;
    s[3] = rotl(d2, 11);
    return result;
  };
  return {
    now: new Date(ticket.at),
    repeat,
    random: (bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
    },
  };
}

/** A name for one request's decision, drawn from its clock: the same on every retry. */
export function claimantOf(clock: Clock): string {
  const bytes = new Uint8Array(16);
  clock.random(bytes);
  return hex(bytes);
}
