/**
 * Policies along a chain of configs (a preset, an `extends:` chain, a cascade of directories): lists concatenate, and
 * a later policy with the id of an earlier one replaces it, in its place. Light on purpose: no ajv here, so that code
 * which only combines configs does not load it.
 */
import type { Rule } from '../rule.js';

/** The policies of `lists` merged in order (earlier lists are the bases, later ones override). */
export function mergePolicies(...lists: ReadonlyArray<readonly Rule[] | undefined>): Rule[] {
  const out: Rule[] = [];
  const index = new Map<string, number>();
  for (const list of lists) {
    for (const rule of list ?? []) {
      const at = index.get(rule.meta.id);
      if (at === undefined) {
        index.set(rule.meta.id, out.length);
        out.push(rule);
      } else out[at] = rule;
    }
  }
  return out;
}

const withPoliciesMemo = new WeakMap<object, WeakMap<readonly Rule[], readonly Rule[]>>();

/**
 * The rules to lint with under a config: `builtin` followed by the config's policies. The same array for the same
 * config (the engine and the formatters see one list per config, however many files use it).
 */
export function withPolicies(builtin: readonly Rule[], config: { readonly policies?: readonly Rule[] }): readonly Rule[] {
  if (!config.policies?.length) return builtin;
  let byBuiltin = withPoliciesMemo.get(config);
  if (!byBuiltin) withPoliciesMemo.set(config, (byBuiltin = new WeakMap()));
  let rules = byBuiltin.get(builtin);
  if (!rules) byBuiltin.set(builtin, (rules = [...builtin, ...config.policies]));
  return rules;
}
