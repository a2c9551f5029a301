// Build-time compilation of the schemas in packages/core/schemas (called by scripts/build.mjs):
// - every `*.schema.json` / `*.schema.yaml` becomes a standalone ajv validator (ES module, no ajv compilation at run
//   time) in packages/core/src/generated/<name>-validator.js;
// - the CreateCluster schema also becomes a flat field table (createcluster-fields.js), one entry per JSON path, which
//   hover, completion, deprecation checks and docs/fields.md read, and a plain JSON copy for editors.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv, { _ } from 'ajv';
import ajvErrors from 'ajv-errors';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { parse as parseYaml } from 'yaml';

/** Annotation keywords of createcluster.schema.yaml (see packages/core/schemas/README.md). */
export const ANNOTATIONS = ['x-replacement', 'x-deprecation', 'x-aliases', 'x-enum-descriptions', 'x-deprecated-values', 'x-sensitive', 'x-source', 'x-also-accepts'];
/** Formats implemented in packages/core/src/schema/formats.ts (the build fails on any other). */
export const FORMATS = [
  'cidr', 'ipv4-cidr', 'cidr-list', 'kubernetes-version', 'timezone', 'region-id', 'dns-domain', 'ip-or-dns', 'base64',
  'k8s-label-key', 'k8s-label-value', 'ecs-password', 'duration-hours', 'maintenance-time', 'integer-string',
  'ip-or-dns-list', 'ecs-instance-type',
];

function newAjv() {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false, // `not: {pattern}` on strings and shared definitions are fine
    // Smaller generated code starts faster: shared definitions become functions instead of being inlined at each use.
    inlineRefs: false,
    code: { source: true, esm: true, lines: false, formats: _`__formats` },
  });
  ajvErrors(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  // The format functions live in formats.ts; here they only need a name (the generated code calls __formats[name]).
  // A plain function (not {type, validate}): the standalone code then calls __formats[name](value), which is the
  // shape of the functions in formats.ts.
  for (const f of FORMATS) ajv.addFormat(f, () => true);
  // `x-range: [min, max]` on a string that must hold a whole number (node_cidr_mask-like fields).
  ajv.addKeyword({
    keyword: 'x-range',
    type: 'string',
    schemaType: 'array',
    error: {
      message: ({ schema }) => _`"must be a whole number from " + ${schema[0]} + " to " + ${schema[1]}`,
      params: ({ schema }) => _`{min: ${schema[0]}, max: ${schema[1]}}`,
    },
    code(cxt) {
      const { data, schema } = cxt;
      if (!Array.isArray(schema) || schema.length !== 2 || !schema.every(Number.isInteger)) throw new Error('x-range must be [min, max] integers');
      cxt.fail(_`!(/^[0-9]+$/.test(${data}) && +${data} >= ${schema[0]} && +${data} <= ${schema[1]})`);
    },
  });
  return ajv;
}

export function readSchema(file) {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.yaml') ? parseYaml(text) : JSON.parse(text);
}

/** Keywords that only document: left out of the compiled validator, which embeds the schema for property lookups. */
const DOC_ONLY = new Set(['description', 'examples', 'default', 'deprecated', 'title', ...ANNOTATIONS]);
function stripDocs(s, parentKey) {
  if (Array.isArray(s)) return s.map((v) => stripDocs(v));
  if (!s || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    // Inside `properties` the keys are field names (a field may be called "description"), not keywords.
    if (parentKey !== 'properties' && DOC_ONLY.has(k)) continue;
    out[k] = stripDocs(v, k);
  }
  return out;
}

/**
 * Moves every object schema (and list-of-objects schema) into `definitions` and refers to it, so that (with
 * `inlineRefs: false`) the generated code is a function per object instead of one giant root function, which cost
 * about 20 ms to compile on every run. V8 compiles a function the first time it runs, so a request pays only for the
 * objects it has.
 */
function splitSchema(schema) {
  const definitions = { ...(schema.definitions ?? {}) };
  let n = 0;
  // Objects (and lists of objects) get functions of their own; scalars and lists of scalars stay inline, where a
  // valid value costs no call and no allocation (each call builds an options object and an instance path).
  const structured = (sub) => Boolean(sub.properties) || (sub.type === 'array' && sub.items && !Array.isArray(sub.items) && (sub.items.properties || sub.items.$ref));
  const lift = (sub) => {
    if (!sub || typeof sub !== 'object' || Array.isArray(sub)) return sub;
    if (sub.$ref && Object.keys(sub).length === 1) return sub;
    if (!structured(sub)) return visit(sub);
    const name = `p${n++}`;
    definitions[name] = visit(sub);
    return { $ref: `#/definitions/${name}` };
  };
  const visit = (s) => {
    if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
    const out = { ...s };
    if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, lift(v)]));
    if (s.items && !Array.isArray(s.items)) out.items = lift(s.items);
    return out;
  };
  for (const [k, v] of Object.entries(schema.definitions ?? {})) definitions[k] = visit(v);
  const root = visit({ ...schema, definitions: undefined });
  delete root.definitions;
  return { ...root, definitions };
}

