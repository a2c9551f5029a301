/**
 * The README performance table is generated from bench/results.json (`npm run bench` writes it,
 * scripts/update-readme-bench.mjs turns it into the table), so the figures shown are the ones measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { benchSection, END, START } from '../scripts/update-readme-bench.mjs';

describe('README performance table', () => {
  it('is what scripts/update-readme-bench.mjs writes from bench/results.json', () => {
    const resultsFile = join(repoRoot, 'bench', 'results.json');
    expect(existsSync(resultsFile), 'bench/results.json (written by npm run bench)').toBe(true);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    expect(section).toBe(benchSection(results).trim());
  });

  it('covers every target of the performance work, each with its ratio or figure and whether it is met', () => {
    const results = JSON.parse(readFileSync(join(repoRoot, 'bench', 'results.json'), 'utf8')) as { rows: Array<{ id: string; met?: boolean; after: { median: number } }> };
    const ids = results.rows.map((r) => r.id);
    for (const id of ['spectral-spec', 'spectral-mixed', 'scale-10000', 'marginal', 'yaml-10mb', 'editor-200-yaml', 'editor-200-json', 'editor-20k-yaml', 'editor-20k-json', 'cold-json']) {
      expect(ids).toContain(id);
    }
    for (const r of results.rows) expect(r.after.median).toBeGreaterThan(0);
  });
});
