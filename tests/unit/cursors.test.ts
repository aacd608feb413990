import { describe, expect, it } from 'vitest';
import { decodeChangeCursor, encodeChangeCursor } from '../../src/cursors/changes.ts';
import { decodeCursor, encodeCursor } from '../../src/cursors/history.ts';
import { fnv1a32 } from '../../src/digest.ts';
import type { HistoryFilter, HistoryScope } from '../../src/domain/history.ts';
import { InvalidRequest } from '../../src/problems.ts';

const after = '01HS0000000000000000000000';
const all: HistoryScope = { kind: 'all' };
const harbour: HistoryScope = { kind: 'place', slug: 'harbour' };
const filter: HistoryFilter = {
  indicators: ['running_water', 'electricity'],
  verifications: ['verified'],
  since: '2024-03-01',
};

const payloadOf = (token: string) => JSON.parse(atob(token.replaceAll('-', '+').replaceAll('_', '/')));

describe('history cursors', () => {
  it('read back the position they were made with', () => {
    const position = { after, list: 'kv-list-cursor' };
    expect(decodeCursor(encodeCursor(position, harbour, filter), harbour, filter)).toEqual(position);
  });

  it('fingerprint the place and filters as the API names them, never a KV key', () => {
    const token = encodeCursor({ after }, harbour, filter);
    // Fixed text: a fingerprint taken from a storage key would change with the key layout,
    // and every cursor clients hold with it.
    expect(token).toBe('eyJhIjoiMDFIUzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAiLCJmIjoiaDlscHNjIn0');
    const madeFor =
      '{"place":"harbour","indicator":["electricity","running_water"],"verification":["verified"],"since":"2024-03-01","until":null}';
    expect(payloadOf(token)).toEqual({ a: after, f: fnv1a32(madeFor).toString(36) });
    expect(encodeCursor({ after }, all, {})).toBe(
      'eyJhIjoiMDFIUzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAiLCJmIjoiY2gwOTdyIn0',
    );
  });

  it('do not depend on the order the filters were given in', () => {
    const reordered = { ...filter, indicators: ['electricity', 'running_water'] } satisfies HistoryFilter;
    expect(encodeCursor({ after }, harbour, reordered)).toBe(encodeCursor({ after }, harbour, filter));
  });

  it('still read cursors issued when the fingerprint took the history key prefix', () => {
    expect(
      decodeCursor('eyJhIjoiMDFIUzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAiLCJmIjoieHpoazFlIn0', harbour, filter),
    ).toEqual({
      after,
    });
    expect(decodeCursor('eyJhIjoiMDFIUzAwMDAwMDAwMDAwMDAwMDAwMDAwMDAiLCJmIjoiMXY1MGl2ZSJ9', all, {})).toEqual(
      {
        after,
      },
    );
  });

  it('refuse a cursor made for another place, all places or other filters', () => {
    const token = encodeCursor({ after }, harbour, filter);
    expect(() => decodeCursor(token, { kind: 'place', slug: 'valley' }, filter)).toThrow(InvalidRequest);
    expect(() => decodeCursor(token, all, filter)).toThrow(InvalidRequest);
    expect(() => decodeCursor(token, harbour, { ...filter, since: '2024-03-02' })).toThrow(InvalidRequest);
  });

  it('refuse text that is not base64url of a cursor', () => {
    const token = encodeCursor({ after }, all, {});
    for (const text of [token.slice(0, -3), `${token}+`, btoa('{"a":1,"f":"x"}'), btoa('\u00ff\u00fe')]) {
      expect(() => decodeCursor(text, all, {})).toThrow(InvalidRequest);
    }
  });
});

describe('change-log cursors', () => {
  it('keep the text they were issued with', () => {
    expect(encodeChangeCursor(250)).toBe('eyJwIjoyNTAsImMiOiIxamtsdXNpIn0');
    expect(decodeChangeCursor('eyJwIjoyNTAsImMiOiIxamtsdXNpIn0')).toBe(250);
  });

  it('refuse a position whose check does not match', () => {
    const forged = btoa(JSON.stringify({ ...payloadOf(encodeChangeCursor(250)), p: 251 })).replace(/=+$/, '');
    expect(() => decodeChangeCursor(forged)).toThrow(InvalidRequest);
  });
});
