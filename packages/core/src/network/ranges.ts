import { ipv4Block, parseCidr, type Cidr } from '../cidr.js';

/** A range of addresses (bounds computed once, see {@link Cidr}) with whatever it stands for. */
export interface Interval<T> {
  first: bigint;
  last: bigint;
  item: T;
}

/** The private IPv4 ranges of RFC 1918, the only ones ACK accepts for pod and Service CIDRs. */
export const PRIVATE_IPV4_TEXT = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;

export function privateIPv4Ranges(): Cidr[] {
  return PRIVATE_IPV4_TEXT.map((t) => parseCidr(t)!);
}

/** The block lies entirely inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16. */
export function isPrivateIPv4(c: Cidr): boolean {
  return c.version === 4 && privateIPv4Ranges().some((p) => p.first <= c.first && c.last <= p.last);
}

function byFirst<T>(a: Interval<T>, b: Interval<T>): number {
  return a.first < b.first ? -1 : a.first > b.first ? 1 : a.last < b.last ? -1 : a.last > b.last ? 1 : 0;
}

/**
 * Every pair (query, range) whose intervals share an address, by sort and sweep: both lists are sorted once by their
 * first address and walked together, keeping only the intervals that are still open. Cost O((n + m) log(n + m) + k)
 * for k pairs, not n × m comparisons. Pairs come out in order of the range's first address, then the query's.
 */
export function overlapPairs<A, B>(queries: readonly Interval<A>[], ranges: readonly Interval<B>[]): Array<[A, B]> {
  const out: Array<[A, B]> = [];
  if (!queries.length || !ranges.length) return out;
  const qs = [...queries].sort(byFirst);
  const rs = [...ranges].sort(byFirst);
  let openQ: Interval<A>[] = [];
  let openR: Interval<B>[] = [];
  let i = 0;
  let j = 0;
  while (i < qs.length || j < rs.length) {
    // Take the interval that starts first (queries first on a tie, so that the range that follows sees it open).
    const takeQuery = j >= rs.length || (i < qs.length && qs[i]!.first <= rs[j]!.first);
    if (takeQuery) {
      const q = qs[i++]!;
      openR = openR.filter((r) => r.last >= q.first);
      for (const r of openR) out.push([q.item, r.item]);
      openQ.push(q);
    } else {
      const r = rs[j++]!;
      openQ = openQ.filter((q) => q.last >= r.first);
      for (const q of openQ) out.push([q.item, r.item]);
      openR.push(r);
    }
  }
  return out;
}

/** Sorted, merged copy of the intervals (touching and overlapping ones joined). */
export function mergeIntervals(list: readonly { first: bigint; last: bigint }[]): Array<{ first: bigint; last: bigint }> {
  const sorted = [...list].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: Array<{ first: bigint; last: bigint }> = [];
  for (const x of sorted) {
    const prev = out[out.length - 1];
    if (prev && x.first <= prev.last + 1n) {
      if (x.last > prev.last) prev.last = x.last;
    } else out.push({ first: x.first, last: x.last });
  }
  return out;
}

/**
 * The first IPv4 block of length `prefix` inside one of `allowed` (tried in the order given) that shares no address
 * with `taken`, or undefined when there is none. Walks the merged taken list once per allowed range.
 */
export function firstFreeBlock(prefix: number, allowed: readonly Cidr[], taken: readonly { first: bigint; last: bigint }[]): Cidr | undefined {
  if (prefix < 0 || prefix > 32) return undefined;
  const size = 1n << BigInt(32 - prefix);
  const busy = mergeIntervals(taken);
  for (const a of allowed) {
    if (a.version !== 4 || a.prefix > prefix) continue;
    let cur = a.first;
    let k = 0;
    for (;;) {
      cur = ((cur + size - 1n) / size) * size; // align up
      if (cur + size - 1n > a.last) break;
      while (k < busy.length && busy[k]!.last < cur) k++;
      const b = busy[k];
      if (!b || b.first > cur + size - 1n) return ipv4Block(cur, prefix);
      cur = b.last + 1n;
    }
  }
  return undefined;
}
