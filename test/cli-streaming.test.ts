/**
 * Reports written while the run goes on: the CLI writes each file's report as soon as that file and every file before
 * it are done (a reader sees the first file's findings while a later file is still being read), and a format keeps no
 * report once it has been given it (only small aggregates, or the text of parts that come later in its output).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSync } from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { FORMATS } from '../packages/cli/src/main.js';
import { outputToString } from '../packages/cli/src/output.js';
import { junitStream, checkstyleStream, githubStream, gitlabStream } from '../packages/cli/src/formatters/ci.js';
import { jsonStream } from '../packages/cli/src/formatters/json.js';
import { sarifStream } from '../packages/cli/src/formatters/sarif.js';
import { stylishStream } from '../packages/cli/src/formatters/stylish.js';
import type { FileReport, FormatInput, StreamingFormat } from '../packages/cli/src/types.js';
import { BIN, makeTempDir, repoRoot } from './support/cli.js';

/** A CreateCluster spec with findings of every level, one with a suggested fix. */
function specWithFindings(): string {
  const spec = JSON.parse(readFileSync(join(repoRoot, 'bench', 'spec.json'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...spec, name: 'Bad Name!', deletion_protection: false, page_info: 1 }, null, 2);
}

describe('the CLI writes each file as soon as it is done', () => {
  // The last file of the run is a named pipe that the test fills only once the first file's report has arrived: with
  // reports held to the end of the run, nothing would arrive and the run would wait for ever.
  for (const [format, firstMark] of [
    ['stylish', 'specs/a-000.json\n'],
    ['json', '"filePath": "specs/a-000.json"'],
  ] as const) {
    it.skipIf(process.platform === 'win32')(`${format}: the first file's report arrives before the last file is read`, async () => {
      const dir = makeTempDir();
      const text = specWithFindings();
      execFileSync('mkdir', ['-p', join(dir, 'specs')]);
      for (let i = 0; i < 30; i++) writeFileSync(join(dir, 'specs', `a-${String(i).padStart(3, '0')}.json`), text);
      const fifo = join(dir, 'specs', 'z-last.json');
      execFileSync('mkfifo', [fifo]);
      const child = spawn(process.execPath, [BIN, '-f', format, 'specs', fifo], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      let fed = false;
      const seenFirst = await new Promise<boolean>((done) => {
        const timer = setTimeout(() => done(false), 15_000);
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          stdout += d;
          if (!fed && stdout.includes(firstMark)) {
            clearTimeout(timer);
            done(true);
          }
        });
        child.on('close', () => done(false));
      });
      // Seen while the CLI is still blocked on opening the pipe: the last file has not been read yet.
      expect(stdout).not.toContain('z-last.json');
      fed = true;
      await writeFile(fifo, text);
      const code = await exited;
      expect(seenFirst, `no report before the last file was written; stderr: ${stderr}`).toBe(true);
      expect(code).toBe(1);
      // The whole output is what a run over plain files writes.
      const plain = makeTempDir();
      execFileSync('mkdir', ['-p', join(plain, 'specs')]);
      for (let i = 0; i < 30; i++) writeFileSync(join(plain, 'specs', `a-${String(i).padStart(3, '0')}.json`), text);
      writeFileSync(join(plain, 'specs', 'z-last.json'), text);
      const expected = spawnSync(process.execPath, [BIN, '-f', format, 'specs'], { cwd: plain, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(expected.status).toBe(1);
      expect(stdout).toBe(expected.stdout);
    }, 60_000);
  }
});

/** Reports as the CLI makes them, from real lints. */
function reports(): FileReport[] {
  const text = specWithFindings();
  return ['a.json', 'b.json', 'c.json'].map((name) => {
    const result = lintSync(text, { fileName: join(repoRoot, name), format: 'json', rules: builtinRules });
    return { displayPath: name, absPath: join(repoRoot, name), diagnostics: result.diagnostics, source: result.source };
  });
}

const STREAMS: Record<string, StreamingFormat> = {
  stylish: stylishStream,
  json: jsonStream,
  sarif: sarifStream,
  junit: junitStream,
  github: githubStream,
  gitlab: gitlabStream,
  checkstyle: checkstyleStream,
};

describe('a format keeps no report once given it', () => {
  const rules = builtinRules.map((r) => r.meta);
  const input = (files: FileReport[]): FormatInput => ({ files, rules, cwd: repoRoot, baseDir: repoRoot, color: false, executionSuccessful: true, notifications: [] });

  it('covers every format of the CLI', () => {
    expect(Object.keys(STREAMS).sort()).toEqual(Object.keys(FORMATS).sort());
  });

  for (const [name, stream] of Object.entries(STREAMS)) {
    it(`${name}: reports changed after they were written do not change the output`, async () => {
      const files = reports();
      expect(files.every((f) => f.diagnostics.length > 0)).toBe(true);
      const expected = outputToString((await FORMATS[name]!())(input(reports())));
      const s = stream(input([]));
      let out = [...s.start()].join('');
      for (const f of files) {
        out += [...s.file(f)].join('');
        // What the CLI does once a file is written: the report is gone. A format that kept it would now read this.
        f.displayPath = 'CHANGED';
        f.absPath = join(repoRoot, 'CHANGED');
        for (const d of f.diagnostics) {
          d.message = 'CHANGED';
          d.ruleId = 'CHANGED';
        }
        f.diagnostics.length = 0;
      }
      out += [...s.end({ executionSuccessful: true, notifications: [] })].join('');
      expect(out).not.toContain('CHANGED');
      expect(out).toBe(expected);
    });
  }
});

describe('text kept for the end of the output', () => {
  it('comes back whole and in order, also once moved to a temporary file (multi-byte characters across reads)', async () => {
    const { Deferred } = await import('../packages/cli/src/formatters/common.js');
    const kept = new Deferred();
    const pieces: string[] = [];
    // About 3 MB of UTF-8: past the in-memory limit and across several reads of the temporary file.
    for (let i = 0; i < 40_000; i++) pieces.push(`<failure n="${i}">é—漢字 😀 ${'x'.repeat(i % 17)}</failure>\n`);
    for (const p of pieces) kept.add(p);
    const back = [...kept.drain()].join('');
    expect(back.length).toBe(pieces.join('').length);
    expect(back).toBe(pieces.join(''));
  });

  it('is nothing when nothing was added', async () => {
    const { Deferred } = await import('../packages/cli/src/formatters/common.js');
    expect([...new Deferred().drain()].join('')).toBe('');
  });
});
