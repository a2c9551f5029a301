/**
 * @acklint/core: the document model, parsers, rule engine and configuration shared by the CLI, the language server
 * and rules. Everything a rule may use is exported here; rules import nothing else from core.
 */
export { SourceText, type Position, type Range, type Span } from './text.js';
export {
  ClusterDocument,
  INVALID,
  type InvalidValue,
  type DocumentKind,
  type Entry,
  type JsonObject,
  type JsonPath,
  type JsonValue,
  type Node,
  type PathSegment,
  type SourceFormat,
  type SubDocumentOptions,
} from './model.js';
export { embeddedClusterBodies, isRosFunction } from './embedded-specs.js';
export {
  DEFAULT_LIMITS,
  formatFromName,
  loadYamlParser,
  parseFile,
  parseFileSync,
  sniffFormat,
  type ParsedFile,
  type ParseLimits,
  type ParseOptions,
  type ParseProblem,
  type ProblemCode,
} from './parse/index.js';
export type { Diagnostic, Fix, RelatedLocation, Severity, SeveritySetting, Suppression, TextEdit } from './diagnostic.js';
export { SEVERITY_RANK } from './diagnostic.js';
export { defineRule, type FixSpec, type Report, type Rule, type RuleCategory, type RuleContext, type RuleMeta, type Target } from './rule.js';
export { isClusterSpec, lint, lintParsed, lintSync, type LintOptions, type LintResult } from './engine.js';
export { LintSession, parseOptionsOf } from './session.js';
export { collectSecrets, redactText, secretsOf, SecretIndex } from './redact.js';
export {
  CONFIG_FILE_NAMES,
  ConfigError,
  ConfigResolver,
  PRESETS,
  defaultConfig,
  closest,
  MAX_SUGGESTABLE_LENGTH,
  configNamesFile,
  editDistance,
  findConfigFile,
  globToRegExp,
  loadConfigFile,
  mergeConfigs,
  parseSize,
  presetRules,
  settingsForFile,
  suggest,
  type AcklintConfig,
  type ConfigOverride,
  type FileSet,
  type FileSettings,
  type PointerOverride,
  type PresetRule,
  type SuppressionSettings,
} from './config.js';
export { InventoryLoader, isConfigFile } from './project.js';
export { DIRECTIVE_RULES, INVALID_DIRECTIVE_ID, UNUSED_DIRECTIVE_ID, applySuppressions, findDirectives, isSuppressed, parseDirectiveText, type Directive, type DirectiveKind } from './suppress.js';
export { applyFixes, fixUntilStable, isAutoFixable, safeFixEdits, type FixOutcome, type FixPass } from './fix.js';
export { cidrContains, cidrOverlaps, cidrSize, parseCidr, type Cidr } from './cidr.js';
export * from './network/index.js';
export { DOCS_BASE, HOMEPAGE, INTERNAL_ERROR_ID, INTERNAL_ERROR_META, POLICY_GUIDE_URL, TOOL_NAME, VERSION, docsUrlOf, ruleDocsUrl } from './meta.js';
export { mergePolicies, withPolicies } from './policies/merge.js';
export { parseSelect, select, type SelectStep, type Selected } from './policies/select.js';
export { formatPath, toJsonPointer } from './path.js';
export { clip, formatCount, isObject, isString, MAX_QUOTED, valueText } from './values.js';
export { schemaFindings, type SchemaFinding, type SchemaFindingKind } from './schema/validate.js';
export { allowedKeys, fieldDocs, fieldInfo, fieldPath, fieldsAliased, fieldsNamed, fullFieldTable, type FieldDocs, type FieldInfo, type FieldTable } from './schema/fields.js';
export { FORMAT_HINTS, formats, placeholderKind, type FormatName } from './schema/formats.js';
export * from './k8s-versions.js';
export * from './node-scopes.js';
export { ASSUMED_KIND_NOTE, basicEdition, billingScopes, clusterKind, clusterTypeAssumed, isGiven, loginScopes, networkPlugins, nodePoolName, numberish, showValue, NETWORK_PLUGIN_FAMILY, type BasicEdition, type BillingScope, type ClusterKind, type LoginScope, type NetworkPluginAddon } from './cluster.js';
export { parseEmbeddedJson, stringOffsetMapper, type EmbeddedJsonResult, type EmbeddedProperty } from './embedded-json.js';
