import { NETWORK_PLUGIN_FAMILY, defineRule, isObject } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'duplicate-addon',
    defaultSeverity: 'warning',
    category: 'addons',
    description: 'The same addon is listed twice in addons.',
    details:
      'Each component is installed once, with one configuration. When addons names the same component twice, only one of the entries can take effect, and which one (and with which config, version or disabled flag) is not documented. Keep one entry per component and merge the settings into it.',
    fact: {
      text: 'addons[] lists the components to install, one entry per component name.',
      source: 'CreateCluster API reference, "addons"; ack-facts.md §2.6 (GO)',
    },
    tags: ['addons', 'duplicate'],
  },
  check(ctx) {
    const doc = ctx.document;
    const addons = doc.get(['addons']);
    if (!Array.isArray(addons)) return;
    const first = new Map<string, number>();
    addons.forEach((addon, i) => {
      if (!isObject(addon)) return;
      const name = addon['name'];
      if (typeof name !== 'string' || name.trim() === '') return;
      // A network plugin listed twice is network-plugin's finding (an error: one plugin per cluster).
      if (Object.hasOwn(NETWORK_PLUGIN_FAMILY, name)) return;
      const prev = first.get(name);
      if (prev === undefined) {
        first.set(name, i);
        return;
      }
      const differs = JSON.stringify(addons[prev]) !== JSON.stringify(addon);
      ctx.report({
        message: `Addon ${JSON.stringify(name)} is listed twice (addons[${prev}] and addons[${i}])${differs ? ' with different settings' : ''}; only one entry can take effect. Keep one entry${differs ? ' and merge the settings into it' : ' and remove this one'}.`,
        at: { path: ['addons', i, 'name'] },
        related: [{ path: ['addons', prev, 'name'], message: `First listed here, as addons[${prev}]` }],
      });
    });
  },
});
