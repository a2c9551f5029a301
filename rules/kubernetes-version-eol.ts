import {
  ACK_KUBERNETES_RELEASES,
  ACK_KUBERNETES_RELEASES_SOURCE,
  OLDEST_LISTED_MINOR,
  ackRelease,
  compareMinor,
  dayAfter,
  defineRule,
  latestAckRelease,
  minorOf,
  parseKubernetesVersion,
  releaseVersion,
} from '@acklint/core';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-04` as `April 2025`. */
function month(ym: string): string {
  const [y, m] = ym.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export default defineRule({
  meta: {
    id: 'kubernetes-version-eol',
    defaultSeverity: 'warning',
    category: 'versions',
    description: 'kubernetes_version names a Kubernetes minor whose ACK support has ended, or one ACK does not offer.',
    details:
      "ACK supports each Kubernetes minor for a fixed time: before 1.30 only even minors were offered, each for about two years; from 1.31 every minor is offered for about a year. After the end-of-life date a version gets no fixes, and new clusters of it may be refused or must be upgraded soon. acklint keeps ACK's dated support table as data and compares the version's minor with it on the day of the check: a version past its end of life, older than every version in the table, never offered by ACK, or newer than the table is reported, with the newest supported minor to move to. A missing kubernetes_version is fine: ACK then creates the latest version.",
    fact: {
      text: 'ACK support ends: 1.36 on 2027-05-30, 1.35 on 2027-02-28, 1.34 on 2026-09-30, 1.33 on 2026-05-31, 1.32 on 2026-01-31, 1.31 on 2025-09-30, 1.30 on 2026-06-30, 1.28 on 2025-10-31, 1.26 in April 2025, 1.24 in September 2024, 1.22 in October 2023; 1.20 and older earlier.',
      source: `${ACK_KUBERNETES_RELEASES_SOURCE}; ack-facts.md §6 (VERS); InfraGuard ack-cluster-supported-version`,
    },
    tags: ['versions', 'lifecycle', 'end-of-life', 'upgrade'],
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.get(['cluster_type']) === 'ExternalKubernetes') return; // a registered cluster's version is not chosen here
    const raw = doc.get(['kubernetes_version']);
    const v = parseKubernetesVersion(raw);
    if (!v) return; // absent (ACK picks the latest) or not a version (the schema's concern)
    const at = { path: ['kubernetes_version'] };
    const latest = latestAckRelease(ctx.now);
    const move = latest ? ` Use a supported minor such as ${latest.minor}, the latest, or leave kubernetes_version out to get the latest.` : '';
    const release = ackRelease(v);
    const minor = minorOf(v);

    if (release) {
      const now = ctx.now.getTime();
      if (new Date(`${release.released}-01T00:00:00Z`).getTime() > now) {
        ctx.report({ message: `kubernetes_version ${v.text}: Kubernetes ${minor} is not released by ACK until ${month(release.released)} by acklint's release table, so it cannot be created on ${day(ctx.now)}.${move}`, at });
        return;
      }
      if (dayAfter(release.endOfLife).getTime() <= now) {
        const when = release.endOfLifeMonthOnly ? `in ${month(release.endOfLife.slice(0, 7))}` : `on ${release.endOfLife}`;
        ctx.report({ message: `kubernetes_version ${v.text}: ACK support for Kubernetes ${minor} ended ${when}; it gets no fixes, and ACK may refuse new clusters of it.${move}`, at });
      }
      return;
    }

    const oldest = releaseVersion(ACK_KUBERNETES_RELEASES[ACK_KUBERNETES_RELEASES.length - 1]!);
    const newest = releaseVersion(ACK_KUBERNETES_RELEASES[0]!);
    let problem: string;
    if (compareMinor(v, oldest) < 0) {
      problem = `Kubernetes ${minor} is older than ${OLDEST_LISTED_MINOR}, the oldest minor in ACK's support table; its support ended long ago.`;
    } else if (compareMinor(v, newest) > 0) {
      ctx.report({ message: `kubernetes_version ${v.text}: Kubernetes ${minor} is newer than ${newest.text}, the newest minor in acklint's release table; check the version (and update acklint if ACK has released it).`, at });
      return;
    } else {
      problem = `ACK never offered Kubernetes ${minor} (before 1.30 it offered only even minors).`;
    }
    ctx.report({ message: `kubernetes_version ${v.text}: ${problem}${move}`, at });
  },
});
