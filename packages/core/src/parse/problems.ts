import type { Span } from '../text.js';

/** What went wrong while reading a file, before any rule looked at it. Rules in `rules/` turn these into diagnostics. */
export type ProblemCode =
  | 'syntax' // malformed JSON or YAML
  | 'comment' // a comment in strict JSON
  | 'trailing-comma' // a trailing comma in strict JSON
  | 'duplicate-key'
  | 'too-large'
  | 'too-deep'
  | 'alias-limit'
  | 'binary'
  | 'encoding'
  | 'not-a-spec'; // a file whose name and content say it is not a cluster spec

export interface ParseProblem extends Span {
  code: ProblemCode;
  message: string;
  related?: { span: Span; message: string }[];
}

export interface ParseLimits {
  /** Largest file read, in bytes. */
  maxFileSize: number;
  /** Deepest nesting of objects and arrays. A CreateCluster body is less than ten levels deep. */
  maxDepth: number;
  /** Most nodes a YAML document may reach once aliases are expanded (a guard against alias bombs). */
  maxExpandedNodes: number;
}

/**
 * The deepest nesting any configuration may allow. The parsers (jsonc-parser, the yaml composer) and the model
 * builder recurse once per level, so a larger limit would let the input's depth decide the stack depth.
 */
export const MAX_DEPTH_CAP = 1000;

export const DEFAULT_LIMITS: ParseLimits = {
  maxFileSize: 10 * 1024 * 1024,
  maxDepth: 256,
  maxExpandedNodes: 100_000,
};

export function duplicateKey(key: string, span: { start: number; end: number }, first: { start: number; end: number }): ParseProblem {
  return {
    code: 'duplicate-key',
    start: span.start,
    end: span.end,
    message: `Key "${key}" is given more than once in this object; only the last one counts, so the earlier value is silently lost.`,
    related: [{ span: first, message: `"${key}" first given here` }],
  };
}
