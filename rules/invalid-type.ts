import { defineRule, schemaFindings } from '@acklint/core';

/** Reports the schema findings of kind `type` (see packages/core/src/schema/validate.ts). */
export default defineRule({
  meta: {
    id: 'invalid-type',
    defaultSeverity: 'error',
    category: 'schema',
    description: "A field holds a value of the wrong type (a string where the API reads a boolean, a number where it reads text…).",
    details:
      "The API decodes the request into typed fields. A value of the wrong type makes the whole request fail, or, for YAML documents converted to JSON, silently becomes something else: `snat_entry: yes` is the string \"yes\" under YAML 1.2, not true. Some fields that hold numbers are strings in the API (node_cidr_mask, controlplane_log_ttl, worker data disk sizes, spot price limits), while node-pool data disk sizes are integers; where the sources say a JSON number (or boolean) is also taken in such a string field, unquoted-string-value reports it as a warning instead. The message names the expected type; where the intended value is clear, a fix rewrites it (quote a number, unquote a boolean or a whole number).",
    fact: {
      text: "Each field of the CreateCluster body has one type; numeric-looking fields such as node_cidr_mask and controlplane_log_ttl are strings, nodepools[].scaling_group.data_disks[].size is an integer.",
      source: "CreateCluster API reference (request syntax and parameter table); ack-facts.md \u00a71 (GO SDK struct types)",
    },
    tags: ['schema',  'types'],
    fixable: true,
  },
  check(ctx) {
    for (const finding of schemaFindings(ctx.document)) if (finding.kind === 'type') ctx.report(finding.report);
  },
});
