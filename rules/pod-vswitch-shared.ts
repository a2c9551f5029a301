import { defineRule, formatPath, networkPlanOf, usesTerway } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'pod-vswitch-shared',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'A Terway pod vSwitch is also used as a node vSwitch.',
    details:
      'ACK plans Terway clusters with separate vSwitches for nodes and pods: pods draw addresses quickly, and when they share a vSwitch with the nodes, the pods can use up the addresses that new nodes (and load balancers) need, so scaling out fails. Give pods their own vSwitches, one per node zone, and keep the node vSwitches for nodes.',
    fact: {
      text: 'Pod vSwitches should be different from the node vSwitches.',
      source: 'ack-facts.md §3.5 (PLAN21, TFD-M)',
    },
    tags: ['network', 'terway', 'vswitch'],
  },
  check(ctx) {
    const plan = networkPlanOf(ctx.document);
    if (!usesTerway(plan)) return;
    const seen = new Set<string>();
    for (const pod of plan.podVSwitches) {
      if (seen.has(pod.id)) continue;
      const node = plan.nodeVSwitches.find((n) => n.id === pod.id);
      if (!node) continue;
      seen.add(pod.id);
      ctx.report({
        message: `vSwitch ${pod.id} is both a pod vSwitch and a node vSwitch (${formatPath(node.path)}): pods can use up the addresses new nodes need. Use separate vSwitches for pods.`,
        at: { path: pod.path },
        related: [{ path: node.path, message: `Also a node vSwitch here` }],
      });
    }
  },
});
