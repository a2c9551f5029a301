import { clusterKind, defineRule, isObject, networkPlugins } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'dual-stack-requires-terway',
    defaultSeverity: 'error',
    category: 'network',
    description: 'ip_stack asks for IPv4/IPv6 dual stack, but the network plugin is flannel.',
    details:
      'A dual-stack cluster (ip_stack: dual; the Go SDK text calls the same setting ipv6) gives pods IPv6 addresses as well, and only Terway can do that, on a VPC with IPv6 enabled; Flannel is IPv4 only. Either choose terway-eniip (with pod_vswitch_ids) or set ip_stack to ipv4. Dual stack also needs Kubernetes 1.22 or later.',
    fact: {
      text: 'ip_stack dual requires the Terway network plug-in (and Kubernetes 1.22 or later, and a dual-stack VPC).',
      source: 'ack-facts.md §3.30 and §2.1 "ip_stack" (TFD-M; GO example text)',
    },
    tags: ['network', 'ipv6', 'dual-stack', 'terway'],
    fixable: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if (kind === 'serverless' || kind === 'registered' || !isObject(root)) return; // a plugin in addons means nodes of the cluster's own
    const stack = root['ip_stack'];
    if (stack !== 'dual' && stack !== 'ipv6') return;
    const plugins = networkPlugins(root);
    if (!plugins || plugins.length !== 1 || plugins[0]!.family !== 'flannel') return;
    const doc = ctx.document;
    const node = doc.node(['ip_stack']);
    const canFix = node?.kind === 'string' && !doc.isShared(['ip_stack']);
    ctx.report({
      ...(canFix ? { fix: { title: 'Set ip_stack to ipv4 (single stack)', safe: false, edits: [{ target: { path: ['ip_stack'] }, newText: doc.stringLiteral(['ip_stack'], 'ipv4') }] } } : {}),
      message: `ip_stack is ${JSON.stringify(stack)} (IPv4/IPv6 dual stack), which only the Terway network plugin supports, but the plugin is flannel. Choose terway-eniip (with pod_vswitch_ids), or set ip_stack to ipv4.`,
      at: { path: ['ip_stack'] },
      related: [{ path: plugins[0]!.path, message: 'flannel is chosen here' }],
    });
  },
});
