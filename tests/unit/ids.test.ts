import { describe, expect, it } from 'vitest';
import { newReportId, reportIdPattern, reverseOrderId } from '../../src/domain/ids.ts';

const fill = (value: number) => (bytes: Uint8Array) => {
  bytes.fill(value);
};

/** Deterministic "random" bytes: a counter, so every byte differs and repeats run to run. */
const counting = (start: number) => (bytes: Uint8Array) => {
  bytes.forEach((_, i) => {
    bytes[i] = (start + i * 37) % 256;
  });
};

const accepted = new Date('2024-03-15T12:00:00.000Z');

describe('newReportId', () => {
  it('makes a 26-character id that matches the report id pattern', () => {
    const id = newReportId(accepted, counting(5));
    expect(id).toHaveLength(26);
    expect(id).toMatch(reportIdPattern);
  });

  it('is deterministic for a fixed time and random source', () => {
    expect(newReportId(accepted, counting(9))).toBe(newReportId(accepted, counting(9)));
  });

  it('encodes the time in the first ten characters as ULID does', () => {
    // The ULID specification's example time, 1469918176385 ms, encodes as 01ARYZ6S41.
    expect(newReportId(new Date(1_469_918_176_385), fill(0)).slice(0, 10)).toBe('01ARYZ6S41');
    expect(newReportId(new Date(0), fill(0))).toBe('0'.repeat(26));
  });

  it('takes its last sixteen characters from the random bytes', () => {
    expect(newReportId(accepted, fill(0)).slice(10)).toBe('0'.repeat(16));
    expect(newReportId(accepted, fill(31)).slice(10)).toBe('Z'.repeat(16));
    expect(newReportId(accepted, fill(1)).slice(0, 10)).toBe(newReportId(accepted, fill(200)).slice(0, 10));
  });

  it('sorts ids of later times after earlier ones, whatever the random part', () => {
    const times = [
      Date.UTC(2022, 10, 1),
      Date.UTC(2022, 10, 1) + 1,
      Date.UTC(2022, 10, 1) + 31,
      Date.UTC(2022, 10, 1) + 32,
      Date.UTC(2024, 2, 15, 12),
      Date.UTC(2099, 11, 31, 23, 59, 59, 999),
    ];
    for (let i = 1; i < times.length; i++) {
      // the earlier id gets the largest random part, the later one the smallest
      const earlier = newReportId(new Date(times[i - 1] ?? 0), fill(255));
      const later = newReportId(new Date(times[i] ?? 0), fill(0));
      expect(earlier < later).toBe(true);
    }
  });
});

describe('reverseOrderId', () => {
  const ids = [0, 1, 2, 40, 1_000, 86_400_000, 1_469_918_176_385].flatMap((ms) =>
    [0, 17, 31].map((seed) => newReportId(new Date(Date.UTC(2022, 0, 1) + ms), counting(seed))),
  );

  it('reverses the lexicographic (KV key) order of ids', () => {
    const ascending = [...new Set(ids)].sort();
    expect(ascending.length).toBeGreaterThan(10);
    const reversed = ascending.map(reverseOrderId);
    expect([...reversed].sort()).toEqual([...reversed].reverse());
    for (let i = 1; i < reversed.length; i++) {
      expect((reversed[i - 1] ?? '') > (reversed[i] ?? '')).toBe(true);
    }
  });

  it('is its own inverse', () => {
    for (const id of ids) expect(reverseOrderId(reverseOrderId(id))).toBe(id);
  });

  it('maps an id to another well-formed id', () => {
    for (const id of ids) expect(reverseOrderId(id)).toMatch(reportIdPattern);
    expect(reverseOrderId('0'.repeat(26))).toBe('Z'.repeat(26));
  });
});
