import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'security-group-conflict',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'security_group_id and is_enterprise_security_group are both set; the flag is ignored.',
    details:
      'Cluster nodes join one security group: either an existing one named by security_group_id, or one that ACK creates (an advanced, "enterprise" group when is_enterprise_security_group is true, a basic one when it is false). The two fields are alternatives: when security_group_id is set, is_enterprise_security_group is ignored, so a request that sets both does not do what one of them says. Keep security_group_id to use your group, or remove it and keep is_enterprise_security_group to let ACK create one.',
    fact: {
      text: 'Specify security_group_id or is_enterprise_security_group, not both; is_enterprise_security_group takes effect only when security_group_id is empty (Terraform declares the two as conflicting).',
      source: 'CreateCluster API reference, "security_group_id" and "is_enterprise_security_group"; ack-facts.md §3.26 (GO, TFM)',
    },
    tags: ['network', 'security-group', 'no-effect'],
  },
  check(ctx) {
    const doc = ctx.document;
    const sg = doc.get(['security_group_id']);
    const flag = doc.get(['is_enterprise_security_group']);
    if (typeof sg !== 'string' || sg.trim() === '' || typeof flag !== 'boolean') return;
    const what = flag
      ? 'ACK will not create an advanced security group; the nodes join the existing group'
      : 'the flag changes nothing; the nodes join the existing group';
    ctx.report({
      message: `is_enterprise_security_group is ${flag}, but security_group_id ${JSON.stringify(sg)} is also set, so the flag is ignored: ${what}. Set only one of the two: remove is_enterprise_security_group to use ${JSON.stringify(sg)}, or remove security_group_id to let ACK create a group.`,
      at: { path: ['is_enterprise_security_group'], on: 'key' },
      related: [{ path: ['security_group_id'], message: 'An existing security group is chosen here, which wins' }],
    });
  },
});
