/**
 * Hover text and completion items, both read from the one field table in core (the schema that validation and
 * docs/fields.md use too), so the editor can never say something the linter disagrees with.
 */
import {
  ACK_KUBERNETES_RELEASES,
  allowedKeys,
  fieldPath,
  formatPath,
  fullFieldTable,
  type FieldInfo,
  type JsonPath,
  type PathSegment,
  type SourceFormat,
} from '@acklint/core';
import { KNOWN_ADDONS } from '@acklint/rules';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type MarkupContent } from 'vscode-languageserver';

/** Names of the sources the schema cites (ack-facts.md §0). */
const SOURCE_NAMES: Record<string, string> = {
  API: 'CreateCluster API reference',
  GO: 'Go SDK (cs-20151215)',
  GONP: 'Go SDK, CreateClusterNodePool',
  GOCPL: 'Go SDK, control-plane logs',
  CreateClusterNodePool: 'CreateClusterNodePool API',
  TS: 'TypeScript SDK',
  TFM: 'Terraform alicloud_cs_managed_kubernetes',
  TFK: 'Terraform alicloud_cs_kubernetes',
  TFNP: 'Terraform alicloud_cs_kubernetes_node_pool',
  'TFD-M': 'Terraform docs, managed cluster',
  'TFD-NP': 'Terraform docs, node pool',
  DOC21: 'the 2021 CreateCluster document',
  VERS: 'ACK Kubernetes release notes',
  K135: 'Kubernetes 1.35 release notes (ACK)',
  KMS: 'ACK guide to KMS encryption of Secrets',
  CPLOG: 'ACK guide to control-plane logs',
  CHG2024: 'ACK announcement of CreateCluster changes (2024)',
  ECSPWD: 'ECS password rules (CreateInstance)',
  ESSD: 'ECS ESSD documentation',
  AUTOPL: 'ECS ESSD AutoPL documentation',
  ROSCDK: 'ROS CDK',
};

