import { defineRule, schemaFindings } from '@acklint/core';

/** Reports the schema findings of kind `value` (see packages/core/src/schema/validate.ts). */
export default defineRule({
  meta: {
    id: 'invalid-value',
    defaultSeverity: 'error',
    category: 'schema',
    description: "A field holds a value the API does not accept: not an allowed value, out of range, malformed, or a list of the wrong size.",
    details:
      "Every field with a documented set of values, range, length or format is checked against the schema. The message names what is allowed and what was found. A value that differs from an allowed one only in letter case (IPVS for ipvs) gets a safe fix; a near spelling (Managed for ManagedKubernetes) gets a suggested fix. login_password is checked against the ECS password rules without ever being shown.",
    fact: {
      text: "The CreateCluster reference and the SDK documentation give allowed values, ranges and formats for most fields (for example proxy_mode iptables or ipvs, controlplane_log_ttl 1 to 3000 days, 8 to 30 character passwords with three character classes).",
      source: "CreateCluster API reference; ack-facts.md \u00a72, \u00a74 and \u00a77",
    },
    tags: ['schema',  'values'],
    fixable: true,
  },
  check(ctx) {
    for (const finding of schemaFindings(ctx.document)) if (finding.kind === 'value') ctx.report(finding.report);
  },
});
