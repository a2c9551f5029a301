import { INVALID, NETWORK_PLUGIN_FAMILY, clusterKind, defineRule, formatPath, isObject, networkPlugins, valueText } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'network-plugin',
    defaultSeverity: 'error',
    category: 'network',
    description: 'addons lists no network plugin, or more than one (flannel, terway-eniip, terway-eni, terway).',
    details:
      'Every ACK managed or dedicated cluster runs exactly one network (CNI) plugin, chosen in addons when the cluster is created and fixed for its lifetime: flannel, or one of the Terway variants terway-eniip (shared ENI, the usual choice), terway-eni or terway. An addons list that names none of them, or names two, does not describe a cluster ACK can build. Registered (ExternalKubernetes) and Serverless clusters are not checked: they bring or manage their own pod networking. A body without addons at all is reported by network-plugin-implicit instead.',
    fact: {
      text: 'Network plug-in: required; Flannel and Terway are supported, select one of them (addons[].name flannel or terway-eniip, terway-eni, terway).',
      source: 'CreateCluster API reference, "addons"; ack-facts.md §3.1 and §2.6 (GO, DOC21, TFD-M)',
    },
    tags: ['network', 'cni', 'addons', 'flannel', 'terway'],
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if (kind === 'serverless' || kind === 'registered') return;
    const plugins = networkPlugins(root);
    if (!plugins || !isObject(root)) return;
    if (plugins.length === 0) {
      const addons = Array.isArray(root['addons']) ? root['addons'] : [];
      const names = addons.map((a) => (isObject(a) ? a['name'] : undefined));
      // An entry that could not be read, or whose name could not be read, may well be the plugin: say nothing.
      if (addons.some((a, i) => a === INVALID || (isObject(a) && names[i] === INVALID))) return;
      const nearMiss = names.findIndex((n) => typeof n === 'string' && !Object.hasOwn(NETWORK_PLUGIN_FAMILY, n) && Object.hasOwn(NETWORK_PLUGIN_FAMILY, n.trim().toLowerCase()));
      const disabled = addons.findIndex((a) => isObject(a) && a['disabled'] === true && typeof a['name'] === 'string' && Object.hasOwn(NETWORK_PLUGIN_FAMILY, a['name']));
      let hint = '';
      if (nearMiss >= 0) hint = ` ${formatPath(['addons', nearMiss, 'name'])} is ${JSON.stringify(names[nearMiss])}; addon names are exact and lower-case (${String(names[nearMiss]).trim().toLowerCase()}).`;
      else if (disabled >= 0) hint = ` ${formatPath(['addons', disabled])} lists ${valueText(names[disabled])} with disabled: true, so it is not installed.`;
      else if (names.includes('terway-controlplane')) hint = ' terway-controlplane is a companion of Terway, not the plugin itself.';
      ctx.report({
        message: `addons names no network plugin; a cluster needs exactly one, chosen at creation and never changed.${hint} Add {name: terway-eniip} (Terway, with pod_vswitch_ids) or {name: flannel} (with container_cidr).`,
        at: { path: ['addons'], on: 'key' },
      });
      return;
    }
    const first = plugins[0]!;
    for (const extra of plugins.slice(1)) {
      const what = extra.name === first.name ? `lists ${extra.name} a second time` : `installs a second network plugin, ${extra.name}, besides ${first.name}`;
      ctx.report({
        message: `addons ${what}: a cluster runs exactly one network plugin. Keep one (${first.family === extra.family ? first.name : 'flannel or a Terway variant'}) and remove the other entry.`,
        at: { path: extra.path },
        related: [{ path: first.path, message: `${first.name} is chosen here` }],
      });
    }
  },
});
