import { parseCidrWithIpNum } from './cidr-ip-num.js';

/**
 * A parsed CIDR block with its bounds computed once. Compare bounds directly (see {@link cidrOverlaps}); ip-num's own
 * overlap test recomputes them on every call.
 */
export interface Cidr {
  /** The text as written. */
  text: string;
  version: 4 | 6;
  prefix: number;
  first: bigint;
  last: bigint;
  /** Network address / prefix, e.g. `172.21.0.0/20`. */
  canonical: string;
  /** The text had host bits set (`172.21.0.1/20`): the API takes the network that contains it. */
  hostBitsSet: boolean;
}

const cache = new Map<string, Cidr | null>();

/** Parse `a.b.c.d/n` or an IPv6 CIDR; undefined when it is not valid CIDR notation. Results are cached. */
export function parseCidr(text: string): Cidr | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const parsed = parseUncached(text);
  if (cache.size > 10_000) cache.clear();
  cache.set(text, parsed ?? null);
  return parsed;
}

/**
 * The common case, `a.b.c.d/n` written plainly, without ip-num: its validator and range classes cost about 100 µs
 * per call while their code is cold, which is most of the time of reading an inventory of 1,000 vSwitches. Anything
 * else (IPv6, leading zeros, odd forms) goes through ip-num, which stays the reference (the tests compare the two).
 *
 * Plain means each octet `0|[1-9]\d{0,2}` and the prefix `0|[1-9]\d?`, the form ip-num accepts. It is read digit by
 * digit rather than with a regular expression: V8 compiles a regular expression on its first run and again, to
 * machine code, on its second, about 0.2 ms for this one, which every lint of a spec with a CIDR block paid.
 */
function parsePlainIPv4(text: string): Cidr | null | undefined {
  const n: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let i = 0;
  for (let k = 0; k < 5; k++) {
    const start = i;
    let value = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + c - 48;
    const digits = i - start;
    if (digits === 0 || digits > (k < 4 ? 3 : 2) || (digits > 1 && text.charCodeAt(start) === 48)) return undefined;
    n[k] = value;
    if (k < 4 && text.charCodeAt(i++) !== (k < 3 ? 46 : 47)) return undefined;
  }
  if (i !== text.length) return undefined;
  const [a, b, c, d, prefix] = n;
  if (prefix > 32 || a > 255 || b > 255 || c > 255 || d > 255) return null;
  // Plain numbers are exact up to 2^53, far above 2^32; bigint only for the result.
  const addr = a * 16777216 + b * 65536 + c * 256 + d;
  const size = 2 ** (32 - prefix);
  const first = Math.floor(addr / size) * size;
  const hostBitsSet = first !== addr;
  const canonical = hostBitsSet ? `${formatIPv4(BigInt(first))}/${prefix}` : text;
  return { text, version: 4, prefix, first: BigInt(first), last: BigInt(first + size - 1), canonical, hostBitsSet };
}

function parseUncached(text: string): Cidr | undefined {
  const t = text.trim();
  if (t !== text || !t.includes('/')) return undefined;
  const plain = parsePlainIPv4(t);
  if (plain !== undefined) return plain ?? undefined;
  return parseCidrWithIpNum(t);
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

/** `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.version === inner.version && outer.first <= inner.first && inner.last <= outer.last;
}

/** Number of addresses in the block. */
export function cidrSize(c: Cidr): bigint {
  return c.last - c.first + 1n;
}

/** Dotted-quad text of an IPv4 address given as a number. */
export function formatIPv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
}

/** The IPv4 block that starts at `first` (which must be aligned to the prefix) with the given prefix length. */
export function ipv4Block(first: bigint, prefix: number): Cidr {
  const size = 1n << BigInt(32 - prefix);
  const text = `${formatIPv4(first)}/${prefix}`;
  return { text, version: 4, prefix, first, last: first + size - 1n, canonical: text, hostBitsSet: false };
}
