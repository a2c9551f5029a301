/**
 * ACK's Kubernetes support table, as data: one row per minor with its release month and last day of support. Rules
 * compare these dates with the day of the check (`ctx.now`), so a version becomes unsupported on its date without a
 * code change. When ACK publishes a new minor or moves a date, edit this file only.
 */
export interface AckMinorRelease {
  /** `major.minor`, e.g. `1.35`. */
  minor: string;
  /** Month ACK released it (`YYYY-MM`); treated as the first day of that month. */
  released: string;
  /** Last day of support (`YYYY-MM-DD`). */
  endOfLife: string;
  /** The source gives only the month of end of life; `endOfLife` is the last day of that month. */
  endOfLifeMonthOnly?: boolean;
}

/**
 * ACK managed clusters' Kubernetes support table (release notes for Kubernetes versions, October 2026; ack-facts.md
 * §6). Before 1.30 ACK offered only even minors; from 1.31 every minor, each for about a year. Keep newest first.
 * When ACK publishes a new minor, add a row: nothing else in acklint needs to change.
 */
export const ACK_KUBERNETES_RELEASES: readonly AckMinorRelease[] = [
  { minor: '1.36', released: '2026-05', endOfLife: '2027-05-30' },
  { minor: '1.35', released: '2026-02', endOfLife: '2027-02-28' },
  { minor: '1.34', released: '2025-09', endOfLife: '2026-09-30' },
  { minor: '1.33', released: '2025-05', endOfLife: '2026-05-31' },
  { minor: '1.32', released: '2025-01', endOfLife: '2026-01-31' },
  { minor: '1.31', released: '2024-09', endOfLife: '2025-09-30' },
  { minor: '1.30', released: '2024-06', endOfLife: '2026-06-30' },
  { minor: '1.28', released: '2023-10', endOfLife: '2025-10-31' },
  { minor: '1.26', released: '2023-04', endOfLife: '2025-04-30', endOfLifeMonthOnly: true },
  { minor: '1.24', released: '2022-09', endOfLife: '2024-09-30', endOfLifeMonthOnly: true },
  { minor: '1.22', released: '2021-12', endOfLife: '2023-10-31', endOfLifeMonthOnly: true },
];

/** Where the table comes from, for messages and docs. */
export const ACK_KUBERNETES_RELEASES_SOURCE = 'ACK release notes for Kubernetes versions (October 2026)';

