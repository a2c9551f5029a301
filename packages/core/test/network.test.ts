import { describe, expect, it } from 'vitest';
import { cidrOverlaps, firstFreeBlock, mergeIntervals, overlapPairs, parseCidr, parseInventory, privateIPv4Ranges, type Cidr } from '../src/index.js';

const c = (t: string): Cidr => parseCidr(t)!;

/** A small deterministic pseudo-random generator, so that the property test is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('overlapPairs (sort and sweep)', () => {
  it('finds exactly the pairs a comparison of every pair finds', () => {
    const next = rng(42);
    const block = () => {
      const prefix = 8 + Math.floor(next() * 21);
      const addr = BigInt(Math.floor(next() * 2 ** 32)) & ~((1n << BigInt(32 - prefix)) - 1n);
      const t = `${[24n, 16n, 8n, 0n].map((s) => (addr >> s) & 255n).join('.')}/${prefix}`;
      return c(t);
    };
    for (let round = 0; round < 20; round++) {
      const qs = Array.from({ length: 15 }, (_, i) => ({ cidr: block(), i }));
      const rs = Array.from({ length: 60 }, (_, i) => ({ cidr: block(), i }));
      const got = overlapPairs(
        qs.map((q) => ({ first: q.cidr.first, last: q.cidr.last, item: q.i })),
        rs.map((r) => ({ first: r.cidr.first, last: r.cidr.last, item: r.i })),
      )
        .map(([a, b]) => `${a}:${b}`)
        .sort();
      const want: string[] = [];
      for (const q of qs) for (const r of rs) if (cidrOverlaps(q.cidr, r.cidr)) want.push(`${q.i}:${r.i}`);
      expect(got).toEqual(want.sort());
    }
  });

  it('handles touching, nested and equal ranges', () => {
    const pairs = overlapPairs(
      [{ ...c('10.0.0.0/24'), item: 'q' }],
      [
        { ...c('10.0.1.0/24'), item: 'after' },
        { ...c('10.0.0.0/16'), item: 'around' },
        { ...c('10.0.0.0/24'), item: 'equal' },
        { ...c('10.0.0.128/25'), item: 'inside' },
        { ...c('9.255.255.0/24'), item: 'before' },
      ],
    );
    expect(pairs.map(([, r]) => r).sort()).toEqual(['around', 'equal', 'inside']);
  });

  it('stays fast for 1,000 vSwitches and 200 clusters', () => {
    // Node-sized vSwitches in a 10.0.0.0/8 VPC, and cluster pod CIDRs, some of them inside the VPC.
    const ranges = Array.from({ length: 1000 }, (_, i) => ({ ...c(`10.${i >> 2}.${(i & 3) * 64}.0/26`), item: i }));
    const queries = Array.from({ length: 200 }, (_, i) => ({ ...c(i % 2 ? `172.${16 + (i % 16)}.${i}.0/24` : `10.${i}.0.0/16`), item: i }));
    const t0 = performance.now();
    for (let k = 0; k < 10; k++) overlapPairs(queries, ranges);
    // Generous for a loaded 2-core machine; a comparison of every pair with ip-num would take seconds.
    expect((performance.now() - t0) / 10).toBeLessThan(200);
  });
});

describe('firstFreeBlock', () => {
  it('returns the first aligned block of the size that avoids every taken range', () => {
    const taken = [c('172.16.0.0/16'), c('172.17.0.0/20'), c('172.17.32.0/19')];
    expect(firstFreeBlock(20, [c('172.16.0.0/12')], taken)?.text).toBe('172.17.16.0/20');
    expect(firstFreeBlock(16, [c('172.16.0.0/12')], taken)?.text).toBe('172.18.0.0/16');
    expect(firstFreeBlock(24, [c('192.168.0.0/16')], [c('192.168.0.0/16')])).toBeUndefined();
    // The allowed ranges are tried in the order given.
    expect(firstFreeBlock(16, privateIPv4Ranges(), [c('10.0.0.0/8')])?.text).toBe('172.16.0.0/16');
    // A block larger than the allowed range does not fit in it.
    expect(firstFreeBlock(8, [c('192.168.0.0/16')], [])).toBeUndefined();
  });

  it('merges overlapping and touching taken ranges', () => {
    expect(mergeIntervals([c('10.0.1.0/24'), c('10.0.0.0/24'), c('10.0.0.128/25'), c('10.0.3.0/24')]).map((x) => [x.first, x.last])).toEqual([
      [c('10.0.0.0/23').first, c('10.0.0.0/23').last],
      [c('10.0.3.0/24').first, c('10.0.3.0/24').last],
    ]);
  });
});

describe('parseInventory', () => {
  it('reads the three outputs, also as bare lists, and locates each entry by its ID', () => {
    const text = JSON.stringify({
      Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '192.168.0.0/16', SecondaryCidrBlocks: { SecondaryCidrBlock: ['10.1.0.0/16'] }, VSwitchIds: { VSwitchId: ['vsw-1'] } }],
      VSwitches: { VSwitch: [{ VSwitchId: 'vsw-1', VpcId: 'vpc-1', ZoneId: 'cn-hangzhou-h', CidrBlock: '192.168.0.0/24', AvailableIpAddressCount: 250 }] },
      clusters: [{ cluster_id: 'c-1', name: 'a', vpc_id: 'vpc-1', container_cidr: '172.20.0.0/16', service_cidr: '172.21.0.0/20,fd00::/112' }],
    });
    const r = parseInventory(text, '/inv.json');
    expect(r.file.kinds).toEqual(['DescribeVpcs', 'DescribeVSwitches', 'DescribeClustersV1']);
    expect(r.vpcs[0]!.secondary.map((s) => s.cidr.text)).toEqual(['10.1.0.0/16']);
    expect(text.slice(r.vpcs[0]!.at.span.start, r.vpcs[0]!.at.span.end)).toBe('"vpc-1"');
    expect(r.vswitches[0]).toMatchObject({ id: 'vsw-1', zoneId: 'cn-hangzhou-h', available: 250 });
    expect(r.clusters[0]!.serviceCidrs.map((x) => x.text)).toEqual(['172.21.0.0/20', 'fd00::/112']);
    expect(r.clusters[0]!.at.file).toBe('/inv.json');
  });

  it('reads a component catalogue (ListAddons or DescribeAddons) and tells a CreateCluster body apart', () => {
    const list = '{"addons":[{"name":"ack-pod-identity-webhook","version":"1.2.0","category":"security"},{"name":"flannel"}]}';
    const r = parseInventory(list, '/addons.json');
    expect(r.file.kinds).toEqual(['ListAddons']);
    expect(r.addons.map((a) => [a.name, a.version])).toEqual([['ack-pod-identity-webhook', '1.2.0'], ['flannel', undefined]]);
    expect(list.slice(r.addons[0]!.at.span.start, r.addons[0]!.at.span.end)).toBe('"ack-pod-identity-webhook"');
    const described = parseInventory('{"ComponentGroups":[{"group_name":"storage","items":[{"name":"csi-plugin"}]}],"StandardComponents":{"coredns":{"version":"1.9"}}}', '/d.json');
    expect(described.addons.map((a) => a.name)).toEqual(['csi-plugin', 'coredns']);
    expect(() => parseInventory('{"cluster_type":"ManagedKubernetes","addons":[{"name":"flannel"}]}', '/spec.json')).toThrow(/unrecognised content/);
  });

  it('accepts an empty list of a known shape', () => {
    expect(parseInventory('{"VSwitches":{"VSwitch":[]},"TotalCount":0}', 'x.json').file.kinds).toEqual(['DescribeVSwitches']);
  });
});

describe('parseCidr fast path for plain IPv4', () => {
  it('agrees with ip-num (the reference) on valid and invalid text', async () => {
    const { IPv4CidrRange, Validator } = await import('ip-num');
    const samples = ['10.0.0.0/8', '172.21.0.1/20', '0.0.0.0/0', '255.255.255.255/32', '192.168.1.77/24', '10.0.0.0/33', '256.0.0.0/8', '1.2.3/8', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.1/31', '100.64.5.5/10', '10.00.0.0/8', '10.0.0.0/08'];
    for (const t of samples) {
      const valid = Validator.isValidIPv4CidrNotation(t)[0];
      const got = parseCidr(t);
      expect(Boolean(got), t).toBe(valid);
      if (!got || !valid) continue;
      const r = IPv4CidrRange.fromCidr(t);
      expect([got.first, got.last, got.prefix, got.canonical], t).toEqual([r.getFirst().getValue(), r.getLast().getValue(), Number(r.getPrefix().getValue()), `${r.getFirst().toString()}/${r.getPrefix().getValue()}`]);
    }
  });
});
