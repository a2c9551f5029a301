import { accessSync, closeSync, constants, copyFileSync, existsSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FormatOutput } from './types.js';

/**
 * Writes a formatter's output to a file descriptor piece by piece: a run with very many findings is never held as one
 * string (V8 strings stop at about 512 MiB, and long before that the copy costs more than the lint).
 */
export function writeOutput(out: FormatOutput, fd: number): void {
  if (typeof out === 'string') {
    writeAll(fd, out);
    return;
  }
  let buffer = '';
  for (const piece of out) {
    buffer += piece;
    if (buffer.length >= 64 * 1024) {
      writeAll(fd, buffer);
      buffer = '';
    }
  }
  if (buffer) writeAll(fd, buffer);
}

/** All of `s` to a file descriptor, waiting out a full non-blocking pipe. */
export function writeAll(fd: number, s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  for (let off = 0; off < bytes.length; ) {
    try {
      off += writeSync(fd, bytes, off);
    } catch (err) {
      // A non-blocking pipe that is full: try again (stdout to a slow reader).
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

/** The whole output as one string (tests and small outputs). */
export function outputToString(out: FormatOutput): string {
  return typeof out === 'string' ? out : [...out].join('');
}

/** Output gathered up to this many characters before it is written. */
const CHUNK = 64 * 1024;

/**
 * Where a run's report goes while the run goes on: standard output, or the --output file. Pieces are gathered into
 * chunks; `fileDone` writes what a finished file added when each file should show at once (a terminal or a pipe).
 * With `hold`, nothing is written before `close`. A reader of standard output that goes away (`| head`) ends the
 * writing, not the run: `gone` says so.
 *
 * The --output file is written when the run ends (`close`), from a temporary file the report streams into, so that a
 * run that fails (a bad inventory, an internal error) leaves the file as it was rather than truncated or half
 * written; whether it can be written is checked at once, before anything is linted.
 */
export class OutputSink {
  gone = false;
  private buffer = '';
  private readonly held?: string[];
  private fd?: number;
  /** The temporary file the --output report is written to until `close`. */
  private temp?: string;

  constructor(
    private readonly path: string | undefined,
    private readonly options: { hold: boolean; flushEachFile: boolean; fail: (err: unknown) => Error },
  ) {
    if (path !== undefined) this.checkWritable(path);
    if (options.hold) this.held = [];
    else this.open();
  }

  write(out: FormatOutput): void {
    if (this.gone) return;
    if (typeof out === 'string') this.add(out);
    else for (const piece of out) this.add(piece);
  }

  fileDone(): void {
    if (this.options.flushEachFile) this.flush();
  }

  /** Writes what is left (all of it, when held) and, with --output, puts the report in the file. */
  close(): void {
    this.flush();
    try {
      if (this.held) {
        this.open();
        for (const chunk of this.held) this.emit(chunk);
      }
      if (this.temp !== undefined) {
        closeSync(this.fd!);
        this.fd = undefined;
        try {
          copyFileSync(this.temp, this.path!);
        } catch (err) {
          throw this.options.fail(err);
        }
      }
    } finally {
      this.abort();
    }
  }

  /** Drops what was not written yet: the --output file stays as it was. */
  abort(): void {
    if (this.temp !== undefined) {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
      try {
        unlinkSync(this.temp);
      } catch {
        // Already gone.
      }
      this.temp = undefined;
    }
  }

  private add(piece: string): void {
    this.buffer += piece;
    if (this.buffer.length >= CHUNK) this.flush();
  }

  private flush(): void {
    const text = this.buffer;
    if (!text) return;
    this.buffer = '';
    if (this.held) this.held.push(text);
    else this.emit(text);
  }

  private open(): void {
    if (this.path === undefined) this.fd = 1;
    else {
      const temp = join(process.getBuiltinModule('node:os').tmpdir(), `acklint-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.output`);
      try {
        this.fd = openSync(temp, 'w');
      } catch (err) {
        throw this.options.fail(err);
      }
      this.temp = temp;
    }
  }

  /** Throws the run's error for an --output path that cannot be written: a folder, or in a missing or read-only folder. */
  private checkWritable(path: string): void {
    try {
      if (existsSync(path)) {
        if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        accessSync(path, constants.W_OK);
      } else accessSync(dirname(path), constants.W_OK);
    } catch (err) {
      throw this.options.fail(err);
    }
  }

  private emit(text: string): void {
    if (this.gone) return;
    try {
      writeAll(this.fd!, text);
    } catch (err) {
      if (this.path !== undefined) throw this.options.fail(err);
      if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
      this.gone = true;
    }
  }
}
