import { clusterVersion, compareMinor, defineRule, describeClusterVersion } from '@acklint/core';

const DEPRECATED_FROM = { major: 1, minor: 35 };

export default defineRule({
  meta: {
    id: 'proxy-mode-ipvs-deprecated',
    defaultSeverity: 'warning',
    category: 'versions',
    description: 'proxy_mode ipvs is chosen on Kubernetes 1.35 or later, where the IPVS mode of kube-proxy is deprecated.',
    details:
      "From Kubernetes 1.35 the Kubernetes community deprecates kube-proxy's IPVS mode, and ACK's 1.35 release notes say so; it still works, but it will be removed in a later version, and proxy_mode cannot be changed after the cluster is created. On 1.35 and later choose nftables (the successor, available from 1.35) or iptables. When kubernetes_version is left out ACK creates the latest version, so an explicit ipvs is reported too. A proxy_mode left out is not reported (the API's default is ipvs, but that is ACK's choice to make).",
    fact: {
      text: 'IPVS mode of kube-proxy is deprecated from Kubernetes 1.35; nftables is available from 1.35.',
      source: 'ACK Kubernetes 1.35 release notes; ack-facts.md §3.29 and §6 (K135, TFD-M)',
    },
    tags: ['versions', 'proxy-mode', 'kube-proxy', 'deprecation'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.get(['proxy_mode']) !== 'ipvs') return;
    const cv = clusterVersion(ctx.value, ctx.now);
    if (!cv || compareMinor(cv.version, DEPRECATED_FROM) < 0) return;
    ctx.report({
      message: `proxy_mode is "ipvs", but ${describeClusterVersion(cv)}, and kube-proxy's IPVS mode is deprecated from Kubernetes 1.35 (proxy_mode cannot be changed later). Use nftables or iptables.`,
      at: { path: ['proxy_mode'] },
      ...(cv.given ? { related: [{ path: ['kubernetes_version'], message: `Kubernetes version ${cv.version.text}` }] } : {}),
      fix: { title: 'Use nftables', safe: false, edits: [{ target: { path: ['proxy_mode'] }, newText: doc.stringLiteral(['proxy_mode'], 'nftables') }] },
    });
  },
});
