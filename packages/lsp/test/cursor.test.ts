import { describe, expect, it } from 'vitest';
import { SourceText } from '@acklint/core';
import { yamlContext } from '../src/cursor.js';

/** The completion context at `|` in a YAML text. */
function at(text: string) {
  const offset = text.indexOf('|');
  return yamlContext(new SourceText(text.replace('|', '')), offset);
}

describe('YAML completion context', () => {
  it('reads the parent path from indentation, through list items', () => {
    expect(at('name: a\n|')).toMatchObject({ kind: 'key', parent: [], indent: 0 });
    expect(at('nodepools:\n  - nodepool_info:\n      name: a\n    scaling_group:\n      |')).toMatchObject({ kind: 'key', parent: ['nodepools', 0, 'scaling_group'], indent: 6 });
    expect(at('nodepools:\n  - nodepool_info:\n      name: a\n    |')).toMatchObject({ kind: 'key', parent: ['nodepools', 0], indent: 4 });
    expect(at('nodepools:\n  - |')).toMatchObject({ kind: 'key', parent: ['nodepools', 0], indent: 4 });
    // An indentless sequence (the dash at the key's column).
    expect(at('addons:\n- name: flannel\n  |')).toMatchObject({ kind: 'key', parent: ['addons', 0] });
    expect(at('nodepools:\n  - scaling_group:\n      data_disks:\n        - category: cloud_essd\n          |')).toMatchObject({ parent: ['nodepools', 0, 'scaling_group', 'data_disks', 0] });
  });

  it('lists the keys already present at the cursor level, and only those of the same item', () => {
    const c = at('nodepools:\n  - nodepool_info:\n      name: a\n    |\n    management:\n      enable: true\n  - scaling_group: {}\n');
    expect(c?.kind === 'key' && [...c.present].sort()).toEqual(['management', 'nodepool_info']);
    const top = at('name: a\ncluster_type: ManagedKubernetes\nnodepools:\n  - nodepool_info: {}\n|\nregion_id: x\n');
    expect(top?.kind === 'key' && [...top.present].sort()).toEqual(['cluster_type', 'name', 'nodepools', 'region_id']);
  });

  it('finds value positions after a colon', () => {
    expect(at('cluster_type: Man|')).toMatchObject({ kind: 'value', path: ['cluster_type'] });
    expect(at('addons:\n  - name: |')).toMatchObject({ kind: 'value', path: ['addons', 0, 'name'] });
    expect(at('nodepools:\n  - scaling_group:\n      system_disk_category: |')).toMatchObject({ kind: 'value', path: ['nodepools', 0, 'scaling_group', 'system_disk_category'] });
  });

  it('offers nothing inside comments or flow collections', () => {
    expect(at('# a comment |')).toBeUndefined();
    expect(at('tags: [{key: |')).toBeUndefined();
    // Indented under a key that already has its value: no place for a key.
    expect(at('name: demo\n  |')).toBeUndefined();
  });

  it('reads lines holding U+2028 and U+2029, which YAML keeps inside a line and JavaScript regexes end lines at', () => {
    // The cursor line after a line that is only `g` and a LINE SEPARATOR.
    expect(at('g\u2028\r|')).toMatchObject({ kind: 'key', parent: [] });
    expect(at('o\u2029      |')).toBeUndefined();
    expect(at('nodepools:\n  - name: a\u2028b\n    |')).toMatchObject({ kind: 'key', parent: ['nodepools', 0] });
    expect(at('scaling_group:\n  x: \u2028\n  |')).toMatchObject({ kind: 'key', parent: ['scaling_group'] });
  });
});
