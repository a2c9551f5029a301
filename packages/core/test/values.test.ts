import { describe, expect, it } from 'vitest';
import { formatCount } from '@acklint/core';

describe('formatCount', () => {
  it('writes counts as toLocaleString("en-US") does', () => {
    const counts = [0, 1, 7, 999, 1000, 1001, 8192, 65536, 999_999, 1_000_000, 123_456_789, 2 ** 32, Number.MAX_SAFE_INTEGER];
    for (const n of [...counts, ...counts.filter((c) => c > 0).map((c) => -c)]) expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'));
    expect(formatCount(8192)).toBe('8,192');
    // Anything but a safe integer is left to the locale-aware formatter.
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatCount(2 ** 60)).toBe((2 ** 60).toLocaleString('en-US'));
  });
});
