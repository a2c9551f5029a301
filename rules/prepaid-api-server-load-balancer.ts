import { clusterKind, defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'prepaid-api-server-load-balancer',
    defaultSeverity: 'warning',
    category: 'billing',
    description: 'The top-level charge_type is PrePaid, which is obsolete: it bills only the API server load balancer, and new ones are no longer sold by subscription.',
    details:
      'Since 15 October 2024 the top-level charge_type, period, period_unit, auto_renew and auto_renew_period bill only the Classic Load Balancer in front of the API server; nodes are billed per node pool (nodepools[].scaling_group.instance_charge_type) and dedicated masters in master_* or control_plane_config. From 1 December 2024 newly created CLB instances no longer support subscription (PrePaid). A top-level PrePaid is therefore at best a leftover from the time it also bought the nodes. Remove charge_type and its period fields (or set PostPaid), and put node subscriptions in the node pools.',
    fact: {
      text: 'Top-level charge_type/period/period_unit/auto_renew apply only to the API server CLB since 2024-10-15, and new CLBs no longer support PrePaid from 2024-12-01.',
      source: 'ack-facts.md §3.11, §1 and §2.2 "charge_type" (CHG2024, GO, TS)',
    },
    tags: ['billing', 'load-balancer', 'deprecated'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.get(['charge_type']) !== 'PrePaid') return;
    const kind = clusterKind(ctx.value);
    if (kind === 'registered') return;
    const canFix = !doc.isShared(['charge_type']);
    ctx.report({
      message: 'charge_type PrePaid now bills only the API server load balancer, and new load balancers are no longer sold by subscription. Remove charge_type and its period fields (or use PostPaid), and subscribe nodes in nodepools[].scaling_group.instance_charge_type instead.',
      at: { path: ['charge_type'] },
      ...(canFix ? { fix: { title: 'Set charge_type to PostPaid', safe: false, edits: [{ target: { path: ['charge_type'] }, newText: doc.stringLiteral(['charge_type'], 'PostPaid') }] } } : {}),
    });
  },
});
