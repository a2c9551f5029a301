#!/usr/bin/env node
// One-off: writes a skeleton of packages/core/schemas/createcluster.schema.yaml from the reference field list
// (types, deprecated flags, SDK defaults, struct nesting). The schema file is then maintained by hand; this script is
// kept only to show where the skeleton came from. Usage: node scripts/schema/skeleton.mjs > /tmp/skeleton.yaml
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';

const ref = new URL('../../../shared/reference/', import.meta.url);
const structs = JSON.parse(readFileSync(new URL('createcluster-structs.json', ref), 'utf8'));
const tsv = readFileSync(new URL('createcluster-field-paths.tsv', ref), 'utf8').trim().split('\n').slice(1);

const defs = {};
function typeSchema(t, field) {
  let m;
  if (t === 'string' || t === 'boolean' || t === 'integer') return { type: t };
  if (t === 'array<object>') return { type: 'array', items: { type: 'object' } };
  if ((m = /^array<(.+)>$/.exec(t))) return { type: 'array', items: typeSchema(m[1]) };
  if (t === 'map[string]string') return { type: 'object', additionalProperties: { type: 'string' } };
  if (t === 'map[string]interface{}') return { type: 'object' };
  if (structs[t]) {
    if (!defs[t]) {
      defs[t] = {}; // placeholder against recursion
      defs[t] = structSchema(structs[t]);
    }
    return { $ref: `#/definitions/${t}` };
  }
  throw new Error(`unknown type ${t} (${field})`);
}
function structSchema(s) {
  const properties = {};
  for (const f of s.fields) {
    const p = typeSchema(f.type, f.json);
    if (f.deprecated) p.deprecated = true;
    if (f.default_in_sdk_doc != null && f.default_in_sdk_doc !== '') p.default = coerce(f.default_in_sdk_doc, f.type);
    properties[f.json] = p;
  }
  return { type: 'object', additionalProperties: false, properties };
}
function coerce(v, t) {
  if (t === 'integer') return Number(v);
  if (t === 'boolean') return v === 'true';
  return v;
}
const root = structSchema(structs.CreateClusterRequest);
// Fields the TSV lists that the Go struct lacks.
const known = new Set();
for (const line of tsv) {
  const [path] = line.split('\t');
  known.add(path);
}
console.error(`${tsv.length} paths in the reference list`);
console.log(stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'CreateCluster request body', ...root, definitions: defs }, { lineWidth: 120 }));
