#!/usr/bin/env node
// Writes the README performance table from bench/results.json (written by `npm run bench`), between the markers
// `<!-- bench:start -->` and `<!-- bench:end -->`. Usage: node scripts/update-readme-bench.mjs [results.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

/** Milliseconds as the table shows them: whole above 100, one decimal below, three for per-spec costs. */
const ms = (x) => (x >= 100 ? `${Math.round(x).toLocaleString('en')} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${x.toFixed(3)} ms`);
const figure = (t) => (t ? `${ms(t.median)}${t.peakMiB ? `, ${Math.round(t.peakMiB)} MiB` : ''}${t.cpuP95 !== undefined ? ` (CPU ${ms(t.cpuP95)})` : ''}${t.cpuMedian !== undefined ? ` (CPU ${ms(t.cpuMedian)})` : ''}` : '–');
const ratio = (x) => (x === undefined ? '' : `${x.toFixed(2)}x`);

/**
 * The ratio of CPU times beside the wall-clock ratio, the same way round (comparison over acklint, or acklint over the
 * comparison), where both sides have CPU times.
 */
export function withCpuRatios(row) {
  if (row.cpuRatio !== undefined || row.ratio === undefined || !row.other?.cpuMedian || !row.after.cpuMedian) return row;
  const inverse = Math.abs(row.ratio - row.other.median / row.after.median) < 1e-9;
  const of = (t) => (inverse ? row.other.cpuMedian / t.cpuMedian : t.cpuMedian / row.other.cpuMedian);
  row.cpuRatio = of(row.after);
  if (row.before?.cpuMedian) row.cpuRatioBefore = of(row.before);
  return row;
}

/** The README section (between the markers) for a results file. */
export function benchSection(results) {
  const rows = results.rows.map((row) => {
    const r = withCpuRatios({ ...row });
    const compared = r.other ? `${r.otherName}: ${figure(r.other)}` : '–';
    const pair = (before, after) => (before === undefined ? ratio(after) : `${ratio(before)} → ${ratio(after)}`);
    let ratios = r.ratio === undefined ? '–' : pair(r.ratioBefore, r.ratio);
    if (r.cpuRatio !== undefined) ratios += ` (CPU time: ${pair(r.cpuRatioBefore, r.cpuRatio)})`;
    const met = r.met === undefined ? '' : r.met ? 'met' : '**not met**';
    const run = r.measured ? ` (an earlier run: ${r.measured.commit}, ${r.measured.date.slice(0, 16).replace('T', ' ')} UTC${r.measured.before ? `, before = ${r.measured.before}` : ''})` : '';
    return `| ${r.case}${run} | \`${r.command.replace(/\|/g, '\\|')}\` | ${figure(r.before)} | ${figure(r.after)} | ${compared} | ${ratios} | ${r.target} | ${met} |`;
  });
  const when = results.date.slice(0, 16).replace('T', ' ');
  return [
    `Measured by \`npm run bench${results.before ? ` -- --before ${results.before}` : ''}\` at ${results.commit}, ${when} UTC, Node ${results.node}, ` +
      `${results.cpus} CPUs, load average ${results.loadBefore[0]} at the start and ${results.loadAfter[0]} at the end ` +
      '(other work was running: compare the columns of a row, which were measured interleaved, more than figures across rows).',
    '',
    `| Case | Command | Before${results.before ? ` (${results.before})` : ''} | After | Compared with | Ratio${results.before ? ' (before → after)' : ''} | Target | |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = JSON.parse(readFileSync(process.argv[2] ?? join(root, 'bench/results.json'), 'utf8'));
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  writeFileSync(readmePath, `${readme.slice(0, a + START.length)}\n${benchSection(results)}\n${readme.slice(b)}`);
  console.log(`README.md: performance table from ${results.rows.length} rows (${results.date})`);
}
