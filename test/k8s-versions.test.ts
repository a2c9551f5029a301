/**
 * The Kubernetes version helpers and the date-dependent rules, with "today" set on either side of the table's dates
 * (the fixture tests run on one fixed date only).
 */
import { describe, expect, it } from 'vitest';
import {
  ACK_KUBERNETES_RELEASES,
  clusterVersion,
  latestAckRelease,
  lint,
  parseKubernetesVersion,
  versionAtLeast,
  type Rule,
} from '@acklint/core';
import { builtinRules } from '@acklint/rules';

const rule = (id: string): Rule => builtinRules.find((r) => r.meta.id === id)!;

async function findings(id: string, yaml: string, now: string): Promise<string[]> {
  const result = await lint(Buffer.from(yaml), { fileName: 'spec.yaml', rules: [rule(id)], now: new Date(now) });
  return result.diagnostics.map((d) => d.message);
}

const spec = (version: string, extra = '') => `name: c\nregion_id: cn-hangzhou\ncluster_type: ManagedKubernetes\nkubernetes_version: ${version}\n${extra}`;

describe('parseKubernetesVersion and versionAtLeast', () => {
  it('parses ACK version strings numerically', () => {
    expect(parseKubernetesVersion('1.32.1-aliyun.1')).toEqual({ major: 1, minor: 32, patch: 1, build: 1, text: '1.32.1-aliyun.1' });
    expect(parseKubernetesVersion('1.14.8-aliyunedge.1')).toMatchObject({ major: 1, minor: 14, patch: 8, build: 1 });
    expect(parseKubernetesVersion('1.22')).toEqual({ major: 1, minor: 22, text: '1.22' });
    for (const bad of ['%s', '', 'latest', '1', '1.x', 1.3, null]) expect(parseKubernetesVersion(bad)).toBeUndefined();
  });

  it('compares part by part, numerically, and says unknown when a part is missing', () => {
    const min = parseKubernetesVersion('1.22.3-aliyun.1')!;
    const at = (v: string) => versionAtLeast(parseKubernetesVersion(v)!, min);
    expect(at('1.22.3-aliyun.1')).toBe(true);
    expect(at('1.22.10-aliyun.1')).toBe(true); // 10 > 3, not "1" < "3"
    expect(at('1.22.2-aliyun.9')).toBe(false);
    expect(at('1.100.0-aliyun.1')).toBe(true);
    expect(at('1.9.0-aliyun.1')).toBe(false);
    expect(at('1.22')).toBe('unknown');
    expect(at('1.22.3')).toBe('unknown');
    expect(at('1.23')).toBe(true);
  });
});

describe('the release table', () => {
  it('is newest first, with end of life after release', () => {
    const minors = ACK_KUBERNETES_RELEASES.map((r) => Number(r.minor.split('.')[1]));
    expect([...minors].sort((a, b) => b - a)).toEqual(minors);
    for (const r of ACK_KUBERNETES_RELEASES) expect(`${r.released}-01` < r.endOfLife).toBe(true);
  });

  it('picks the latest release by date, which is what a missing kubernetes_version means', () => {
    expect(latestAckRelease(new Date('2026-04-30T23:59:59Z'))!.minor).toBe('1.35');
    expect(latestAckRelease(new Date('2026-05-01T00:00:00Z'))!.minor).toBe('1.36');
    expect(clusterVersion({ name: 'x' }, new Date('2026-03-01T00:00:00Z'))).toMatchObject({ given: false, version: { major: 1, minor: 35 } });
    expect(clusterVersion({ kubernetes_version: '%s' }, new Date())).toBeUndefined();
  });
});

describe('kubernetes-version-eol on either side of an end-of-life date', () => {
  // 1.34: support ends on 2026-09-30 (the last supported day).
  it('is quiet on the last day of support', async () => {
    expect(await findings('kubernetes-version-eol', spec('1.34.1-aliyun.1'), '2026-09-30T23:59:59Z')).toEqual([]);
  });

  it('warns from the next day', async () => {
    expect(await findings('kubernetes-version-eol', spec('1.34.1-aliyun.1'), '2026-10-01T00:00:00Z')).toEqual([
      'kubernetes_version 1.34.1-aliyun.1: ACK support for Kubernetes 1.34 ended on 2026-09-30; it gets no fixes, and ACK may refuse new clusters of it. Use a supported minor such as 1.36, the latest, or leave kubernetes_version out to get the latest.',
    ]);
  });

  it('reads a month-only end of life as the end of that month', async () => {
    expect(await findings('kubernetes-version-eol', spec('1.26.3-aliyun.1'), '2025-04-30T12:00:00Z')).toEqual([]);
    expect(await findings('kubernetes-version-eol', spec('1.26.3-aliyun.1'), '2025-05-01T00:00:00Z')).toHaveLength(1);
  });

  it('says a minor is not released yet before its release month', async () => {
    expect(await findings('kubernetes-version-eol', spec('1.36.0-aliyun.1'), '2026-04-15T00:00:00Z')).toEqual([
      "kubernetes_version 1.36.0-aliyun.1: Kubernetes 1.36 is not released by ACK until May 2026 by acklint's release table, so it cannot be created on 2026-04-15. Use a supported minor such as 1.35, the latest, or leave kubernetes_version out to get the latest.",
    ]);
  });
});

describe('version-dependent rules when kubernetes_version is left out', () => {
  it('assume the latest release on the day of the check', async () => {
    // Before 1.35 was released the latest was 1.34, where IPVS is not deprecated yet.
    expect(await findings('proxy-mode-ipvs-deprecated', 'name: c\ncluster_type: ManagedKubernetes\nproxy_mode: ipvs\n', '2026-01-15T00:00:00Z')).toEqual([]);
    expect(await findings('proxy-mode-ipvs-deprecated', 'name: c\ncluster_type: ManagedKubernetes\nproxy_mode: ipvs\n', '2026-02-01T00:00:00Z')).toHaveLength(1);
  });
});
