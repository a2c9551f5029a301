import { closest, defineRule, formatPath, formats, placeholderKind, type JsonPath } from '@acklint/core';
import { REGIONS } from './data/regions.js';

const KNOWN = new Set(REGIONS);

/** The region fields of a body: the cluster's region and each edge node pool's CCN region. */
function regionFields(value: unknown): JsonPath[] {
  const out: JsonPath[] = [['region_id']];
  const pools = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)['nodepools'] : undefined;
  if (Array.isArray(pools)) pools.forEach((_, i) => out.push(['nodepools', i, 'interconnect_config', 'ccn_region_id']));
  return out;
}

export default defineRule({
  meta: {
    id: 'unknown-region',
    defaultSeverity: 'warning',
    category: 'naming',
    description: 'region_id is well-formed but not a public Alibaba Cloud region acklint knows (a typo such as cn-hangzou, or a region that does not exist).',
    details:
      'The schema checks that region_id looks like a region ID; this rule checks it against the list of public Alibaba Cloud regions, kept as data in rules/data/regions.ts. A misspelt region (cn-hangzou) or one that does not exist (us-west-9) makes the request fail, or sends it to a region you did not mean when the typo happens to be another real region, which this rule cannot see. Close misspellings get a did-you-mean fix. Regions open from time to time, so an unknown region is a warning, not an error: if the region is new, turn the rule off for the file and tell us.',
    fact: {
      text: 'region_id is the ID of the region to create the cluster in, such as cn-beijing.',
      source: 'CreateCluster API reference, "region_id"; Alibaba Cloud public region list (rules/data/regions.ts)',
    },
    tags: ['naming', 'region', 'typo'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    for (const path of regionFields(ctx.value)) {
      const v = doc.get(path);
      // Malformed values are the schema's (region-id format); placeholders are placeholder-value's.
      if (typeof v !== 'string' || KNOWN.has(v) || !formats['region-id'](v) || placeholderKind(v)) continue;
      const near = closest(v, REGIONS, 2);
      // us-west-9 is not a typo of us-west-1: a guess that only changes a number would mislead.
      const guess = near !== undefined && near.replace(/[0-9]/g, '') !== v.replace(/[0-9]/g, '') ? near : undefined;
      ctx.report({
        message: `${formatPath(path)} ${JSON.stringify(v)} is not a public Alibaba Cloud region acklint knows${guess ? `: did you mean ${JSON.stringify(guess)}?` : ' (regions are IDs such as cn-hangzhou, ap-southeast-1 or eu-central-1).'}${guess ? '' : ' If it is a new region, turn this warning off for the file.'}`,
        at: { path },
        ...(guess ? { fix: { title: `Change to ${guess}`, safe: false, edits: [{ target: { path }, newText: doc.stringLiteral(path, guess) }] } } : {}),
      });
    }
  },
});
