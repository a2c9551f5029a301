import { writeSync } from 'node:fs';
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

function writeAll(fd: number, s: string): void {
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
