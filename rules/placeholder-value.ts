import { defineRule, schemaFindings } from '@acklint/core';

/** Reports the schema findings of kind `placeholder` (see packages/core/src/schema/validate.ts). */
export default defineRule({
  meta: {
    id: 'placeholder-value',
    defaultSeverity: 'warning',
    category: 'schema',
    description: 'A field holds a placeholder: a masked example value (vsw-…****, vpc-xxx) or a template variable (%s, ${VAR}, {{ .Var }}).',
    details:
      'Examples in the ACK documentation mask IDs and keys with asterisks, and templated specs hold variables that a tool fills in before sending. Sent as they are, both make the request fail. acklint reports each such value once, here, instead of as a malformed ID or CIDR, and the value-level checks skip it. In a repository of templates, lint the rendered specs and turn this rule off for the templates.',
    fact: {
      text: 'The API looks up every resource ID it is given; documentation examples mask IDs with asterisks (for example vpc-8vbh3b9a2f38urhls****), which name no resource.',
      source: 'CreateCluster API reference, request examples',
    },
    tags: ['schema', 'placeholder', 'template'],
  },
  check(ctx) {
    for (const finding of schemaFindings(ctx.document)) if (finding.kind === 'placeholder') ctx.report(finding.report);
  },
});
