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
    defaultSeverity: 'info',
    category: 'security',
    description: 'The control-plane log fields (controlplane_log_components, _ttl, _project) do not fit together.',
    details:
      'Control-plane log collection is set by three fields: controlplane_log_components (which components\' logs to ship), controlplane_log_ttl (how many days Simple Log Service keeps them) and controlplane_log_project (which project holds them). An empty components list asks for no logs, so a TTL or project next to it has nothing to apply to. Otherwise the request works with defaults (the API reference collects the API server, KCM, scheduler and CCM logs when no components are listed, keeps logs 30 days when no TTL is given, and creates a k8s-log-{ClusterID} project), but the Terraform documentation asks for the components and the TTL together, and a spec that gives only one of them leaves the other to a default its reader cannot see. Give the list of components and a TTL together (the project may be left out).',
    fact: {
      text: 'To collect control-plane logs, controlplane_log_components and controlplane_log_ttl are specified together (Terraform sends a TTL of 30 when only components are given); the TTL defaults to 30 days and the project to a new k8s-log-{ClusterID}.',
      source: 'CreateCluster API reference, "controlplane_log_ttl", "controlplane_log_project", "controlplane_log_components"; Terraform alicloud_cs_managed_kubernetes; ack-facts.md §3.39 (TFM, TFD-M, CPLOG)',
    },
    tags: ['logging', 'control-plane', 'consistency'],
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
          message: `controlplane_log_components is an empty list, which asks for no control-plane logs, so ${names} ${others.length > 1 ? 'have' : 'has'} nothing to apply to. List the components to collect (for example apiserver, kcm, scheduler, ccm), or remove ${names}.`,
          at: { path: COMPONENTS, on: 'key' },
          related: others.map((o) => ({ path: o.path, on: 'key' as const, message: `${o.name} is set here` })),
        });
        return;
      }
      if (!doc.has(TTL) || ttl === null || (typeof ttl === 'string' && ttl.trim() === '')) {
        ctx.report({
          message: `controlplane_log_components lists ${comps.length} component${comps.length > 1 ? 's' : ''}, but controlplane_log_ttl is not set, so the logs are kept for the default 30 days; the Terraform documentation asks for the two together. Set controlplane_log_ttl (days, as a string such as "30") to state the retention.`,
          at: { path: COMPONENTS, on: 'key' },
          ...(doc.has(TTL) ? { related: [{ path: TTL, message: 'controlplane_log_ttl has no value' }] } : {}),
        });
      }
      return;
    }
    if (comps !== undefined && comps !== null) return; // not a list: the schema's concern
    // The project alone is fine: it only says where the default components' logs go.
    for (const o of others.filter((x) => x.path === TTL)) {
      ctx.report({
        message: `${o.name} is set, but controlplane_log_components is not, so which logs are collected is left to ACK's default components; the Terraform documentation asks for the components together with the TTL. Add controlplane_log_components (for example ["apiserver", "kcm", "scheduler", "ccm"]) to state what is collected.`,
        at: { path: o.path, on: 'key' },
        ...(doc.has(COMPONENTS) ? { related: [{ path: COMPONENTS, message: 'controlplane_log_components has no value' }] } : {}),
      });
    }
  },
});
