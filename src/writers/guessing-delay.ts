// How long guessing must wait. Wrong secrets (tokens, invitation links) are counted for two
// subjects at once: the client address that sent them and the secret itself. A few are
// free, so that a person who mistypes is not held back; after them each one doubles the wait
// before the subject's next attempt, up to a ceiling, so that guessing gets slower and slower
// without a hard lockout. While an address waits, every attempt from it is refused, a right
// one too, or a guesser would learn a hit from the answer that is not a refusal. A wrong
// secret never delays a different one: the rightful writer, elsewhere or with their own
// token, is never held back by someone else's failures.

/** Wrong secrets a subject may send before it must wait. */
export const freeFailures = 5;
/** How long a wrong secret is remembered: a guesser coming back later still waits long. */
export const failureMemoryMs = 24 * 60 * 60 * 1000;
/** The longest wait, however many wrong secrets came. */
export const longestDelayMs = 15 * 60 * 1000;
const firstDelayMs = 1000;

/** The wait after `failures` wrong secrets in a row (within the memory): 0, then doubling. */
export function delayAfter(failures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(longestDelayMs, firstDelayMs * 2 ** (failures - freeFailures));
}

/** How long a subject with `failures`, the last at `lastAt`, must still wait at `now`. */
export function waitLeft(failures: number, lastAt: number, now: number): number {
  return Math.max(0, lastAt + delayAfter(failures) - now);
}

/** The subjects a wrong secret counts against. */
export const guessSubjects = (client: string, secretSha256: string) => [
  `address:${client}`,
  `secret:${secretSha256}`,
];
