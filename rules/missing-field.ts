import { defineRule, schemaFindings } from '@acklint/core';

/** Reports the schema findings of kind `missing` (see packages/core/src/schema/validate.ts). */
export default defineRule({
  meta: {
    id: 'missing-field',
    defaultSeverity: 'error',
    category: 'schema',
    description: "A field the API requires is missing.",
    details:
      "Some fields have no default: the API rejects a request without them. The finding points at the object that lacks the field (the first key or opening brace for the request itself).",
    fact: {
      text: "name, region_id and cluster_type are required in every CreateCluster request; nested objects such as tags and addons have their own required keys.",
      source: "CreateCluster API reference, parameter table (Required column)",
    },
    tags: ['schema',  'required'],
  },
  check(ctx) {
    for (const finding of schemaFindings(ctx.document)) if (finding.kind === 'missing') ctx.report(finding.report);
  },
});
