import { defineRule, type JsonPath, type JsonValue } from '@acklint/core';

const COMPONENTS: JsonPath = ['controlplane_log_components'];
const TTL: JsonPath = ['controlplane_log_ttl'];
const PROJECT: JsonPath = ['controlplane_log_project'];

/** A value that says something: not missing, null or an empty string. */
function given(v: JsonValue | undefined): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

export default defineRule({
  meta: {
    id: 'controlplane-log-config',
    defaultSeverity: 'warning',
    category: 'security',
    description: 'The control-plane log fields (controlplane_log_components, _ttl, _project) do not fit together.',
    details:
      'Control-plane log collection is set by three fields: controlplane_log_components (which components\' logs to ship), controlplane_log_ttl (how many days Simple Log Service keeps them) and controlplane_log_project (which project holds them). The components list is what turns collection on: with an empty list nothing is collected and the TTL and project have no effect, and a TTL or project without the list leaves the choice of logs to defaults. ACK\'s documentation asks for the components and the TTL together; with only the components, the TTL silently falls back to 30 days. Give the list of components and a TTL together (the project may be left out: ACK then creates k8s-log-{ClusterID}).',
    fact: {
      text: 'To collect control-plane logs, controlplane_log_components and controlplane_log_ttl are specified together (Terraform sends a TTL of 30 when only components are given); the TTL defaults to 30 days and the project to a new k8s-log-{ClusterID}.',
      source: 'CreateCluster API reference, "controlplane_log_ttl", "controlplane_log_project", "controlplane_log_components"; Terraform alicloud_cs_managed_kubernetes; ack-facts.md §3.39 (TFM, TFD-M, CPLOG)',
    },
    tags: ['logging', 'control-plane', 'no-effect'],
  },
  check(ctx) {
    const doc = ctx.document;
    const comps = doc.get(COMPONENTS);
    const ttl = doc.get(TTL);
    const project = doc.get(PROJECT);
    const others = [
      ...(given(ttl) ? [{ path: TTL, name: 'controlplane_log_ttl' }] : []),
      ...(given(project) ? [{ path: PROJECT, name: 'controlplane_log_project' }] : []),
    ];

    if (Array.isArray(comps)) {
      if (comps.length === 0) {
        if (!others.length) return;
        const names = others.map((o) => o.name).join(' and ');
        ctx.report({
          message: `controlplane_log_components is an empty list, so no control-plane logs are collected and ${names} ${others.length > 1 ? 'have' : 'has'} no effect. List the components to collect (for example apiserver, kcm, scheduler, ccm), or remove ${names}.`,
          at: { path: COMPONENTS, on: 'key' },
          related: others.map((o) => ({ path: o.path, on: 'key' as const, message: `${o.name} is set here` })),
        });
        return;
      }
      if (!doc.has(TTL) || ttl === null || (typeof ttl === 'string' && ttl.trim() === '')) {
        ctx.report({
          message: `controlplane_log_components lists ${comps.length} component${comps.length > 1 ? 's' : ''}, but controlplane_log_ttl is not set: ACK's documentation asks for both together, and the logs are then kept for the default 30 days. Set controlplane_log_ttl (days, as a string such as "30") to choose the retention.`,
          at: { path: COMPONENTS, on: 'key' },
          ...(doc.has(TTL) ? { related: [{ path: TTL, message: 'controlplane_log_ttl has no value' }] } : {}),
        });
      }
      return;
    }
    if (comps !== undefined && comps !== null) return; // not a list: the schema's concern
    for (const o of others) {
      ctx.report({
        message: `${o.name} is set, but controlplane_log_components is not: control-plane log collection is chosen by the list of components, and ACK's documentation asks for the components together with the TTL. Add controlplane_log_components (for example ["apiserver", "kcm", "scheduler", "ccm"]), or remove ${o.name}.`,
        at: { path: o.path, on: 'key' },
        ...(doc.has(COMPONENTS) ? { related: [{ path: COMPONENTS, message: 'controlplane_log_components has no value' }] } : {}),
      });
    }
  },
});
