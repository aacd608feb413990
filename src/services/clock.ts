// The time and randomness a write uses, passed in so that services stay deterministic
// under test.

export interface Clock {
  now: Date;
  random: (bytes: Uint8Array) => void;
}

export function systemClock(): Clock {
  return { now: new Date(), random: (bytes) => crypto.getRandomValues(bytes) };
}
