import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'deletion-protection-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'Deletion protection is off (deletion_protection false or not set), so one API call or console click deletes the cluster.',
    details:
      'With deletion protection on, the cluster cannot be deleted in the console or through the API until the protection is turned off first, which guards against a wrong cluster ID in a script or a hurried click. It is off by default. Set deletion_protection: true for any cluster you would not want to recreate; test clusters that are created and deleted by automation can turn this rule off.',
    fact: {
      text: 'deletion_protection: true prevents deleting the cluster in the console or by API; the default is false.',
      source: 'CreateCluster API reference, "deletion_protection"; peer-rules.md (candidates: deletion protection); ack-facts.md §2.1',
    },
    tags: ['security', 'best-practice', 'availability'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    // Only cluster types ACK creates and deletes. Deleting a registered cluster (ExternalKubernetes) only removes its
    // registration, and without a cluster_type there is no telling what the spec creates.
    const type = doc.get(['cluster_type']);
    if (type !== 'ManagedKubernetes' && type !== 'Kubernetes' && type !== 'Ask') return;
    const v = doc.get(['deletion_protection']);
    if (v === true) return;
    if (v === false) {
      ctx.report({
        message: 'deletion_protection is false: the cluster can be deleted by a single console click or API call. Set it to true.',
        at: { path: ['deletion_protection'] },
        fix: { title: 'Turn deletion protection on', safe: false, edits: [{ target: { path: ['deletion_protection'] }, newText: 'true' }] },
      });
      return;
    }
    if (v !== undefined) return; // another type: the schema's concern
    ctx.report({
      message: 'deletion_protection is not set, so it is off (the default is false): the cluster can be deleted by a single console click or API call. Add deletion_protection: true.',
      at: { path: ['cluster_type'], on: 'key' },
    });
  },
});
