import { defineRule, editDistance, isObject, placeholderKind } from '@acklint/core';
import { KNOWN_ADDONS } from './data/addon-names.js';

const KNOWN = new Set(KNOWN_ADDONS);

/** The closest known name, if it is close enough to be a likely typo (or differs only in case or separators). */
function closest(name: string): string | undefined {
  const norm = (s: string) => s.trim().toLowerCase().replace(/[_\s.]/g, '-');
  const exact = KNOWN_ADDONS.find((k) => norm(k) === norm(name));
  if (exact) return exact;
  // A name cut short: "logtail" for logtail-ds.
  const longer = KNOWN_ADDONS.find((k) => name.length >= 4 && k.startsWith(`${name.toLowerCase()}-`));
  if (longer) return longer;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of KNOWN_ADDONS) {
    const d = editDistance(name.toLowerCase(), k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

export default defineRule({
  meta: {
    id: 'unknown-addon',
    defaultSeverity: 'warning',
    category: 'addons',
    description: 'An addon name is not a component acklint knows; it may be a typo.',
    details:
      'addons[].name must be the exact name of an ACK component (flannel, terway-eniip, csi-plugin, logtail-ds, nginx-ingress-controller…). A misspelt name either fails the request or installs nothing, and a misspelt network plugin leaves the cluster without one. acklint keeps a list of the names documented in the API reference and SDKs, and seen in real requests; a name outside it gets a warning, with the closest known name as a suggested fix. The list cannot be complete (ACK adds components), so this is a warning: if the name is right, turn the rule off for the file or tell us the name.',
    fact: {
      text: 'addons[].name names an ACK component; documented names include flannel, terway-eniip, csi-plugin, csi-provisioner, logtail-ds (loongcollector in newer SDKs), nginx-ingress-controller, ack-node-problem-detector and arms-prometheus.',
      source: 'CreateCluster API reference, "addons"; ack-facts.md §2.6 (GO, TS, DOC21, TFD-M, IG); names in the shared corpus',
    },
    tags: ['addons', 'typo'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const addons = doc.get(['addons']);
    if (!Array.isArray(addons)) return;
    addons.forEach((addon, i) => {
      if (!isObject(addon)) return;
      const name = addon['name'];
      if (typeof name !== 'string' || name.trim() === '' || KNOWN.has(name)) return;
      if (placeholderKind(name) === 'template') return; // ${ADDON}, {{ .name }}: placeholder-value says so
      const path = ['addons', i, 'name'];
      const guess = closest(name);
      ctx.report({
        message: `Unknown addon ${JSON.stringify(name)}${guess ? ` (did you mean "${guess}"?)` : ''}: it is not a component name acklint knows, so ACK may reject it or install nothing. ${guess ? `Use "${guess}" if that is what you meant; if` : 'Check the spelling against the ACK component list; if'} the name is right, turn this warning off for the file.`,
        at: { path },
        ...(guess ? { fix: { title: `Rename the addon to ${guess}`, safe: false, edits: [{ target: { path }, newText: doc.stringLiteral(path, guess) }] } } : {}),
      });
    });
  },
});
