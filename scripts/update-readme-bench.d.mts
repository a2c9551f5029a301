/** Types of scripts/update-readme-bench.mjs, for the test that checks the README table. */
export const START: string;
export const END: string;
export function benchSection(results: unknown): string;
export function withCpuRatios<T>(row: T): T;
