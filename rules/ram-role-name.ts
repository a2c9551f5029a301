import { clusterVersion, compareMinor, defineRule, formatPath, isObject, nodePools } from '@acklint/core';

const FROM = { major: 1, minor: 22 };
const RESERVED = /^(KubernetesMasterRole-|KubernetesWorkerRole-)/;

export default defineRule({
  meta: {
    id: 'ram-role-name',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: 'A node pool\'s ram_role_name is used where ACK does not support it, or starts with a prefix reserved for ACK\'s default roles.',
    details:
      'nodepools[].scaling_group.ram_role_name gives a node pool its own RAM role instead of the cluster\'s default worker role. ACK documents it for ACK managed clusters (cluster_type ManagedKubernetes) running Kubernetes 1.22 or later, and as a feature that must be enabled for the account (allowlist). A role name starting with KubernetesMasterRole- or KubernetesWorkerRole- is reserved for the roles ACK creates, and may only be the cluster\'s own default role. The rule warns (rather than fails) because the allowlist and the default role name cannot be checked offline. When kubernetes_version is left out ACK creates the latest version, which is recent enough.',
    fact: {
      text: 'ram_role_name: only for ACK managed clusters with Kubernetes 1.22 or later (allowlisted); must not start with KubernetesMasterRole- or KubernetesWorkerRole- unless it is the default role.',
      source: 'CreateClusterNodePool API reference, "ram_role_name"; ack-facts.md §2.7 and §3.40 (GO, GONP)',
    },
    tags: ['nodepools', 'ram', 'iam', 'versions'],
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    const doc = ctx.document;
    const cv = clusterVersion(root, ctx.now);
    const clusterType = root['cluster_type'];
    for (const np of nodePools(root)) {
      const path = [...np.path, 'scaling_group', 'ram_role_name'];
      const role = doc.get(path);
      if (typeof role !== 'string' || role === '') continue;
      const name = formatPath(path);
      if (typeof clusterType === 'string' && clusterType !== 'ManagedKubernetes') {
        ctx.report({
          message: `${name} is set, but cluster_type is ${clusterType}: a node pool RAM role is only available on ACK managed clusters (ManagedKubernetes). Remove it; the nodes get the cluster's worker role.`,
          at: { path, on: 'key' },
          related: [{ path: ['cluster_type'], message: `cluster_type ${clusterType}` }],
        });
        continue;
      }
      if (cv?.given && compareMinor(cv.version, FROM) < 0) {
        ctx.report({
          message: `${name} is set, but a node pool RAM role needs Kubernetes 1.22 or later and kubernetes_version is ${cv.version.text}. Raise kubernetes_version, or remove ram_role_name.`,
          at: { path, on: 'key' },
          related: [{ path: ['kubernetes_version'], message: `Kubernetes version ${cv.version.text}` }],
        });
      }
      const reserved = RESERVED.exec(role);
      if (reserved) {
        ctx.report({
          message: `${name} ${JSON.stringify(role)} starts with ${reserved[1]}, a prefix reserved for the roles ACK creates; unless this is the cluster's own default role, ACK refuses it. Use a role name of your own.`,
          at: { path },
        });
      }
    }
  },
});
