import { defineRule, formatPath, isObject, nodePools, type JsonPath } from '@acklint/core';

/** The image_type that names the same OS as each platform value. */
const SAME_OS: Record<string, string> = {
  CentOS: 'CentOS',
  AliyunLinux: 'AliyunLinux',
  QbootAliyunLinux: 'AliyunLinux Qboot',
  Qboot: 'AliyunLinux Qboot',
  Windows: 'Windows',
  WindowsCore: 'WindowsCore',
};

export default defineRule({
  meta: {
    id: 'image-type-platform',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: 'image_type and the deprecated platform are both set and name different operating systems.',
    details:
      "image_type chooses the node operating system (AliyunLinux3, ContainerOS, Windows…); platform is its deprecated predecessor. The API documents them as alternatives: give one. When both are set and disagree (say platform AliyunLinux, which is Alibaba Cloud Linux 2, and image_type AliyunLinux3), the spec says two things about the OS and it is not documented which one ACK follows. Remove platform and keep image_type. Both set to the same OS is not reported here (the schema reports platform as deprecated). The check covers every node pool's scaling_group and the deprecated top-level image_type and platform.",
    fact: {
      text: 'scaling_group.image_type: specify this or platform (platform is deprecated).',
      source: 'ack-facts.md §2.2 and §2.7 (GO, TFNP)',
    },
    tags: ['nodepools', 'os', 'image', 'deprecated'],
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    const scopes: Array<[JsonPath, string]> = [[[], 'the worker nodes (deprecated top-level fields)']];
    for (const np of nodePools(root)) scopes.push([[...np.path, 'scaling_group'], np.label]);
    for (const [base, what] of scopes) {
      const type = ctx.document.get([...base, 'image_type']);
      const platform = ctx.document.get([...base, 'platform']);
      if (typeof type !== 'string' || typeof platform !== 'string' || type === '' || platform === '') continue;
      if (SAME_OS[platform] === type) continue;
      ctx.report({
        message: `${formatPath([...base, 'platform'])} is ${JSON.stringify(platform)} but image_type is ${JSON.stringify(type)}: they name different operating systems for ${what}, and only one of them should be given. Remove the deprecated platform and keep image_type.`,
        at: { path: [...base, 'platform'], on: 'key' },
        related: [{ path: [...base, 'image_type'], message: `image_type ${JSON.stringify(type)}` }],
      });
    }
  },
});
