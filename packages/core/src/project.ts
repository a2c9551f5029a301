/**
 * What a project's files are to acklint: config files (never linted as specs), and the inventory a file's config asks
 * for. The CLI and the language server decide alike (which files `files:` names is config.ts's configNamesFile).
 */
import { basename } from 'node:path';
import { CONFIG_FILE_NAMES, type AcklintConfig } from './config.js';
import { loadInventory, type Inventory } from './network/inventory.js';

/** True for `.acklint.yaml`, `.acklint.yml` and `.acklint.json` (configs are never linted as specs). */
export function isConfigFile(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
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
