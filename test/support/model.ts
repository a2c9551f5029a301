/**
 * For the tests of an editor's re-parses (which must equal a fresh parse): parses compared as data, the YAML files
 * they are tried on, and the seeded generator of their random edits.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Node, ParsedFile } from '@acklint/core';
import { Rng } from '../../scripts/fuzz/generate.js';
import { corpusDir, repoRoot } from './cli.js';

/** Every YAML file of the rule fixtures, the examples, the test fixtures and the corpus. */
export function repositoryYamlFiles(): string[] {
  return [join(repoRoot, 'rules/fixtures'), join(repoRoot, 'examples'), join(repoRoot, 'test/fixtures'), corpusDir].flatMap(yamlFiles);
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out.sort();
}

/** The fuzzer's seeded generator (mulberry32), as a function, so that a failing sequence can be replayed. */
export function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/**
 * What a parse is made of, without the caches and the source object each parse has of its own. Trees are listed node
 * by node, each shared node once (an alias makes the tree a graph, and an alias bomb one with exponentially many
 * paths); a document's value is made from its tree by the same code in both parses.
 */
export function shape(file: ParsedFile) {
  return {
    text: file.source.text,
    format: file.format,
    problems: file.problems,
    documents: file.documents.map((d) => ({ index: d.index, kind: d.kind, span: d.span, root: d.root && nodeList(d.root) })),
  };
}

export function nodeList(root: Node): unknown[] {
  const ids = new Map<Node, number>();
  const list: unknown[] = [];
  const id = (n: Node): number => {
    let known = ids.get(n);
    if (known !== undefined) return known;
    known = list.length;
    ids.set(n, known);
    list.push(undefined);
    const { start, end, kind } = n;
    if (n.kind === 'object') {
      const entries = n.entries.map((e) => ({ ...e, value: id(e.value) }));
      const byKey = [...n.byKey].map(([k, e]) => [k, n.entries.indexOf(e)]);
      list[known] = { kind, start, end, entries, byKey };
    } else if (n.kind === 'array') list[known] = { kind, start, end, items: n.items.map(id), aliasSpans: n.aliasSpans };
    else list[known] = { ...n };
    return known;
  };
  id(root);
  return list;
}
