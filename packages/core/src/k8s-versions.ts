/**
 * Kubernetes versions as ACK writes them (`1.32.1-aliyun.1`, `1.14.8-aliyunedge.1`), compared numerically, and
 * questions about ACK's dated support table (`ack-kubernetes-releases.ts`), which depend only on the table and on the
 * date a rule is given (`ctx.now`).
 */
import type { JsonValue } from './model.js';
import { ACK_KUBERNETES_RELEASES, type AckMinorRelease } from './ack-kubernetes-releases.js';

export { ACK_KUBERNETES_RELEASES, ACK_KUBERNETES_RELEASES_SOURCE, type AckMinorRelease } from './ack-kubernetes-releases.js';

export interface KubernetesVersion {
  major: number;
  minor: number;
  /** Missing when the text gives only `major.minor`. */
  patch?: number;
  /** The `n` of `-aliyun.n` (or `-aliyunedge.n`); missing when there is no suffix. */
  build?: number;
  /** The text as written. */
  text: string;
}

const VERSION = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,4}))?(?:-([a-z]+)\.(\d{1,4}))?$/;

/** Parses `1.32`, `1.32.1` or `1.32.1-aliyun.1`; undefined for anything else (a format problem is the schema's). */
export function parseKubernetesVersion(text: unknown): KubernetesVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  const v: KubernetesVersion = { major: Number(m[1]), minor: Number(m[2]), text };
  if (m[3] !== undefined) v.patch = Number(m[3]);
  if (m[5] !== undefined) v.build = Number(m[5]);
  return v;
}

/**
 * Whether `v` is at least `min`. Parts that `v` does not give (a patch, a build number) cannot be compared: when
 * everything given is equal up to such a part the answer is `unknown`, so that a rule stays quiet rather than guess.
 */
export function versionAtLeast(v: KubernetesVersion, min: KubernetesVersion): boolean | 'unknown' {
  const parts: Array<[number | undefined, number | undefined]> = [
    [v.major, min.major],
    [v.minor, min.minor],
    [v.patch, min.patch],
    [v.build, min.build],
  ];
  for (const [a, b] of parts) {
    if (b === undefined) return true;
    if (a === undefined) return 'unknown';
    if (a !== b) return a > b;
  }
  return true;
}

/** `major.minor` of a version, e.g. `1.32`. */
export function minorOf(v: Pick<KubernetesVersion, 'major' | 'minor'>): string {
  return `${v.major}.${v.minor}`;
}

/** Compares two versions by major and minor only (negative, zero or positive). */
export function compareMinor(a: Pick<KubernetesVersion, 'major' | 'minor'>, b: Pick<KubernetesVersion, 'major' | 'minor'>): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** The oldest minor in the table; older ones (1.20 and before) ended support before the table starts. */
export const OLDEST_LISTED_MINOR: string = ACK_KUBERNETES_RELEASES[ACK_KUBERNETES_RELEASES.length - 1]!.minor;

/** The release row of `v`'s minor, if the table has one. */
export function ackRelease(v: Pick<KubernetesVersion, 'major' | 'minor'>): AckMinorRelease | undefined {
  const key = minorOf(v);
  return ACK_KUBERNETES_RELEASES.find((r) => r.minor === key);
}

/** Start of the day after `date` (UTC): the first moment a version whose support ends on `date` is past it. */
export function dayAfter(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** When each row of the table was released (the first moment of its month, UTC), read once. */
let releaseTimes: number[] | undefined;

/** The newest minor ACK had released by `now` (what the API picks when `kubernetes_version` is left out). */
export function latestAckRelease(now: Date): AckMinorRelease | undefined {
  releaseTimes ??= ACK_KUBERNETES_RELEASES.map((r) => new Date(`${r.released}-01T00:00:00Z`).getTime());
  const t = now.getTime();
  const i = releaseTimes.findIndex((released) => released <= t);
  return i < 0 ? undefined : ACK_KUBERNETES_RELEASES[i];
}

const releaseVersions = new Map<AckMinorRelease, KubernetesVersion>();

/** A release row as a version (major and minor only); one frozen object per row. */
export function releaseVersion(r: AckMinorRelease): KubernetesVersion {
  let v = releaseVersions.get(r);
  if (!v) {
    const [major, minor] = r.minor.split('.').map(Number) as [number, number];
    releaseVersions.set(r, (v = Object.freeze({ major, minor, text: r.minor })));
  }
  return v;
}

export interface ClusterVersion {
  version: KubernetesVersion;
  /** `kubernetes_version` is in the document; otherwise `version` is the latest release, which the API picks. */
  given: boolean;
}

/**
 * The Kubernetes version a CreateCluster body asks for: `kubernetes_version` when it is given and readable; when it is
 * left out (or empty), the latest minor ACK had released by `now`, which is what the API uses. Undefined when the
 * value cannot be read as a version (the schema reports that), so version-dependent checks are skipped.
 */
export function clusterVersion(root: JsonValue | undefined, now: Date): ClusterVersion | undefined {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return undefined;
  const raw = Object.hasOwn(root, 'kubernetes_version') ? root['kubernetes_version'] : undefined;
  if (raw === undefined || raw === null || raw === '') {
    const latest = latestAckRelease(now);
    return latest ? { version: releaseVersion(latest), given: false } : undefined;
  }
  const version = parseKubernetesVersion(raw);
  return version ? { version, given: true } : undefined;
}

/** How a cluster version reads in a message: `kubernetes_version 1.28.9-aliyun.1`, or what the API picks. */
export function describeClusterVersion(cv: ClusterVersion): string {
  return cv.given
    ? `kubernetes_version is ${cv.version.text}`
    : `kubernetes_version is not set, so ACK creates the latest version (${cv.version.text} by acklint's release table)`;
}
