import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '@acklint/core';
import { Rng } from '../../../scripts/fuzz/generate.js';

/** Levenshtein distance by the textbook recurrence, the whole table. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the Levenshtein distance, and with a limit tells only that a larger one is over the limit', () => {
    const rng = new Rng(11);
    const word = () => Array.from({ length: Math.floor(rng.next() * 9) }, () => 'abcde_'[Math.floor(rng.next() * 6)]).join('');
    for (let i = 0; i < 2000; i++) {
      const [a, b] = [word(), word()];
      const want = reference(a, b);
      expect(editDistance(a, b), `${a} ${b}`).toBe(want);
      const limit = Math.floor(rng.next() * 5);
      const got = editDistance(a, b, limit);
      if (want <= limit) expect(got, `${a} ${b} ${limit}`).toBe(want);
      else expect(got, `${a} ${b} ${limit}`).toBeGreaterThan(limit);
    }
  });

  it('closest picks the first of the nearest candidates within the distance', () => {
    expect(closest('vpcid', ['vpc_id', 'vpcids', 'vswitch_ids'], 2)).toBe('vpc_id');
    expect(closest('node_cidr_msk', ['service_cidr', 'node_cidr_mask'], 3)).toBe('node_cidr_mask');
    expect(closest('zzzzzz', ['vpc_id'], 2)).toBeUndefined();
  });
});
