// Where webhooks may go: https to public addresses only, unless the local setting allows
// loopback over http. Every non-public range is refused, whether written as an address or
// resolved from a name.

import { describe, expect, it } from 'vitest';
import { checkTarget, nonPublicRange, type Resolver } from '../../src/push/targets.ts';

const resolvesTo =
  (addresses: string[]): Resolver =>
  async () =>
    addresses;
const production = { localTargets: false, resolve: resolvesTo(['93.184.215.14']) };
const local = { localTargets: true, resolve: resolvesTo(['93.184.215.14']) };

const refusedAddresses = [
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['::1', 'loopback'],
  ['0.0.0.0', 'this network'],
  ['10.1.2.3', 'private'],
  ['100.64.0.1', 'shared (carrier-grade NAT)'],
  ['169.254.169.254', 'link-local'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.0.0.8', 'protocol assignments'],
  ['192.0.2.1', 'documentation'],
  ['192.168.1.1', 'private'],
  ['198.18.0.1', 'benchmarking'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['224.0.0.251', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['::', 'unspecified'],
  ['fc00::1', 'unique local (private)'],
  ['fd12:3456::1', 'unique local (private)'],
  ['fe80::1', 'link-local'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:7f00:1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'link-local'],
  ['2002:c0a8:0101::1', 'private'],
  // Every IPv6 spelling that carries an IPv4 address is judged by that address.
  ['::169.254.169.254', 'link-local'],
  ['::a9fe:a9fe', 'link-local'],
  ['::127.0.0.1', 'loopback'],
  ['::10.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:0:127.0.0.1', 'loopback'],
  ['::ffff:0:7f00:1', 'loopback'],
  ['0:0:0:0:ffff:0:a9fe:a9fe', 'link-local'],
  ['::ffff:0:192.168.0.1', 'private'],
  ['64:ff9b::127.0.0.1', 'loopback'],
  ['64:ff9b::10.1.1.1', 'private'],
  ['64:ff9b:1::a9fe:a9fe', 'local-use NAT64'],
  ['64:ff9b:1:abcd::8.8.8.8', 'local-use NAT64'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:a9fe:a9fe::', 'link-local'],
  // Teredo: the server (bits 32 to 63) and the client (the last 32 bits, inverted).
  ['2001:0:a9fe:a9fe::', 'link-local'],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
  ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private'],
  ['fec0::1', 'site-local (deprecated)'],
  ['feff::1', 'site-local (deprecated)'],
] as const;

describe('nonPublicRange', () => {
  it.each(refusedAddresses)('puts %s in the %s range', (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each([
    '93.184.215.14',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '::8.8.8.8',
    '::ffff:0:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
  ])('takes %s for public', (address) => {
    expect(nonPublicRange(address)).toBeUndefined();
  });
});

describe('checkTarget', () => {
  it('takes an https URL of a host that resolves to public addresses only', async () => {
    expect(await checkTarget('https://hooks.example.org/in', production)).toMatchObject({ ok: true });
  });

  it.each(refusedAddresses)('refuses an https URL whose host is %s', async (address) => {
    const host = address.includes(':') ? `[${address}]` : address;
    const check = await checkTarget(`https://${host}/hook`, production);
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('resolves to a') });
  });

  it.each(refusedAddresses)('refuses a name that resolves to %s, among public addresses', async (address) => {
    const check = await checkTarget('https://rebinding.example.org/hook', {
      localTargets: false,
      resolve: resolvesTo(['93.184.215.14', address]),
    });
    expect(check).toEqual({
      ok: false,
      reason: `resolves to a ${nonPublicRange(address)} address (${address})`,
    });
  });

  it('refuses a name that does not resolve', async () => {
    const check = await checkTarget('https://nowhere.example.org/', {
      localTargets: false,
      resolve: resolvesTo([]),
    });
    expect(check).toEqual({ ok: false, reason: 'does not resolve (nowhere.example.org)' });
  });

  it.each(['http://hooks.example.org/in', 'ftp://hooks.example.org/', 'http://127.0.0.1:9000/'])(
    'refuses %s in production: https only',
    async (url) => {
      expect(await checkTarget(url, production)).toEqual({ ok: false, reason: 'must be https' });
    },
  );

  it.each(['https://localhost/', 'https://printer.local/', 'https://db.internal/', 'https://nas.home.arpa/'])(
    'refuses %s: a name that never leaves the network',
    async (url) => {
      expect(await checkTarget(url, production)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('local host'),
      });
    },
  );

  it('refuses a URL with a user name or password', async () => {
    expect(await checkTarget('https://user:secret@hooks.example.org/', production)).toMatchObject({
      ok: false,
    });
  });

  it('takes plain http to a loopback address, or localhost, when the local setting allows it', async () => {
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'http://[::1]:9000/hook',
      'http://localhost:9000/hook',
    ]) {
      expect(await checkTarget(url, local), url).toMatchObject({ ok: true });
    }
  });

  it('refuses plain http to anything but loopback, and private ranges, even with the local setting', async () => {
    expect(await checkTarget('http://hooks.example.org/', local)).toEqual({
      ok: false,
      reason: 'may use plain http only to a loopback address',
    });
    expect(await checkTarget('https://10.0.0.1/', local)).toMatchObject({ ok: false });
    expect(await checkTarget('https://169.254.169.254/latest/meta-data', local)).toMatchObject({ ok: false });
  });

  it('reads addresses written as one number or in octal as the URL standard does: as loopback', async () => {
    expect(await checkTarget('https://2130706433/', production)).toMatchObject({ ok: false });
    expect(await checkTarget('https://0177.0.0.1/', production)).toMatchObject({ ok: false });
  });
});
