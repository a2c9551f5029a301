import { defineRule, schemaFindings } from '@acklint/core';

/** Reports the schema findings of kind `also-accepted` (see packages/core/src/schema/validate.ts). */
export default defineRule({
  meta: {
    id: 'unquoted-string-value',
    defaultSeverity: 'warning',
    category: 'schema',
    description: 'A field the API types as a string holds a JSON number or boolean that the sources say it also takes (node_cidr_mask: 25).',
    details:
      'A few numeric-looking fields are strings in the API reference and the SDK models: node_cidr_mask ("25"), controlplane_log_ttl ("30"), the legacy worker_data_disks[].size ("120"), spot_price_limit[].price_limit ("0.39"), and the data disks\' encrypted ("true"). Alibaba Cloud\'s own guides send some of them as JSON numbers, and the catalogue of facts acklint is built from says to accept the decimal string and at most warn on a number. So such a value is a warning here, with the reason per field, and the fix quotes it; any other string field given a number is an invalid-type error. A number must still be in the field\'s range (a data disk of 20 GiB is an invalid-value error).',
    fact: {
      text: 'node_cidr_mask, controlplane_log_ttl, worker_data_disks[].size, the data disks\' encrypted and spot_price_limit[].price_limit are strings in the API model; accept the decimal string and at most warn on a JSON number.',
      source: 'ack-facts.md §1 (GO); CreateCluster API reference, "node_cidr_mask" (String, example 25)',
    },
    tags: ['schema', 'types'],
    fixable: true,
  },
  check(ctx) {
    for (const finding of schemaFindings(ctx.document)) if (finding.kind === 'also-accepted') ctx.report(finding.report);
  },
});
