/**
 * The `select:` paths of policies: which parts of a CreateCluster body a policy schema is applied to.
 *
 * A path is a JSONPath subset, steps from the document root:
 * - `name` or `.name`: the value of that key of an object (`-` and `_` allowed; quote other keys: `["cost-center"]`);
 * - `[*]`: every item of an array;
 * - `.*`: every value of an object;
 * - `[N]`: the item at index N of an array.
 * An optional leading `$` stands for the root; `$` alone (or no `select`) is the whole document. Examples:
 * `nodepools[*]`, `addons[*]`, `nodepools[*].scaling_group`, `nodepools[*].scaling_group.data_disks[*]`.
 * A step that finds nothing (a missing key, a value of another type) selects nothing there: a policy about node pools
 * says nothing about a cluster without node pools.
 */
import type { JsonPath, JsonValue, PathSegment } from '../model.js';

export type SelectStep = { key: string } | { index: number } | { all: true };

export interface Selected {
  path: JsonPath;
  value: JsonValue;
}

/** Parse a select path; throws an Error whose message says what is wrong and where (0-based character offset). */
export function parseSelect(text: string): SelectStep[] {
  const steps: SelectStep[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${i + 1} of "${text}"; write a path such as nodepools[*].scaling_group`);
  };
  i = text.startsWith('$') ? 1 : 0;
  const NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;
  const BRACKET = /\[(?:(\*)|(0|[1-9][0-9]{0,8})|("(?:[^"\\]|\\.)*"))\]/y;
  while (i < text.length) {
    if (text[i] === '[') {
      BRACKET.lastIndex = i;
      const r = BRACKET.exec(text) ?? fail('expected [*], [N] or ["key"]');
      if (r[1]) steps.push({ all: true });
      else if (r[2]) steps.push({ index: Number(r[2]) });
      else steps.push({ key: JSON.parse(r[3]!) as string });
      i = BRACKET.lastIndex;
      continue;
    }
    // A key name: after a dot, or first of all without the `$`.
    if (text[i] === '.') i++;
    else if (i !== 0) fail(`unexpected "${text[i]}"`);
    if (text[i] === '*') {
      steps.push({ all: true });
      i++;
      continue;
    }
    NAME.lastIndex = i;
    const r = NAME.exec(text) ?? fail('expected a key name');
    steps.push({ key: r[0] });
    i = NAME.lastIndex;
  }
  return steps;
}

/** Every value the steps select in `root`, with its path, in document order. */
export function select(root: JsonValue | undefined, steps: readonly SelectStep[]): Selected[] {
  if (root === undefined) return [];
  let current: Selected[] = [{ path: [], value: root }];
  for (const step of steps) {
    const next: Selected[] = [];
    for (const { path, value } of current) {
      if (typeof value !== 'object' || value === null) continue;
      const at = (seg: PathSegment, v: JsonValue | undefined) => {
        if (v !== undefined) next.push({ path: [...path, seg], value: v });
      };
      if ('all' in step) {
        if (Array.isArray(value)) value.forEach((v, i) => at(i, v));
        else for (const k of Object.keys(value)) at(k, value[k]);
      } else if ('index' in step) {
        if (Array.isArray(value)) at(step.index, value[step.index]);
      } else if (!Array.isArray(value) && Object.hasOwn(value, step.key)) {
        at(step.key, value[step.key]);
      }
    }
    current = next;
  }
  return current;
}
