import { IPv4CidrRange, IPv6CidrRange, Validator } from 'ip-num';
import type { Cidr } from './cidr.js';

/**
 * CIDR text that is not plain `a.b.c.d/n` (IPv6, leading zeros, odd forms), read by ip-num, the reference parser.
 * A module of its own so that the CLI bundle loads ip-num only when such text turns up: ip-num's module init costs
 * about 0.7 ms, paid by every start while most specs hold plain IPv4 CIDR only (scripts/build.mjs, LAZY).
 * `text` is already trimmed and holds a slash.
 */
export function parseCidrWithIpNum(text: string): Cidr | undefined {
  try {
    if (text.includes(':')) {
      if (!Validator.isValidIPv6CidrNotation(text)[0]) return undefined;
      const r = IPv6CidrRange.fromCidr(text);
      const first = r.getFirst().getValue();
      const canonical = `${r.getFirst().toString()}/${r.getPrefix().getValue()}`;
      return { text, version: 6, prefix: Number(r.getPrefix().getValue()), first, last: r.getLast().getValue(), canonical, hostBitsSet: !Validator.isValidIPv6CidrRange(text)[0] };
    }
    if (!Validator.isValidIPv4CidrNotation(text)[0]) return undefined;
    const r = IPv4CidrRange.fromCidr(text);
    const canonical = `${r.getFirst().toString()}/${r.getPrefix().getValue()}`;
    return {
      text,
      version: 4,
      prefix: Number(r.getPrefix().getValue()),
      first: r.getFirst().getValue(),
      last: r.getLast().getValue(),
      canonical,
      hostBitsSet: canonical !== text,
    };
  } catch {
    return undefined;
  }
}
