// How `npm start` sends its seed to the API. The write limit (30 writes per token in 10 s)
// may answer 429 when the seed follows heavy local use, or another process writes to the same
// local state: the seed then waits as Retry-After says and sends the same request again, with
// the same Idempotency-Key, so that nothing is stored twice and start-up never gives up on a
// limit. Any other failure ends the seed.

/** Waits this long when a 429 carries no Retry-After the seed can read. */
const defaultRetryAfterSeconds = 10;
/** Enough for a seed that meets a full window several times; past it, something else is wrong. */
const maxWaits = 12;

/** @param {string | null} header seconds, as the service sends it, or an HTTP date */
export function retryAfterMs(header, now = Date.now()) {
  const text = header?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? defaultRetryAfterSeconds * 1000 : Math.max(0, at - now);
}

/**
 * @typedef {{ base: string; token: string; log?: (line: string) => void;
 *   sleep?: (ms: number) => Promise<void> }} SeedTarget
 */

/**
 * Sends one write of the seed; answers its response, which is 2xx.
 * @param {SeedTarget} target
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export async function sendSeedRequest(target, method, path, body, headers = {}) {
  const sleep = target.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  for (let waits = 0; ; waits++) {
    const response = await fetch(`${target.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}`, ...headers },
      body: JSON.stringify(body),
    });
    if (response.ok) return response;
    const text = await response.text();
    if (response.status !== 429 || waits >= maxWaits) {
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    const waitMs = retryAfterMs(response.headers.get('retry-after'));
    target.log?.(`seed: ${method} ${path} met the write limit; sending it again in ${waitMs / 1000} s`);
    await sleep(waitMs);
  }
}