/**
 * ajv's standalone code gathers the errors of nested validators with `vErrors = vErrors.concat(sub.errors)`, which
 * copies the whole list for every failing item: quadratic in the number of errors (a list of 100,000 bad items took
 * minutes). Appending in place gives the same list in linear time.
 */
function linearErrorLists(code) {
  const re = /vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g;
  const out = code.replace(re, (_m, sub) => `if (vErrors === null) vErrors = ${sub}; else for (const e of ${sub}) vErrors.push(e);`);
  if (out.includes('.concat(')) throw new Error('linearErrorLists: the validator still concatenates error lists (an ajv upgrade changed its code)');
  return out;
}

/**
 * ajv's standalone code builds every sub-schema it quotes (`const schema10 = {...}`, 32 KB of object literals for the
 * CreateCluster schema) and every `pattern` (`const pattern0 = new RegExp(..., "u")`, parsed at construction) when the
 * module loads, about 0.5 ms of every start, though most are read only when a value is wrong or present. Each becomes
 * a function that builds it on first call (`schema10()`), and each use calls it. The build fails if any is used other
 * than as `name.member` (the only use that rewriting to `name().member` keeps exact).
 *
 * The one use on the way of a valid spec is the test for unknown keys, `hasOwnProperty.call(schema10.properties,
 * key)`: it becomes a lookup in a set of the property names (`schema10$keys().has(key)`, the same answer for the
 * string keys of a for-in loop), so that a valid spec never builds the sub-schemas (the root one alone took about
 * 0.4 ms).
 */
function lazyConstants(code) {
  const decl = /const ((?:schema|pattern)\d+) = /g;
  const names = [];
  const literals = new Map();
  let out = '';
  let last = 0;
  for (let m; (m = decl.exec(code)); ) {
    const start = m.index + m[0].length;
    const end = endOfExpression(code, start);
    out += code.slice(last, m.index) + `let ${m[1]}$;function ${m[1]}() { return ${m[1]}$ ??= ${code.slice(start, end)}; }`;
    last = code[end] === ';' ? end + 1 : end;
    decl.lastIndex = end;
    names.push(m[1]);
    literals.set(m[1], code.slice(start, end));
  }
  out += code.slice(last);
  const hasOwn = [...out.matchAll(/const (func\d+) = Object\.prototype\.hasOwnProperty;/g)].map((m) => m[1]);
  const keySets = new Map();
  out = out.replace(/\b(func\d+)\.call\((schema\d+)\.properties, ([\w$]+)\)/g, (call, func, name, key) => {
    if (!hasOwn.includes(func)) return call;
    if (!keySets.has(name)) {
      const keys = Object.keys(JSON.parse(literals.get(name)).properties);
      keySets.set(name, `let ${name}$k;function ${name}$keys() { return ${name}$k ??= new Set(${JSON.stringify(keys)}); }`);
    }
    return `${name}$keys().has(${key})`;
  });
  out += [...keySets.values()].map((d) => `\n${d}`).join('');
  for (const name of names) {
    const uses = out.match(new RegExp(`\\b${name}\\b(?!\\$)`, 'g')).length;
    const members = out.match(new RegExp(`\\b${name}\\.`, 'g'))?.length ?? 0;
    // The declaration names it once (the function; its value is `name$`), the rest are uses.
    if (uses !== members + 1) throw new Error(`lazyConstants: ${name} is used other than as ${name}.member (an ajv upgrade changed its code)`);
    out = out.replace(new RegExp(`\\b${name}\\.`, 'g'), `${name}().`);
  }
  return out;
}

/** Where the expression starting at `i` ends: the `;` at bracket depth 0, outside strings. */
function endOfExpression(code, i) {
  let depth = 0;
  for (; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'") {
      for (i++; code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ';' && depth === 0) return i;
  }
  throw new Error('lazyConstants: unterminated declaration');
}

