import { defineRule, formatPath, isObject, nodePools, type JsonPath } from '@acklint/core';

/**
 * Whether `type` (an image_type) is an image of the operating system `platform` names. platform is the older, coarser
 * choice: `AliyunLinux` is the family of every Alibaba Cloud Linux image (version 2, 3 and 4, Arm, UEFI, Qboot,
 * security-hardened and container-optimised), since the platform enum has no value per version. `Custom` (a custom
 * image) says nothing about the OS, so it agrees with any platform. ContainerOS is its own image type, not listed as
 * an Alibaba Cloud Linux version by any source.
 */
function sameOs(platform: string, type: string): boolean {
  if (type === 'Custom') return true;
  switch (platform) {
    case 'AliyunLinux':
      return type.startsWith('AliyunLinux');
    case 'QbootAliyunLinux':
    case 'Qboot':
      return type === 'AliyunLinux Qboot';
    default:
      return platform === type;
  }
}

export default defineRule({
  meta: {
    id: 'image-type-platform',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: 'image_type and the deprecated platform are both set and name different operating systems.',
    details:
      "image_type chooses the node operating system (AliyunLinux3, ContainerOS, Windows…); platform is its deprecated predecessor. The API documents them as alternatives: give one. When both are set and disagree (say platform CentOS and image_type AliyunLinux3), the spec says two things about the OS and it is not documented which one ACK follows. platform AliyunLinux names the whole Alibaba Cloud Linux family, so it agrees with every AliyunLinux* image_type (the API reference's own sample pairs it with image_type AliyunLinux). Remove platform and keep image_type. Both set to the same OS is not reported here (the schema reports platform as deprecated). The check covers every node pool's scaling_group and the deprecated top-level image_type and platform.",
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
      if (sameOs(platform, type)) continue;
      ctx.report({
        message: `${formatPath([...base, 'platform'])} is ${JSON.stringify(platform)} but image_type is ${JSON.stringify(type)}: they name different operating systems for ${what}, and only one of them should be given. Remove the deprecated platform and keep image_type.`,
        at: { path: [...base, 'platform'], on: 'key' },
        related: [{ path: [...base, 'image_type'], message: `image_type ${JSON.stringify(type)}` }],
      });
    }
  },
});
