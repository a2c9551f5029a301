import { defineRule, formatPath, isGiven, isObject } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'managed-nodepool-key-pair',
    defaultSeverity: 'warning',
    category: 'credentials',
    description: 'A managed node pool (management.enable: true) logs on with login_password; managed node pools should use key_pair.',
    details:
      'In a managed node pool ACK repairs, upgrades and patches the nodes itself, replacing them as needed. The node-pool model of CreateCluster says such a pool uses a key pair (key_pair), and Terraform supports only a key pair there. The CreateClusterNodePool documentation states no such rule, so this is a warning rather than an error. Set key_pair and remove login_password, or turn management off if you manage the nodes yourself.',
    fact: {
      text: 'If management.enable is true, key_pair is to be used (Nodepool model; Terraform: only key_name is supported). CreateClusterNodePool states the key-pair requirement only for ContainerOS.',
      source: 'ack-facts.md §3.17 and §7 "Managed node pool credentials" (GO, GONP, TFD-NP)',
    },
    tags: ['credentials', 'nodepools', 'managed'],
  },
  check(ctx) {
    const root = ctx.value;
    const pools = isObject(root) ? root['nodepools'] : undefined;
    if (!Array.isArray(pools)) return;
    pools.forEach((pool, i) => {
      if (!isObject(pool)) return;
      const mgmt = pool['management'];
      const sg = pool['scaling_group'];
      if (!isObject(mgmt) || mgmt['enable'] !== true || !isObject(sg)) return;
      if (isGiven(sg['key_pair']) || !isGiven(sg['login_password'])) return; // both, or neither: login-credentials
      if (sg['image_type'] === 'ContainerOS') return; // containeros-requires-key-pair
      const path = ['nodepools', i, 'scaling_group', 'login_password'];
      ctx.report({
        message: `${formatPath(['nodepools', i])} is a managed node pool (management.enable: true) but logs on with login_password; managed node pools are meant to use a key pair. Set key_pair and remove login_password.`,
        at: { path, on: 'key' },
        related: [{ path: ['nodepools', i, 'management', 'enable'], message: 'managed here' }],
      });
    });
  },
});