function emitValidator(ajv, schema, outDir, name, source) {
  const validate = ajv.compile(name === 'createcluster' ? splitSchema(stripDocs(schema)) : stripDocs(schema));
  let code = standaloneCode(ajv, validate);
  const usesFormats = code.includes('__formats');
  const banner = `// Generated by scripts/build.mjs from packages/core/schemas/${source}. Do not edit.\n`;
  if (usesFormats) code = `import { formats as __formats } from '../schema/formats.js';\n` + code;
  code = lazyConstants(linearErrorLists(code));
  writeFileSync(join(outDir, `${name}-validator.js`), banner + code);
  writeFileSync(
    join(outDir, `${name}-validator.d.ts`),
    banner +
      `import type { ErrorObject } from 'ajv';\n` +
      `declare const validate: { (data: unknown): boolean; errors?: ErrorObject[] | null };\nexport default validate;\n`,
  );
}

/** Walk the schema from the root, resolving `$ref`s, and list every field by its path (`a.b[].c`). */
export function fieldTable(schema) {
  const defs = schema.definitions ?? {};
  const resolve = (s) => {
    const seen = new Set();
    while (s && s.$ref) {
      if (seen.has(s.$ref)) throw new Error(`circular $ref ${s.$ref}`);
      seen.add(s.$ref);
      const m = /^#\/definitions\/(.+)$/.exec(s.$ref);
      if (!m || !defs[m[1]]) throw new Error(`unresolved $ref ${s.$ref}`);
      s = { ...defs[m[1]], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
    }
    return s;
  };
  const fields = {};
  const typeName = (s) => {
    s = resolve(s);
    if (s.type === 'array') return `array<${s.items ? typeName(s.items) : 'any'}>`;
    if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') return `map<${typeName(s.additionalProperties)}>`;
    return s.type ?? 'any';
  };
  const info = (s, required) => {
    const out = { type: typeName(s) };
    for (const k of ['description', 'default', 'examples', 'enum', 'deprecated', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'format']) {
      if (s[k] !== undefined) out[k] = s[k];
    }
    const items = s.type === 'array' && s.items ? resolve(s.items) : undefined;
    if (items) for (const k of ['enum', 'format', 'pattern', 'minLength', 'maxLength']) if (items[k] !== undefined && out[`items.${k}`] === undefined) out[`item${k[0].toUpperCase()}${k.slice(1)}`] = items[k];
    if (s['x-range']) out.range = s['x-range'];
    if (s['x-replacement']) out.replacement = s['x-replacement'];
    if (s['x-deprecation']) out.deprecation = s['x-deprecation'];
    if (s['x-aliases']) out.aliases = s['x-aliases'];
    if (s['x-enum-descriptions']) out.enumDescriptions = s['x-enum-descriptions'];
    if (s['x-deprecated-values']) out.deprecatedValues = s['x-deprecated-values'];
    if (s['x-sensitive']) out.sensitive = true;
    if (s['x-source']) out.source = s['x-source'];
    if (s['x-also-accepts']) out.alsoAccepts = s['x-also-accepts'];
    if (required) out.required = true;
    return out;
  };
  const walk = (s, path) => {
    s = resolve(s);
    if (s.type === 'array' && s.items) {
      const items = resolve(s.items);
      if (items.type === 'object' && items.properties) walkObject(items, `${path}[]`);
      return;
    }
    if (s.type === 'object' && s.properties) walkObject(s, path);
  };
  const walkObject = (s, path) => {
    const required = new Set(s.required ?? []);
    for (const [key, sub] of Object.entries(s.properties)) {
      const p = path ? `${path}.${key}` : key;
      const r = resolve(sub);
      fields[p] = info(r, required.has(key));
      if (r.type === 'object' && r.properties) fields[p].keys = Object.keys(r.properties);
      walk(r, p);
      if (r.type === 'array' && r.items) {
        const items = resolve(r.items);
        if (items.type === 'object' && items.properties) fields[p].itemKeys = Object.keys(items.properties);
      }
    }
  };
  walkObject(resolve(schema), '');
  return { rootKeys: Object.keys(resolve(schema).properties), rootRequired: schema.required ?? [], fields };
}

/** Keys of a field's entry that only document it; the rest is what validation messages and checks read. */
export const DOC_KEYS = ['description', 'default', 'examples', 'enumDescriptions', 'source'];

function splitTable(table) {
  const runtime = { rootKeys: table.rootKeys, rootRequired: table.rootRequired, fields: {} };
  const docs = {};
  for (const [p, f] of Object.entries(table.fields)) {
    const r = {};
    const d = {};
    for (const [k, v] of Object.entries(f)) (DOC_KEYS.includes(k) ? d : r)[k] = v;
    runtime.fields[p] = r;
    if (Object.keys(d).length) docs[p] = d;
  }
  return { runtime, docs };
}

/**
 * The runtime table as packages/core/src/schema/fields.ts reads it (GeneratedFieldTable): the fields as a tree,
 * `{ info, keys: { name: node }, items: node }` from the root object, which is what a lint walks. fields.ts derives
 * the flat table back from it by a walk in key order, so the build checks that the walk gives the same paths in the
 * same order (a field name with a dot, ending in `[]` or that reads as an array index would break that).
 */
function treeTable({ rootKeys, rootRequired, fields }) {
  const root = {};
  for (const [p, info] of Object.entries(fields)) {
    let node = root;
    for (const part of p.split('.')) {
      const name = part.replace(/(?:\[\])+$/, '');
      node.keys ??= {};
      if (!Object.hasOwn(node.keys, name)) node.keys[name] = {};
      node = node.keys[name];
      for (let depth = (part.length - name.length) / 2; depth > 0; depth--) node = node.items ??= {};
    }
    node.info = info;
  }
  const table = JSON.parse(JSON.stringify({ rootKeys, rootRequired, root }));
  const walked = [];
  const add = (node, path) => {
    if (node.info) walked.push([path, node.info]);
    if (node.keys) for (const [name, child] of Object.entries(node.keys)) add(child, path ? `${path}.${name}` : name);
    if (node.items) add(node.items, `${path}[]`);
  };
  add(table.root, '');
  if (JSON.stringify(walked) !== JSON.stringify(Object.entries(fields))) throw new Error('the field tree does not give back the field table (a field name with a dot, or one ending in [], or an array index?)');
  return table;
}

export function generateValidators(root) {
  const schemaDir = join(root, 'packages/core/schemas');
  const outDir = join(root, 'packages/core/src/generated');
  mkdirSync(outDir, { recursive: true });
  // The IANA zone names of the ICU data Node ships with, as one string: a lookup table costs nothing at start-up,
  // where asking Intl for the list costs a few milliseconds on every run that checks a time zone.
  writeFileSync(
    join(outDir, 'time-zones.js'),
    `// Generated by scripts/build.mjs from Intl.supportedValuesOf('timeZone') (Node ${process.version}). Do not edit.\n` +
      `export const TIME_ZONES = ${JSON.stringify(Intl.supportedValuesOf('timeZone').join(' '))};\n`,
  );
  writeFileSync(join(outDir, 'time-zones.d.ts'), `export declare const TIME_ZONES: string;\n`);
  for (const file of readdirSync(schemaDir).filter((f) => /\.schema\.(json|yaml)$/.test(f))) {
    const schema = readSchema(join(schemaDir, file));
    const name = basename(basename(file, '.json'), '.yaml').replace(/\.schema$/, '');
    emitValidator(newAjv(), schema, outDir, name, file);
    if (name === 'createcluster') {
      const banner = `// Generated by scripts/build.mjs from packages/core/schemas/${file}. Do not edit.\n`;
      const { runtime, docs } = splitTable(fieldTable(schema));
      // JSON.parse of a string literal: V8 scans one string instead of building thousands of objects from code.
      writeFileSync(join(outDir, 'createcluster-fields.js'), `${banner}export default JSON.parse(${JSON.stringify(JSON.stringify(treeTable(runtime)))});\n`);
      writeFileSync(
        join(outDir, 'createcluster-fields.d.ts'),
        `${banner}import type { GeneratedFieldTable } from '../schema/fields.js';\ndeclare const table: GeneratedFieldTable;\nexport default table;\n`,
      );
      // The documentation part (descriptions, examples…) is parsed only when hover, docs or a message needs it.
      // A function, so that the CLI bundle can leave the text in a sibling bundle read on first call (scripts/build.mjs).
      writeFileSync(join(outDir, 'createcluster-field-docs.js'), `${banner}export function fieldDocsJson() {\n  return ${JSON.stringify(JSON.stringify(docs))};\n}\n`);
      writeFileSync(join(outDir, 'createcluster-field-docs.d.ts'), `${banner}export declare function fieldDocsJson(): string;\n`);
      writeFileSync(join(outDir, 'createcluster.schema.json'), JSON.stringify(schema, null, 2) + '\n');
    }
  }
}
