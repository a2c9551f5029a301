/**
 * Shared readings of a CreateCluster body for the cross-field rules: what kind of cluster it is, which network plugin
 * it installs, and where its billing and login settings live. Plain functions over the typed value; they never report.
 */
import { INVALID, type ClusterDocument, type JsonObject, type JsonPath, type JsonValue } from './model.js';
import type { FixSpec, ReportRelated } from './rule.js';
import { formatPath } from './path.js';
import { isObject, oncePerValue } from './values.js';

/** How `cluster_type` (and `profile`) read: the kinds of cluster the API creates. */
export type ClusterKind = 'managed' | 'serverless' | 'dedicated' | 'registered' | 'unknown';

/**
 * The kind of cluster a body creates. `ManagedKubernetes` with `profile: Serverless` and the legacy `cluster_type: Ask`
 * are Serverless. A missing `cluster_type` (absent, null or "") is taken as `ManagedKubernetes`, the type the API
 * reference documents (missing-field reports the omission; rules marked `kindDependent` say in their message that the
 * kind was assumed, see {@link clusterTypeAssumed}). An unrecognised value (a typo, a template placeholder) is `unknown`:
 * rules that need the kind stay quiet, the others run.
 */
export function clusterKind(root: JsonValue | undefined): ClusterKind {
  if (!isObject(root)) return 'unknown';
  const type = root['cluster_type'];
  if (type === 'ManagedKubernetes' || clusterTypeAssumed(root)) return root['profile'] === 'Serverless' ? 'serverless' : 'managed';
  if (type === 'Kubernetes') return 'dedicated';
  if (type === 'ExternalKubernetes') return 'registered';
  if (type === 'Ask') return 'serverless';
  return 'unknown';
}

/** The body gives no cluster_type (absent, null or ""), so {@link clusterKind} assumes ManagedKubernetes. */
export function clusterTypeAssumed(root: JsonValue | undefined): boolean {
  if (!isObject(root)) return false;
  const type = root['cluster_type'];
  return type === undefined || type === null || type === '';
}

/** The sentence added to findings of `kindDependent` rules when {@link clusterTypeAssumed}. */
export const ASSUMED_KIND_NOTE = 'cluster_type is not set, so acklint assumed ManagedKubernetes (an ACK managed cluster) for this check.';

