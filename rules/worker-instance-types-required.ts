import { defineRule, isObject, numberish } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'worker-instance-types-required',
    defaultSeverity: 'error',
    category: 'nodepools',
    description: 'num_of_nodes asks for worker nodes, but worker_instance_types does not say what they are.',
    details:
      'The deprecated top-level worker fields create worker nodes with the cluster: num_of_nodes of them, of the ECS instance types in worker_instance_types. With num_of_nodes above 0 the instance types are required, and without them the request fails. Add worker_instance_types, or better, move the workers into a node pool (nodepools[].scaling_group.instance_types and desired_size), which is how nodes are created today. num_of_nodes: 0 (no workers) needs no instance types.',
    fact: {
      text: 'worker_instance_types is required when num_of_nodes is greater than 0 (deprecated worker fields; node pools replace them).',
      source: 'Go SDK text of worker_instance_types and num_of_nodes (ack-facts.md §2.2, GO, DOC21)',
    },
    tags: ['nodepools', 'deprecated', 'required'],
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    const count = numberish(root['num_of_nodes']);
    if (count === undefined || count <= 0) return;
    const types = root['worker_instance_types'];
    if (Array.isArray(types) ? types.length > 0 : types !== undefined && types !== null && types !== '') return;
    const set = Object.hasOwn(root, 'worker_instance_types');
    ctx.report({
      message: `num_of_nodes is ${count}, but worker_instance_types ${set ? 'is empty' : 'is not set'}: the ${count === 1 ? 'worker node needs an instance type' : `${count} worker nodes need instance types`}, and the request fails without. Add worker_instance_types (e.g. ["ecs.g7.xlarge"]), or create the workers in a node pool instead (nodepools[].scaling_group.instance_types and desired_size).`,
      at: { path: ['num_of_nodes'], on: 'key' },
      ...(set ? { related: [{ path: ['worker_instance_types'], on: 'key' as const, message: 'worker_instance_types lists no type here' }] } : {}),
    });
  },
});
