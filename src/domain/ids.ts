// Report ids: 26-character ULIDs (48-bit millisecond time, 80 random bits, Crockford
// base32), so ids sort by the time the service accepted the report.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const reportIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

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
