import { closest, defineRule, isObject, placeholderKind } from '@acklint/core';
import { KNOWN_ADDONS } from './data/addon-names.js';

const KNOWN = new Set(KNOWN_ADDONS);

/** The closest name of `names`, if it is close enough to be a likely typo (or differs only in case or separators). */
function nearestAddon(name: string, names: readonly string[]): string | undefined {
  const norm = (s: string) => s.trim().toLowerCase().replace(/[_\s.]/g, '-');
  const exact = names.find((k) => norm(k) === norm(name));
  if (exact) return exact;
  // A name cut short: "logtail" for logtail-ds.
  const longer = names.find((k) => name.length >= 4 && k.startsWith(`${name.toLowerCase()}-`));
  if (longer) return longer;
  // A likely typo: the nearest name within a quarter of the name's length (at least 2 edits).
  return closest(name.toLowerCase(), names, Math.max(2, Math.floor(name.length / 4)));
}

export default defineRule({
  meta: {
    id: 'unknown-addon',
    defaultSeverity: 'warning',
    category: 'addons',
    description: 'An addon name is not a component of the ACK component catalogue (the saved one for your region and version, or acklint\'s built-in list); it may be a typo.',
    details:
      'addons[].name must be the exact name of an ACK component (flannel, terway-eniip, csi-plugin, logtail-ds, nginx-ingress-controller…). A misspelt name either fails the request or installs nothing, and a misspelt network plugin leaves the cluster without one. Which components exist depends on the region and the Kubernetes version, so the exact check needs ACK\'s component catalogue: save the output of `aliyun cs GET /addons --region_id <region> --cluster_version <version>` (ListAddons; DescribeAddons output works too) and pass it with --inventory; names are then checked against it. Without one, acklint checks against its built-in list of the names documented in the API reference and SDKs, seen in real requests and in the ACK component catalogue; that list cannot be complete, so a name outside it is a warning. Either way the message says which catalogue was used, and the closest known name is offered as a fix.',
    fact: {
      text: 'addons[].name names an ACK component; the components offered depend on the region and Kubernetes version (ListAddons). Documented names include flannel, terway-eniip, csi-plugin, csi-provisioner, logtail-ds (loongcollector in newer SDKs), nginx-ingress-controller, ack-node-problem-detector and arms-prometheus.',
      source: 'CreateCluster API reference, "addons"; ack-facts.md §2.6 (GO, TS, DOC21, TFD-M, IG); names in the shared corpus',
    },
    tags: ['addons', 'typo'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const addons = doc.get(['addons']);
    if (!Array.isArray(addons)) return;
    const catalogue = ctx.inventory?.addons;
    const files = ctx.inventory?.files.filter((f) => f.kinds.includes('ListAddons')).map((f) => f.path.split(/[\\/]/).pop()!) ?? [];
    const useCatalogue = catalogue !== undefined && files.length > 0;
    const names = useCatalogue ? [...catalogue.keys()] : KNOWN_ADDONS;
    const which = useCatalogue
      ? `the component catalogue in ${files.join(', ')}`
      : "acklint's built-in list of ACK components (pass the ListAddons output for your region and version with --inventory for an exact check)";
    addons.forEach((addon, i) => {
      if (!isObject(addon)) return;
      const name = addon['name'];
      if (typeof name !== 'string' || name.trim() === '') return;
      if (useCatalogue ? catalogue.has(name) : KNOWN.has(name)) return;
      if (placeholderKind(name) === 'template') return; // ${ADDON}, {{ .name }}: placeholder-value says so
      const path = ['addons', i, 'name'];
      const guess = nearestAddon(name, names);
      ctx.report({
        message: `Unknown addon ${JSON.stringify(name)}${guess ? ` (did you mean "${guess}"?)` : ''}: it is not in ${which}, so ACK may reject it or install nothing. ${guess ? `Use "${guess}" if that is what you meant; if` : 'Check the spelling; if'} the name is right, turn this warning off for the file.`,
        at: { path },
        ...(useCatalogue && guess ? { related: [{ external: catalogue.get(guess)!.at, message: `${guess} in the component catalogue` }] } : {}),
        ...(guess ? { fix: { title: `Rename the addon to ${guess}`, safe: false, edits: [{ target: { path }, newText: doc.stringLiteral(path, guess) }] } } : {}),
      });
    });
  },
});
