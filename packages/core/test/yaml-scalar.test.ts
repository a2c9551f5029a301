/**
 * acklint reads plain YAML scalars itself (the model builder and the editor's re-parse of an edited value); the value
 * must be what the yaml library's core schema makes of the same scalar, for every kind of scalar and for random ones.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { resolveCorePlain } from '../src/parse/yaml-scalar.js';
import { Rng } from '../../../scripts/fuzz/generate.js';

/** The yaml library's reading of `s` as a plain scalar value (`v: s`), YAML 1.2 core schema. */
function library(s: string): unknown {
  const doc = parseDocument(`v: ${s}\n`, { version: '1.2', schema: 'core' });
  expect(doc.errors, s).toEqual([]);
  return (doc.toJS() as { v: unknown }).v;
}

const SAMPLES = [
  ...['~', '~x', 'null', 'Null', 'NULL', 'nULL', 'nul', 'nulls', 'N', 'n'],
  ...['true', 'True', 'TRUE', 'tRUE', 'truee', 'false', 'False', 'FALSE', 'fAlse', 'yes', 'no', 'on', 'off', 't', 'f'],
  ...['0', '7', '-7', '+7', '007', '0o17', '0o8', '0o', '0x1F', '0xg', '0x', '0X1F', '0b101', '1_000', '12:30'],
  ...['1.5', '-1.5', '+1.5', '1.', '.5', '-.5', '1e3', '1E3', '1e-3', '1.5e+3', '.5e3', '1e', 'e3', '1.2.3', '+', '.'],
  ...['.inf', '.Inf', '.INF', '-.inf', '+.inf', '.iNf', 'inf', '.nan', '.NaN', '.NAN', '-.nan', 'nan', 'NaN'],
  ...['172.20.0.0/16', '25', 'ecs.g7.xlarge', 'cn-hangzhou', '1.31.1-aliyun.1', 'a1', 'Asia/Shanghai', 'flannel', 'no-such', 'fd00::/8'],
];

describe('plain scalars under the core schema', () => {
  it.each(SAMPLES)('%s', (s) => {
    expect(resolveCorePlain(s)).toEqual(library(s));
  });

  it('agrees with the yaml library on random scalars made of the characters numbers, booleans and nulls are made of', () => {
    const rng = new Rng(7);
    const alphabet = '0123456789+-.eExXoOabcdefABCDEFinfINFaAnNtrueTRUlsLS~_:/';
    for (let i = 0; i < 3000; i++) {
      let s = alphabet[Math.floor(rng.next() * 14)]!;
      const n = Math.floor(rng.next() * 6);
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rng.next() * alphabet.length)]!;
      // Only what is one plain scalar on a line (no `: `, no leading indicator the library reads otherwise).
      if (/^[-:?~][^\w.]|^[-?:]$|: |:$/.test(s)) continue;
      expect(resolveCorePlain(s), s).toEqual(library(s));
    }
  });
});
