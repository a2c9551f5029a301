import { defineRule, schemaFindings } from '@acklint/core';

/** Reports the schema findings of kind `deprecated` (see packages/core/src/schema/validate.ts). */
export default defineRule({
  meta: {
    id: 'deprecated-field',
    defaultSeverity: 'warning',
    category: 'schema',
    description: "A deprecated field is set: it has been replaced, or no longer has an effect.",
    details:
      "The CreateCluster API keeps many legacy fields for old clients: the top-level worker_* and master_* fields (now node pools and control_plane_config), runtime and taints (now per node pool), enable_rrsa (now rrsa_config), custom_san (now extra_sans), load_balancer_spec and others. Some of them no longer do what their name says: since October 2024 the top-level charge_type and period fields bill only the API server load balancer. The message names the field to use instead.",
    fact: {
      text: "The SDK marks these fields deprecated and names their replacements; top-level billing fields apply only to the API-server load balancer since 2024-10-15.",
      source: "CreateCluster API reference; ack-facts.md \u00a72.2 (GO, TS, CHG2024)",
    },
    tags: ['schema',  'deprecated'],
  },
  check(ctx) {
    for (const finding of schemaFindings(ctx.document)) if (finding.kind === 'deprecated') ctx.report(finding.report);
  },
});
