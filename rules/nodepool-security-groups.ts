import { defineRule, formatPath, isObject, nodePools } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'nodepool-security-groups',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: "A node pool's scaling_group sets both security_group_id and security_group_ids; security_group_id is then ignored.",
    details:
      "A node pool's nodes join the security groups given by scaling_group.security_group_ids (the recommended, current field) or the older single security_group_id. When both are set, ACK uses security_group_ids and ignores security_group_id, so a group named only in security_group_id is silently left out. Move the group into security_group_ids (if it is meant to apply) and remove security_group_id. A pool that sets neither is not reported: in a CreateCluster body the nodes then use the cluster's security group.",
    fact: {
      text: 'scaling_group.security_group_ids wins over security_group_id when both are set.',
      source: 'ack-facts.md §2.7 and §3.27 (GO)',
    },
    tags: ['nodepools', 'security-group', 'no-effect'],
  },
  check(ctx) {
    for (const np of nodePools(ctx.value)) {
      const sg = np.pool['scaling_group'];
      if (!isObject(sg)) continue;
      const id = sg['security_group_id'];
      const ids = sg['security_group_ids'];
      if (typeof id !== 'string' || id === '' || !Array.isArray(ids) || ids.length === 0) continue;
      const base = [...np.path, 'scaling_group'];
      const listed = ids.includes(id);
      const message = listed
        ? `${formatPath([...base, 'security_group_id'])} repeats ${JSON.stringify(id)}, which security_group_ids already lists; when both are set ACK uses only security_group_ids. Remove security_group_id.`
        : `${formatPath([...base, 'security_group_id'])} is ${JSON.stringify(id)}, but security_group_ids is also set and wins, so ${np.label} will not join ${id}. Add it to security_group_ids if it is needed, and remove security_group_id.`;
      ctx.report({
        message,
        at: { path: [...base, 'security_group_id'], on: 'key' },
        related: [{ path: [...base, 'security_group_ids'], message: 'security_group_ids is used instead' }],
      });
    }
  },
});
