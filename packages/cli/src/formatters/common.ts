/** Helpers shared by the formatters: paths relative to the report's base directory, findings shown, fingerprints. */
import { isSuppressed, toJsonPointer, type Diagnostic } from '@acklint/core';
import type { FileReport } from '../types.js';
import { writeAll as writeAllSync } from '../output.js';
import { closeSync, openSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** `to` relative to `from`, with `/` separators (`..` segments where `to` is outside `from`). */
export function relativeTo(from: string, to: string): string {
  const a = from.split(/[\\/]/).filter(Boolean);
  const b = to.split(/[\\/]/).filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

/** A report's path relative to `base` (the repository root for SARIF, GitHub and GitLab); stdin keeps its display name. */
export function pathFrom(base: string, file: FileReport): string {
  return file.absPath ? relativeTo(base, file.absPath) : file.displayPath.split(/[\\/]/).join('/');
}

/** The findings a CI report lists: suppressed ones are left out (SARIF alone reports them, marked). */
export function shown(file: FileReport): Diagnostic[] {
  return file.diagnostics.filter((d) => !isSuppressed(d));
}

/**
 * A finding's identity across edits that move lines: rule, file, document and JSON pointer (the message for findings
 * without a path, such as syntax errors), with an ordinal for repeats of the same key in one file. `seen` counts the
 * repeats; use one map per file.
 */
export function fingerprint(d: Diagnostic, path: string, seen: Map<string, number>): { hash: string; occurrence: number } {
  const key = [d.ruleId, path, String(d.documentIndex), toJsonPointer(d.path), d.path.length ? '' : d.message].join('\u0000');
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  // node:crypto on first use: loading it is a few per cent of a plain run's start-up, which needs no hash.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return { hash: createHash('sha256').update(key).digest('hex'), occurrence };
}

/** Text for XML attribute values and content (also the control characters XML 1.0 does not allow, dropped). */
export function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

/**
 * Text held in memory up to this many characters; beyond it, a {@link Deferred} moves it to a temporary file. Small, so
 * that the text dies young (a larger batch lives long enough to be promoted, and the collector's work doubled).
 */
const DEFERRED_IN_MEMORY = 64 * 1024;

/**
 * Output that must wait for the end of the run (a part written after a header that counts the whole run): its text is
 * kept, in memory while small, then in a temporary file, so that a long run holds neither its reports nor their text.
 */
export class Deferred {
  private pieces: string[] = [];
  private size = 0;
  private fd?: number;
  private path?: string;
  private inMemory = false;

  add(s: string): void {
    this.pieces.push(s);
    this.size += s.length;
    if (this.size >= DEFERRED_IN_MEMORY && !this.inMemory) this.spill();
  }

  /** Everything added, in order; the temporary file is removed once read. */
  *drain(): Generator<string> {
    if (this.fd === undefined) {
      yield* this.pieces;
      this.pieces = [];
      return;
    }
    this.spill();
    const fd = this.fd;
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(1 << 20);
    try {
      for (let pos = 0; ; ) {
        const n = readSync(fd, chunk, 0, chunk.length, pos);
        if (n === 0) break;
        pos += n;
        yield decoder.write(chunk.subarray(0, n));
      }
      yield decoder.end();
    } finally {
      this.close();
    }
  }

  private spill(): void {
    if (this.inMemory) return;
    if (this.fd === undefined) {
      this.path = join(process.getBuiltinModule('node:os').tmpdir(), `acklint-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.part`);
      try {
        this.fd = openSync(this.path, 'wx+', 0o600);
      } catch {
        // No temporary directory to write to: the text stays in memory.
        this.inMemory = true;
        this.path = undefined;
        return;
      }
      // Removed at once where the system allows it (the open descriptor keeps it readable): nothing is left behind.
      try {
        unlinkSync(this.path);
        this.path = undefined;
      } catch {
        // removed after reading instead
      }
    }
    writeAllSync(this.fd, this.pieces.join(''));
    this.pieces = [];
    this.size = 0;
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.path) {
      try {
        unlinkSync(this.path);
      } catch {
        // already gone
      }
    }
    this.fd = undefined;
    this.path = undefined;
  }
}