export function fieldOf(path: JsonPath): FieldInfo | undefined {
  const fields = fullFieldTable().fields;
  const key = fieldPath(path);
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

const code = (v: unknown) => '`' + (typeof v === 'string' ? v : JSON.stringify(v)) + '`';

/** Markdown for the field at `path` (a document path: `nodepools[3].scaling_group` is shown as such). */
export function fieldHover(path: JsonPath, f: FieldInfo): string {
  const out: string[] = [];
  const where = formatPath(path);
  const generic = fieldPath(path);
  out.push(`**${where}**: ${code(f.type)}${f.required ? ' (required)' : ''}`);
  if (f.deprecated) {
    out.push(`**Deprecated.**${f.deprecation ? ` ${f.deprecation}` : ''}${f.replacement ? ` Use ${code(f.replacement)} instead.` : ''}`);
  }
  if (f.description) out.push(f.description);
  const values = f.enum ?? f.itemEnum;
  if (values?.length) {
    const lines = values.map((v) => {
      const meaning = f.enumDescriptions?.[String(v)];
      const dep = f.deprecatedValues?.[String(v)];
      return `- ${code(v)}${meaning ? `: ${meaning}` : ''}${dep ? ` (deprecated: ${dep})` : ''}`;
    });
    out.push(`Allowed values:\n${lines.join('\n')}`);
  }
  const facts: string[] = [];
  if (f.default !== undefined) facts.push(`Default: ${code(f.default)}`);
  const range = rangeText(f);
  if (range) facts.push(`Range: ${range}`);
  if (f.format ?? f.itemFormat) facts.push(`Format: ${code(f.format ?? f.itemFormat)}`);
  if (f.pattern ?? f.itemPattern) facts.push(`Pattern: ${code(f.pattern ?? f.itemPattern)}`);
  if (facts.length) out.push(facts.join('  \n'));
  if (f.source) {
    const sources = (Array.isArray(f.source) ? f.source : [f.source]).map((s) => SOURCE_NAMES[s] ?? s);
    const api = sources.includes(SOURCE_NAMES['API']!);
    out.push(`${api ? `Documented in the CreateCluster API reference (\`POST /clusters\`, request body \`${generic}\`)` : `Not in the CreateCluster API reference; from the ${sources[0]}`}. Sources: ${sources.join('; ')}.`);
  }
  return out.join('\n\n');
}

function rangeText(f: FieldInfo): string | undefined {
  const parts: string[] = [];
  if (f.minimum !== undefined && f.maximum !== undefined) parts.push(`${f.minimum} to ${f.maximum}`);
  else if (f.minimum !== undefined) parts.push(`at least ${f.minimum}`);
  else if (f.maximum !== undefined) parts.push(`at most ${f.maximum}`);
  if (f.range) parts.push(`"${f.range[0]}" to "${f.range[1]}" (a number written as a string)`);
  if (f.minLength !== undefined || f.maxLength !== undefined) parts.push(`${f.minLength ?? 0} to ${f.maxLength ?? 'any number of'} characters`);
  if (f.minItems !== undefined || f.maxItems !== undefined) parts.push(`${f.minItems ?? 0} to ${f.maxItems ?? 'any number of'} items`);
  return parts.length ? parts.join('; ') : undefined;
}

/** Markdown for an enum value under the cursor: what it means (and what to use instead when it is deprecated). */
export function valueHover(path: JsonPath, f: FieldInfo, value: string): string | undefined {
  const meaning = f.enumDescriptions?.[value];
  const dep = f.deprecatedValues?.[value];
  if (!meaning && !dep) return undefined;
  return [`${code(value)} for **${formatPath(path)}**${meaning ? `: ${meaning}` : ''}`, ...(dep ? [`**Deprecated value.** ${dep}`] : [])].join('\n\n');
}

export function markdown(value: string): MarkupContent {
  return { kind: MarkupKind.Markdown, value };
}

export interface CompletionOptions {
  format: SourceFormat;
  snippets: boolean;
  /** YAML: column of the key being completed (for the indentation of nested values). */
  indent: number;
  /** The key goes in as it is (a colon already follows it). */
  keyOnly: boolean;
  /** JSON: the cursor is inside quotes already. */
  quoted: boolean;
  /** JSON: a comma goes after the entry. */
  commaAfter: boolean;
  /** The indentation unit of the document. */
  tab: string;
}

/** Key completions for an object at `parent`: valid keys not yet present, required first, deprecated last. */
export function keyCompletions(parent: PathSegment[], present: Set<string>, o: CompletionOptions): Omit<CompletionItem, 'textEdit'>[] {
  const keys = allowedKeys(parent);
  if (!keys) return [];
  const items: Omit<CompletionItem, 'textEdit'>[] = [];
  for (const key of keys) {
    if (present.has(key)) continue;
    const f = fieldOf([...parent, key]);
    if (!f) continue;
    const rank = f.required ? '0' : f.deprecated ? '2' : '1';
    const { text, snippet } = keyInsert(key, f, o);
    items.push({
      label: key,
      kind: f.type === 'object' || f.type.startsWith('array<object') ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: `${f.type}${f.required ? ', required' : ''}${f.deprecated ? ', deprecated' : ''}`,
      documentation: markdown(fieldHover([...parent, key], f)),
      sortText: `${rank}${key}`,
      filterText: o.quoted || o.format !== 'yaml' ? `"${key}"` : key,
      insertText: text,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(f.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    });
  }
  return items;
}

function keyInsert(key: string, f: FieldInfo, o: CompletionOptions): { text: string; snippet: boolean } {
  const s = o.snippets;
  const choices = f.type === 'boolean' ? ['true', 'false'] : f.enum?.filter((v) => !f.deprecatedValues?.[String(v)]).map(String);
  if (o.format === 'yaml') {
    if (o.keyOnly) return { text: key, snippet: false };
    const inner = ' '.repeat(o.indent) + o.tab;
    if (f.type === 'object' || f.type.startsWith('map')) return { text: `${key}:\n${inner}${s ? '$0' : ''}`, snippet: s };
    if (f.type.startsWith('array')) return { text: `${key}:\n${inner}- ${s ? '$0' : ''}`, snippet: s };
    if (choices?.length && s) return { text: `${key}: \${1|${choices.map((c) => yamlScalar(c, f).replace(/[,|\\]/g, '\\$&')).join(',')}|}`, snippet: true };
    return { text: `${key}: `, snippet: false };
  }
  const name = JSON.stringify(key);
  if (o.keyOnly) return { text: name, snippet: false };
  const comma = o.commaAfter ? ',' : '';
  let value: string;
  if (f.type === 'object' || f.type.startsWith('map')) value = s ? '{$1}' : '{}';
  else if (f.type.startsWith('array')) value = s ? '[$1]' : '[]';
  else if (choices?.length && s) value = `\${1|${choices.map((c) => (f.type === 'boolean' ? c : JSON.stringify(c)).replace(/[,|\\]/g, '\\$&')).join(',')}|}`;
  else if (f.type === 'string') value = s ? '"$1"' : '""';
  else value = s ? '$1' : '';
  return { text: `${name}: ${value}${comma}`, snippet: s };
}

/** A YAML scalar for `text` that reads back as the string (or, for booleans, the boolean) the schema expects. */
function yamlScalar(text: string, f: FieldInfo | undefined): string {
  if (f?.type === 'boolean' && (text === 'true' || text === 'false')) return text;
  if (/^[A-Za-z_][A-Za-z0-9_./-]*$/.test(text) && !/^(?:y|n|yes|no|on|off|true|false|null|~)$/i.test(text)) return text;
  return JSON.stringify(text);
}

/** Value completions at `path`: enum values, booleans, ACK Kubernetes versions, addon names. */
export function valueCompletions(path: PathSegment[], o: Pick<CompletionOptions, 'format' | 'quoted' | 'snippets'>, now: Date): Omit<CompletionItem, 'textEdit'>[] {
  // An item of an array of strings: the array's field says what its items may be.
  const item = typeof path[path.length - 1] === 'number' ? fieldOf(path.slice(0, -1)) : undefined;
  const f = fieldOf(path) ?? (item?.itemEnum ? { ...item, type: 'string', enum: item.itemEnum } : undefined);
  if (!f) return [];
  const values: Array<{ value: string | boolean | number; label?: string; detail?: string; deprecated?: boolean; snippet?: string }> = [];
  if (f.type === 'boolean') values.push({ value: true }, { value: false });
  for (const v of f.enum ?? []) {
    const dep = f.deprecatedValues?.[String(v)];
    values.push({ value: v as string, ...(f.enumDescriptions?.[String(v)] ? { detail: f.enumDescriptions[String(v)] } : {}), ...(dep ? { deprecated: true } : {}) });
  }
  const generic = fieldPath(path);
  if (f.format === 'kubernetes-version') {
    const today = now.toISOString().slice(0, 10);
    for (const r of ACK_KUBERNETES_RELEASES) {
      if (r.endOfLife < today) continue;
      // The table knows minors only: the patch and build numbers are tab stops to fill in from ACK's release notes.
      values.push({ value: `${r.minor}.1-aliyun.1`, label: r.minor, detail: `ACK Kubernetes ${r.minor}, supported until ${r.endOfLife}; fill in the patch and build ACK lists`, snippet: `${r.minor}.\${1:1}-aliyun.\${2:1}` });
    }
  }
  if (generic === 'addons[].name') for (const a of KNOWN_ADDONS) values.push({ value: a, detail: 'ACK component' });
  return values.map((v, i) => {
    const text = String(v.value);
    const lit = typeof v.value !== 'string' ? text : o.format === 'yaml' ? yamlScalar(text, f) : JSON.stringify(text);
    const snippet = v.snippet && o.snippets ? `"${v.snippet}"` : undefined;
    return {
      label: v.label ?? text,
      kind: typeof v.value === 'boolean' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
      ...(v.detail ? { detail: v.detail } : {}),
      sortText: `${v.deprecated ? '1' : '0'}${String(i).padStart(4, '0')}`,
      filterText: lit,
      insertText: snippet ?? lit,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(v.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
    };
  });
}
