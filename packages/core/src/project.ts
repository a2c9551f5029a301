/**
 * What a config says about the files around it: which files its `files:` globs name (linted even without
 * `cluster_type`), and the inventory a file's config asks for. The CLI and the language server decide alike.
 */
import { basename, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, type AcklintConfig } from './config.js';
import { loadInventory, type Inventory } from './network/inventory.js';

/** True for `.acklint.yaml`, `.acklint.yml` and `.acklint.json` (configs are never linted as specs). */
export function isConfigFile(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

/** Minimal glob for config `files`: "**" + "/" any directories, "**" anything, `*` within a segment, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const matchers = new WeakMap<AcklintConfig, (abs: string) => boolean>();

/** A file listed under the config's `files` (globs relative to the config's directory): linted even without cluster_type. */
export function configNamesFile(config: AcklintConfig, abs: string): boolean {
  if (!config.files.length || !config.path) return false;
  let m = matchers.get(config);
  if (!m) {
    const base = resolve(config.path, '..');
    const res = config.files.map((g) => globToRegExp(g));
    m = (p: string) => {
      const rel = relative(base, p).split(sep).join('/');
      return !rel.startsWith('..') && res.some((re) => re.test(rel));
    };
    matchers.set(config, m);
  }
  return m(abs);
}

/**
 * Inventories per config: the config's `inventory:` files plus extra ones (`--inventory`, editor settings), each
 * distinct list read once. A bad file throws {@link InventoryError}.
 */
export class InventoryLoader {
  private readonly byKey = new Map<string, Inventory>();

  constructor(
    private readonly extra: readonly string[] = [],
    private readonly display: (path: string) => string = (p) => p,
  ) {}

  /** The inventory files that apply under `config` (absolute paths, no repeats). */
  paths(config: AcklintConfig): string[] {
    return [...new Set([...config.inventory, ...this.extra])];
  }

  forConfig(config: AcklintConfig): Inventory | undefined {
    const paths = this.paths(config);
    if (!paths.length) return undefined;
    const key = paths.join('\0');
    let inv = this.byKey.get(key);
    if (!inv) {
      inv = loadInventory(paths, this.display);
      this.byKey.set(key, inv);
    }
    return inv;
  }
}
