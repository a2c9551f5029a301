import { basicEdition, clusterKind, defineRule, isObject, valueText } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'auto-mode-requires-pro',
    defaultSeverity: 'error',
    category: 'edition',
    description: 'auto_mode.enable is true on a cluster that is not an ACK managed Pro cluster.',
    details:
      'auto_mode turns on ACK\'s intelligent managed mode, where ACK sizes and operates the nodes for you. It is offered only for ACK managed Pro clusters: cluster_type ManagedKubernetes with an ack.pro.* cluster_spec. An empty or missing cluster_spec means ack.standard (Basic), and dedicated or registered clusters cannot use it at all. Set cluster_spec to ack.pro.small, or turn auto_mode off.',
    fact: {
      text: 'auto_mode (intelligent managed mode) is only for ACK managed Pro clusters.',
      source: 'ack-facts.md §3.32 and §2.1 "auto_mode.enable" (TFD-M)',
    },
    tags: ['edition', 'ack-pro', 'auto-mode'],
    kindDependent: true,
    fixable: true,
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    const mode = root['auto_mode'];
    if (!isObject(mode) || mode['enable'] !== true) return;
    const kind = clusterKind(root);
    const at = { path: ['auto_mode', 'enable'] };
    if (kind === 'dedicated' || kind === 'registered') {
      ctx.report({
        message: `auto_mode.enable is true, but cluster_type is ${valueText(root['cluster_type'])}: the intelligent managed mode exists only on ACK managed Pro clusters (ManagedKubernetes with an ack.pro.* cluster_spec). Turn auto_mode off, or create an ACK Pro cluster.`,
        at,
        related: [{ path: ['cluster_type'], message: 'cluster type chosen here' }],
      });
      return;
    }
    if (kind !== 'managed') return;
    const basic = basicEdition(ctx.document);
    if (!basic) return;
    ctx.report({
      ...(basic.fix ? { fix: basic.fix } : {}),
      message: `auto_mode.enable is true, but ${basic.current}: the intelligent managed mode exists only on ACK Pro. Set cluster_spec to ack.pro.small (or another ack.pro.* edition), or turn auto_mode off.`,
      at,
      ...(basic.related.length ? { related: basic.related } : {}),
    });
  },
});