/** The field holds a value the author meant to give: present, not null and not "" (an unreadable value counts). */
export function isGiven(v: JsonValue | undefined): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** A number written as a JSON number or a decimal string (the API's string-typed numbers); otherwise undefined. */
export function numberish(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** The network (CNI) plugin addon names, by family. */
export const NETWORK_PLUGIN_FAMILY: Readonly<Record<string, 'flannel' | 'terway'>> = {
  flannel: 'flannel',
  'terway-eniip': 'terway',
  'terway-eni': 'terway',
  terway: 'terway',
};

export interface NetworkPluginAddon {
  name: string;
  family: 'flannel' | 'terway';
  /** Path of the addon's `name` value. */
  path: JsonPath;
}

/**
 * The network plugins `addons` installs (entries with `disabled: true` are not installed), or undefined when `addons`
 * is missing or not a list. Computed once per document value ({@link oncePerValue}); callers must not modify the result.
 */
export const networkPlugins: (root: JsonValue | undefined) => NetworkPluginAddon[] | undefined = oncePerValue(networkPluginsUncached);

function networkPluginsUncached(root: JsonValue | undefined): NetworkPluginAddon[] | undefined {
  if (!isObject(root)) return undefined;
  const addons = root['addons'];
  if (!Array.isArray(addons)) return undefined;
  const out: NetworkPluginAddon[] = [];
  addons.forEach((a, i) => {
    if (!isObject(a) || a['disabled'] === true) return;
    const name = a['name'];
    if (typeof name === 'string' && Object.hasOwn(NETWORK_PLUGIN_FAMILY, name)) {
      out.push({ name, family: NETWORK_PLUGIN_FAMILY[name]!, path: ['addons', i, 'name'] });
    }
  });
  return out;
}

/** One place that can be billed by subscription, with the paths of its billing fields. */
export interface BillingScope {
  kind: 'cluster' | 'master' | 'worker' | 'control-plane' | 'nodepool';
  /** How the scope reads in messages. */
  what: string;
  chargeType: JsonPath;
  period: JsonPath;
  periodUnit: JsonPath;
  autoRenew: JsonPath;
  autoRenewPeriod: JsonPath;
  /** The documented default of `auto_renew` in this scope; undefined where the sources disagree. */
  autoRenewDefault: boolean | undefined;
}

/**
 * Every billing scope of the body: top level, master_*, worker_*, control_plane_config and each node pool. The master
 * scopes (master_* and control_plane_config) are left out for managed, Serverless and registered clusters, which have
 * no master nodes of their own to bill (the fields are ignored there; dedicated-only-field says so). Computed once per document value
 * ({@link oncePerValue}); callers must not modify the result.
 */
export const billingScopes: (root: JsonValue | undefined) => BillingScope[] = oncePerValue(billingScopesUncached);

function billingScopesUncached(root: JsonValue | undefined): BillingScope[] {
  const kind = clusterKind(root);
  const masters = kind === 'dedicated' || kind === 'unknown';
  const all: BillingScope[] = [
    {
      kind: 'cluster',
      what: 'the cluster (API server load balancer)',
      chargeType: ['charge_type'],
      period: ['period'],
      periodUnit: ['period_unit'],
      autoRenew: ['auto_renew'],
      autoRenewPeriod: ['auto_renew_period'],
      autoRenewDefault: false,
    },
    {
      kind: 'master',
      what: 'the master nodes',
      chargeType: ['master_instance_charge_type'],
      period: ['master_period'],
      periodUnit: ['master_period_unit'],
      autoRenew: ['master_auto_renew'],
      autoRenewPeriod: ['master_auto_renew_period'],
      autoRenewDefault: true,
    },
    {
      kind: 'worker',
      what: 'the worker nodes',
      chargeType: ['worker_instance_charge_type'],
      period: ['worker_period'],
      periodUnit: ['worker_period_unit'],
      autoRenew: ['worker_auto_renew'],
      autoRenewPeriod: ['worker_auto_renew_period'],
      autoRenewDefault: true,
    },
  ];
  const out = all.filter((b) => masters || b.kind !== 'master');
  const cp: JsonPath = ['control_plane_config'];
  if (masters && (!isObject(root) || root['control_plane_config'] === undefined || isObject(root['control_plane_config']))) {
    out.push({
      kind: 'control-plane',
      what: 'the control plane',
      chargeType: [...cp, 'charge_type'],
      period: [...cp, 'period'],
      periodUnit: [...cp, 'period_unit'],
      autoRenew: [...cp, 'auto_renew'],
      autoRenewPeriod: [...cp, 'auto_renew_period'],
      autoRenewDefault: true,
    });
  }
  const pools = isObject(root) ? root['nodepools'] : undefined;
  if (Array.isArray(pools)) {
    pools.forEach((pool, i) => {
      const sg: JsonPath = ['nodepools', i, 'scaling_group'];
      out.push({
        kind: 'nodepool',
        what: nodePoolName(pool, i),
        chargeType: [...sg, 'instance_charge_type'],
        period: [...sg, 'period'],
        periodUnit: [...sg, 'period_unit'],
        autoRenew: [...sg, 'auto_renew'],
        autoRenewPeriod: [...sg, 'auto_renew_period'],
        autoRenewDefault: undefined,
      });
    });
  }
  return out;
}

/** `node pool "name"`, or `node pool nodepools[2]` when it has no name. */
export function nodePoolName(pool: JsonValue | undefined, index: number): string {
  const info = isObject(pool) ? pool['nodepool_info'] : undefined;
  const name = isObject(info) ? info['name'] : undefined;
  return typeof name === 'string' && name !== '' ? `node pool ${JSON.stringify(name)}` : `node pool ${formatPath(['nodepools', index])}`;
}

/** A place that says how to log on to the nodes it creates. */
export interface LoginScope {
  kind: 'top-level' | 'control-plane' | 'nodepool';
  /** Path of the object holding `key_pair` / `login_password` (`[]` for the top level). */
  path: JsonPath;
  obj: JsonObject;
  /** The scope's image type, from `image_type` (or, for the top level and node pools, `platform` / `os_type`). */
  imageType: string | undefined;
}

/** The top level, `control_plane_config` and every `nodepools[].scaling_group` that is an object. Computed once per document value
 * ({@link oncePerValue}); callers must not modify the result.
 */
export const loginScopes: (root: JsonValue | undefined) => LoginScope[] = oncePerValue(loginScopesUncached);

function loginScopesUncached(root: JsonValue | undefined): LoginScope[] {
  if (!isObject(root)) return [];
  const out: LoginScope[] = [{ kind: 'top-level', path: [], obj: root, imageType: imageTypeOf(root) }];
  const cp = root['control_plane_config'];
  if (isObject(cp)) out.push({ kind: 'control-plane', path: ['control_plane_config'], obj: cp, imageType: imageTypeOf(cp) });
  const pools = root['nodepools'];
  if (Array.isArray(pools)) {
    pools.forEach((pool, i) => {
      const sg = isObject(pool) ? pool['scaling_group'] : undefined;
      if (isObject(sg)) out.push({ kind: 'nodepool', path: ['nodepools', i, 'scaling_group'], obj: sg, imageType: imageTypeOf(sg) });
    });
  }
  return out;
}

function imageTypeOf(obj: JsonObject): string | undefined {
  const t = obj['image_type'];
  if (typeof t === 'string' && t !== '') return t;
  return undefined;
}

export { showValue } from './values.js';

/** What an ACK Basic body says about its edition, for the findings of Pro-only features. */
export interface BasicEdition {
  /** `cluster_spec is "ack.standard"`, `cluster_spec is not set, which means ack.standard (ACK Basic)`… */
  current: string;
  /** Sets cluster_spec to ack.pro.small where the value can be replaced in place (never safe: it changes the bill). */
  fix?: FixSpec;
  /** cluster_spec, where it is written. */
  related: ReportRelated[];
}

/**
 * The edition of a managed body when it is ACK Basic (cluster_spec missing, empty or not ack.pro.*); undefined for ACK
 * Pro and for a cluster_spec that is not a string (the schema's concern).
 */
export function basicEdition(doc: ClusterDocument): BasicEdition | undefined {
  const spec = doc.get(['cluster_spec']);
  if (typeof spec === 'string' && spec.startsWith('ack.pro.')) return undefined;
  if (spec !== undefined && spec !== null && typeof spec !== 'string') return undefined;
  const has = doc.has(['cluster_spec']);
  const current =
    typeof spec === 'string' && spec !== ''
      ? `cluster_spec is ${JSON.stringify(spec)}`
      : `cluster_spec ${spec === '' ? 'is empty' : spec === null ? 'has no value' : 'is not set'}, which means ack.standard (ACK Basic)`;
  const node = doc.node(['cluster_spec']);
  const canFix = node !== undefined && (node.kind === 'string' || node.kind === 'null') && node.end > node.start && !doc.isShared(['cluster_spec']);
  return {
    current,
    ...(canFix
      ? { fix: { title: 'Set cluster_spec to ack.pro.small (ACK Pro)', safe: false, edits: [{ target: { path: ['cluster_spec'] }, newText: doc.stringLiteral(['cluster_spec'], 'ack.pro.small') }] } }
      : {}),
    related: has ? [{ path: ['cluster_spec'], message: 'ACK edition chosen here: not ACK Pro' }] : [],
  };
}
