// Where the service may send a webhook. A target is an https URL whose host resolves only to
// public addresses: a subscriber must not be able to make the service knock on a private
// network, a cloud metadata address or itself. The one exception is for a local machine
// (WEBHOOK_LOCAL_TARGETS=true, never in production): plain http, and loopback addresses, so
// that tests and `npm start` can run a receiver beside the Worker. The host is checked when
// the subscription is made and again before every delivery, since what a name resolves to
// may change between the two.

/** How a host name is resolved: the addresses it has, or none when it does not resolve. */
export type Resolver = (host: string) => Promise<string[]>;

export interface TargetSettings {
  localTargets: boolean;
  resolve: Resolver;
}

export type TargetCheck = { ok: true; url: URL } | { ok: false; reason: string };

const refuse = (reason: string): TargetCheck => ({ ok: false, reason });

interface Range {
  prefix: bigint;
  bits: number;
  width: 32 | 128;
  name: string;
}

const range = (prefix: bigint, bits: number, width: 32 | 128, name: string): Range => ({
  prefix,
  bits,
  width,
  name,
});

function ipv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
}

function ipv6(text: string): bigint | undefined {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!bare.includes(':')) return undefined;
  const [head, tail, ...rest] = bare.split('::');
  if (rest.length > 0) return undefined;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const expand = (list: string[]) =>
    list.flatMap((g) => {
      const v4 = g.includes('.') ? ipv4(g) : undefined;
      return v4 === undefined ? [g] : [(v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16)];
    });
  const left = expand(groups(head));
  const right = expand(groups(tail));
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.reduce((n, g) => (n << 16n) | BigInt(`0x${g}`), 0n);
}

const v4 = (cidr: string, name: string) => {
  const [address = '', bits = '32'] = cidr.split('/');
  return range(ipv4(address) ?? 0n, Number(bits), 32, name);
};
const v6 = (cidr: string, name: string) => {
  const [address = '', bits = '128'] = cidr.split('/');
  return range(ipv6(address) ?? 0n, Number(bits), 128, name);
};

const loopbackRanges = [v4('127.0.0.0/8', 'loopback'), v6('::1/128', 'loopback')];

/** Every range no webhook may reach (RFC 6890's special-purpose registries, in short). */
const refusedRanges = [
  ...loopbackRanges,
  v4('0.0.0.0/8', 'this network'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared (carrier-grade NAT)'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'protocol assignments'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'benchmarking'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
  v6('::/128', 'unspecified'),
  v6('100::/64', 'discard'),
  v6('2001:db8::/32', 'documentation'),
  v6('fc00::/7', 'unique local (private)'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'site-local (deprecated)'),
  // NAT64 for one network's own use (RFC 8215): never a public address, whatever it carries.
  v6('64:ff9b:1::/48', 'local-use NAT64'),
  v6('ff00::/8', 'multicast'),
];

const inRange = (address: bigint, width: 32 | 128, r: Range) =>
  r.width === width && address >> BigInt(width - r.bits) === r.prefix >> BigInt(width - r.bits);

/**
 * The IPv4 addresses an IPv6 one carries, each to be judged as IPv4: IPv4-compatible
 * (`::a.b.c.d`), IPv4-mapped (`::ffff:a.b.c.d`) and its zero-prefixed translated form
 * (`::ffff:0:a.b.c.d`), NAT64 (`64:ff9b::/96`), 6to4 (`2002::/16`) and Teredo (`2001::/32`,
 * whose server and client, the latter inverted, are both judged). Empty for any other.
 */
function embeddedIpv4(address: bigint): bigint[] {
  const low32 = address & 0xffffffffn;
  const high96 = address >> 32n;
  // `::` and `::1` are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
  if (high96 === 0n && address > 1n) return [low32];
  if (high96 === 0xffffn || high96 === 0xffff0000n) return [low32];
  if (high96 === 0x64ff9b0000000000000000n) return [low32];
  if (address >> 112n === 0x2002n) return [(address >> 80n) & 0xffffffffn];
  if (address >> 96n === 0x20010000n) return [(address >> 64n) & 0xffffffffn, low32 ^ 0xffffffffn];
  return [];
}

/** The kind of non-public range an address is in, or undefined for a public one. */
export function nonPublicRange(text: string, allowed: readonly Range[] = []): string | undefined {
  const four = ipv4(text);
  const six = four === undefined ? ipv6(text) : undefined;
  if (four === undefined && six === undefined) return 'not an IP address';
  const [address, width] = four !== undefined ? [four, 32 as const] : [six ?? 0n, 128 as const];
  const embedded = width === 128 ? embeddedIpv4(address) : [];
  if (embedded.length > 0) {
    return embedded.map((carried) => nonPublicRange(ipFromBigint(carried), allowed)).find(Boolean);
  }
  if (allowed.some((r) => inRange(address, width, r))) return undefined;
  return refusedRanges.find((r) => inRange(address, width, r))?.name;
}

const ipFromBigint = (n: bigint) => [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 0xffn)).join('.');

const isIpLiteral = (host: string) => ipv4(host) !== undefined || ipv6(host) !== undefined;

/** Names that never leave the machine or its network, whatever a resolver says. */
const localNames = /(^|\.)(localhost|local|internal|home\.arpa|localdomain)$/i;

/** Whether `url` may receive webhooks; the host is resolved unless it is an address. */
export async function checkTarget(text: string, settings: TargetSettings): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('is not a URL');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = settings.localTargets ? loopbackRanges : [];
  const loopbackName = settings.localTargets && /^localhost$/i.test(host);
  if (url.username || url.password) return refuse('must not carry a user name or password');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && settings.localTargets)) {
    return refuse('must be https');
  }
  if (url.protocol === 'http:' && !loopbackName && nonPublicRange(host) !== 'loopback') {
    return refuse('may use plain http only to a loopback address');
  }
  if (loopbackName) return { ok: true, url };
  if (localNames.test(host)) return refuse(`names a local host (${host})`);
  const addresses = isIpLiteral(host) ? [host] : await settings.resolve(host);
  if (addresses.length === 0) return refuse(`does not resolve (${host})`);
  for (const address of addresses) {
    const kind = nonPublicRange(address, allowed);
    if (kind) return refuse(`resolves to a ${kind} address (${address})`);
  }
  return { ok: true, url };
}

/** Resolves a name over DNS over HTTPS (Cloudflare's resolver), A and AAAA records. */
export const resolveOverHttps: Resolver = async (host) => {
  const lookup = async (type: 'A' | 'AAAA') => {
    const url = `https://cloudflare-dns.com/dns-query?name=${encodeURIComponent(host)}&type=${type}`;
    const response = await fetch(url, {
      headers: { accept: 'application/dns-json' },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`DNS over HTTPS answered ${response.status}`);
    const answer = (await response.json()) as { Answer?: { type: number; data: string }[] };
    return (answer.Answer ?? []).filter((a) => a.type === 1 || a.type === 28).map((a) => a.data);
  };
  try {
    return [...(await lookup('A')), ...(await lookup('AAAA'))];
  } catch {
    return [];
  }
};
