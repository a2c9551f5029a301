import { clusterVersion, defineRule, formatPath, isObject, nodePools, parseKubernetesVersion, versionAtLeast, type JsonPath, type JsonValue } from '@acklint/core';

interface Gate {
  path: JsonPath;
  /** The value that turns the feature on. */
  is: JsonValue;
  feature: string;
  min: string;
}

export default defineRule({
  meta: {
    id: 'feature-requires-version',
    defaultSeverity: 'error',
    category: 'versions',
    description: 'A feature is turned on that the cluster\'s Kubernetes version does not support (nftables, RRSA, dual stack, private edge interconnect).',
    details:
      'Some settings need a minimum Kubernetes version: proxy_mode nftables needs 1.35 or later; RRSA (rrsa_config.enabled or the deprecated enable_rrsa) needs 1.22.3-aliyun.1 or later; ip_stack dual needs 1.22 or later; a node pool interconnect_mode of private (edge node pools) needs 1.22 or later. With an older kubernetes_version the cluster cannot be created as asked. Raise kubernetes_version (or leave it out to get the latest), or turn the feature off. When kubernetes_version is left out ACK uses the latest version, which supports all of these.',
    fact: {
      text: 'proxy_mode nftables: Kubernetes ≥ 1.35. RRSA: ≥ 1.22.3-aliyun.1. ip_stack dual: ≥ 1.22. nodepools[].interconnect_mode private: ≥ 1.22.',
      source: 'ack-facts.md §3.29, §3.30, §3.31, §3.36 (TFD-M, K135, TFK, GO)',
    },
    tags: ['versions', 'proxy-mode', 'rrsa', 'dual-stack', 'edge'],
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    const cv = clusterVersion(root, ctx.now);
    if (!cv || !cv.given) return; // the latest version supports every feature here
    const gates: Gate[] = [
      { path: ['proxy_mode'], is: 'nftables', feature: 'kube-proxy in nftables mode', min: '1.35' },
      { path: ['rrsa_config', 'enabled'], is: true, feature: 'RRSA (RAM Roles for Service Accounts)', min: '1.22.3-aliyun.1' },
      { path: ['enable_rrsa'], is: true, feature: 'RRSA (RAM Roles for Service Accounts)', min: '1.22.3-aliyun.1' },
      { path: ['ip_stack'], is: 'dual', feature: 'IPv4/IPv6 dual stack', min: '1.22' },
    ];
    for (const np of nodePools(root)) gates.push({ path: [...np.path, 'interconnect_mode'], is: 'private', feature: `private interconnection of edge ${np.label}`, min: '1.22' });
    for (const g of gates) {
      if (ctx.document.get(g.path) !== g.is) continue;
      const min = parseKubernetesVersion(g.min)!;
      if (versionAtLeast(cv.version, min) !== false) continue;
      ctx.report({
        message: `${formatPath(g.path)} is ${JSON.stringify(g.is)}, but ${g.feature} needs Kubernetes ${g.min} or later and kubernetes_version is ${cv.version.text}. Raise kubernetes_version (or leave it out to get the latest), or turn the feature off.`,
        at: { path: g.path },
        related: [{ path: ['kubernetes_version'], message: `Kubernetes version ${cv.version.text}` }],
      });
    }
  },
});
