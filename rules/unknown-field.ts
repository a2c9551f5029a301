import { defineRule, schemaFindings } from '@acklint/core';

/** Reports the schema findings of kind `unknown` (see packages/core/src/schema/validate.ts). */
export default defineRule({
  meta: {
    id: 'unknown-field',
    defaultSeverity: 'warning',
    category: 'schema',
    description: "A key the CreateCluster API does not define: the API ignores it and the setting is lost.",
    details:
      "The API drops keys it does not know without an error, so a typo or a name taken from Terraform or ROS (vpc_id instead of vpcid, pod_cidr instead of container_cidr) creates a cluster without that setting. acklint knows every field of the request and suggests the field that was probably meant: the API name of a known alias, the same words spelled differently, or a near spelling. When the key is a real field of another object (instance_types at the top level), the message says where it belongs.",
    fact: {
      text: "The CreateCluster body has a fixed set of fields (332 JSON paths in the SDK models); the API ignores any other key.",
      source: "CreateCluster API reference; createcluster-field-paths.tsv (Go SDK models); tf-constraints.tsv for Terraform names",
    },
    tags: ['schema',  'typo'],
    fixable: true,
  },
  check(ctx) {
    for (const finding of schemaFindings(ctx.document)) if (finding.kind === 'unknown') ctx.report(finding.report);
  },
});
