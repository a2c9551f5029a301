import { clusterKind, defineRule, isObject } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'network-plugin-implicit',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'The body has no addons, so the network plugin is left to ACK\'s default and cannot be changed later.',
    details:
      'The network plugin of an ACK cluster is chosen in addons when the cluster is created and can never be changed afterwards. When addons is missing altogether, the request does not say which plugin to install and ACK falls back to its own default, which is not documented on the API reference page. Official sample bodies and production templates omit addons this way (for example a legacy multi-zone dedicated sample, and a driver that creates an empty ACK Pro control plane and adds node pools later), so this is not reported as an error; but the pod networking of the cluster then depends on a default rather than a decision. Name the plugin explicitly. Registered and Serverless clusters are not checked.',
    fact: {
      text: 'A network plug-in (Flannel or Terway) is required and is selected in addons; the plug-in cannot be changed after the cluster is created. The addons field itself is marked optional.',
      source: 'CreateCluster API reference, "addons"; ack-facts.md §3.1 and §5 "Immutable after creation" (NETPLAN)',
    },
    tags: ['network', 'cni', 'addons'],
    kindDependent: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if (kind !== 'managed' && kind !== 'dedicated') return;
    if (!isObject(root) || Object.hasOwn(root, 'addons')) return;
    ctx.report({
      message: 'addons is not set, so the request does not choose a network plugin and ACK installs its default, which can never be changed later. Add addons with {name: terway-eniip} (and pod_vswitch_ids) or {name: flannel} (and container_cidr).',
      at: { path: ['cluster_type'], on: 'key' },
    });
  },
});
