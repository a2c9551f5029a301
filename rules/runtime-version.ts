import { clusterVersion, compareMinor, defineRule, describeClusterVersion, formatPath, isObject, nodePools, type JsonPath } from '@acklint/core';

/** Runtimes that stop at a Kubernetes minor: the last minor that supports them. */
const LAST_MINOR: Record<string, { major: number; minor: number; text: string }> = {
  docker: { major: 1, minor: 22, text: '1.22' },
  'Sandboxed-Container.runv': { major: 1, minor: 24, text: '1.24' },
};

export default defineRule({
  meta: {
    id: 'runtime-version',
    defaultSeverity: 'error',
    category: 'versions',
    description: 'The container runtime is not supported by the cluster\'s Kubernetes version (docker after 1.22, Sandboxed-Container.runv after 1.24).',
    details:
      'ACK supports containerd on every Kubernetes version, but docker only up to Kubernetes 1.22 and Sandboxed-Container.runv (sandboxed containers) only up to 1.24. A newer cluster cannot run nodes with those runtimes. The check covers runtime.name (deprecated top-level), each nodepools[].kubernetes_config.runtime and control_plane_config.runtime. When kubernetes_version is left out, ACK creates the latest version, so the runtime is checked against that. Switch to containerd (and its runtime version); pinning an old Kubernetes version instead would leave the cluster past end of life.',
    fact: {
      text: 'containerd: all Kubernetes versions; Sandboxed-Container.runv: Kubernetes 1.24 and earlier; docker: Kubernetes 1.22 and earlier.',
      source: 'CreateCluster API reference, "runtime"; ack-facts.md §3.28 and §6 (GO)',
    },
    tags: ['versions', 'runtime', 'containerd', 'docker'],
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    const cv = clusterVersion(root, ctx.now);
    if (!cv) return;
    /** Each runtime field, with the field that gives its runtime version (a fix would leave that one wrong). */
    const places: Array<[JsonPath, JsonPath | undefined]> = [
      [['runtime', 'name'], ['runtime', 'version']],
      [['control_plane_config', 'runtime'], undefined],
    ];
    for (const np of nodePools(root)) places.push([[...np.path, 'kubernetes_config', 'runtime'], [...np.path, 'kubernetes_config', 'runtime_version']]);
    for (const [path, versionPath] of places) {
      const name = ctx.document.get(path);
      if (typeof name !== 'string' || !Object.hasOwn(LAST_MINOR, name)) continue;
      const last = LAST_MINOR[name]!;
      if (compareMinor(cv.version, last) <= 0) continue;
      const hasVersion = versionPath !== undefined && ctx.document.has(versionPath);
      const todo = hasVersion ? `Use containerd, which every version supports, and set ${formatPath(versionPath)} to a containerd version.` : 'Use containerd, which every version supports.';
      ctx.report({
        message: `${formatPath(path)} is ${name}, which ACK supports only up to Kubernetes ${last.text}, but ${describeClusterVersion(cv)}. ${todo}`,
        at: { path },
        ...(cv.given ? { related: [{ path: ['kubernetes_version'], message: `Kubernetes version ${cv.version.text}` }] } : {}),
        ...(hasVersion
          ? {}
          : { fix: { title: 'Use containerd', safe: false, edits: [{ target: { path }, newText: ctx.document.stringLiteral(path, 'containerd') }] } }),
      });
    }
  },
});
