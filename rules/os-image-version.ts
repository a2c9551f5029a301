import { clusterVersion, compareMinor, defineRule, describeClusterVersion, formatPath, isObject, nodePools, type JsonPath, type RuleContext } from '@acklint/core';

const FROM = { major: 1, minor: 30 };

/** image_type values of CentOS and Alibaba Cloud Linux 2 images. */
const OLD_IMAGE_TYPES: Record<string, string> = {
  CentOS: 'CentOS',
  AliyunLinux: 'Alibaba Cloud Linux 2',
  'AliyunLinux Qboot': 'Alibaba Cloud Linux 2 (Qboot)',
  AliyunLinuxUEFI: 'Alibaba Cloud Linux 2 (UEFI)',
  AliyunLinuxSecurity: 'Alibaba Cloud Linux 2 (security hardened)',
};
/** platform values (deprecated field) of the same operating systems. */
const OLD_PLATFORMS: Record<string, string> = {
  CentOS: 'CentOS',
  AliyunLinux: 'Alibaba Cloud Linux 2',
  QbootAliyunLinux: 'Alibaba Cloud Linux 2 (Qboot)',
  Qboot: 'Alibaba Cloud Linux 2 (Qboot)',
};

/** What a public image ID says about its OS: `aliyun_2_1903_x64_20G_alibase_….vhd`, `centos_7_9_x64_…`. */
function imageIdOs(id: string): { old: boolean; os: string } | undefined {
  if (/^centos_/i.test(id)) return { old: true, os: 'CentOS' };
  if (/^aliyun_2_/i.test(id)) return { old: true, os: 'Alibaba Cloud Linux 2' };
  if (/^aliyun_\d+_/i.test(id)) return { old: false, os: 'Alibaba Cloud Linux' };
  return undefined;
}

interface Scope {
  base: JsonPath;
  what: string;
  platform: boolean;
}

export default defineRule({
  meta: {
    id: 'os-image-version',
    defaultSeverity: 'error',
    category: 'versions',
    description: 'Nodes use a CentOS or Alibaba Cloud Linux 2 image on Kubernetes 1.30 or later, which no longer supports them.',
    details:
      'From Kubernetes 1.30 ACK no longer supports CentOS and Alibaba Cloud Linux 2 as node operating systems (both have reached their own end of life). The check reads image_type (CentOS, AliyunLinux, "AliyunLinux Qboot", AliyunLinuxUEFI, AliyunLinuxSecurity), the deprecated platform (CentOS, AliyunLinux, QbootAliyunLinux, Qboot) when no image_type is given, and public image IDs named centos_… or aliyun_2_…, in every node pool\'s scaling_group, control_plane_config and the deprecated top-level worker fields. When kubernetes_version is left out ACK creates the latest version, so the images are checked against it. Use Alibaba Cloud Linux 3 (image_type AliyunLinux3, or AliyunLinux3Arm64 for Arm instances) or ContainerOS.',
    fact: {
      text: 'Kubernetes 1.30 and later no longer support CentOS and Alibaba Cloud Linux 2 node images.',
      source: 'ACK Kubernetes 1.30 release notes; ack-facts.md §2.7 (image_type) and §6 (K130)',
    },
    tags: ['versions', 'os', 'image', 'centos', 'alibaba-cloud-linux'],
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    const cv = clusterVersion(root, ctx.now);
    if (!cv || compareMinor(cv.version, FROM) < 0) return;
    const scopes: Scope[] = [{ base: [], what: 'the worker nodes (deprecated top-level fields)', platform: true }];
    if (isObject(root['control_plane_config'])) scopes.push({ base: ['control_plane_config'], what: 'the control-plane nodes', platform: false });
    for (const np of nodePools(root)) scopes.push({ base: [...np.path, 'scaling_group'], what: `the nodes of ${np.label}`, platform: true });
    for (const s of scopes) checkScope(ctx, s, cv);
  },
});

function checkScope(ctx: RuleContext, s: Scope, cv: NonNullable<ReturnType<typeof clusterVersion>>): void {
  const doc = ctx.document;
  const related = cv.given ? [{ path: ['kubernetes_version'], message: `Kubernetes version ${cv.version.text}` }] : [];
  const report = (path: JsonPath, value: string, os: string) =>
    ctx.report({
      message: `${formatPath(path)} is ${JSON.stringify(value)}${os === value ? '' : ` (${os})`}, but ${describeClusterVersion(cv)}, and Kubernetes 1.30 and later do not support CentOS or Alibaba Cloud Linux 2 for ${s.what}. Use Alibaba Cloud Linux 3 (image_type AliyunLinux3) or ContainerOS.`,
      at: { path },
      related,
    });

  const idPath = [...s.base, 'image_id'];
  const id = doc.get(idPath);
  const idOs = typeof id === 'string' ? imageIdOs(id) : undefined;
  if (idOs?.old) report(idPath, id as string, idOs.os);
  if (idOs) return; // the image ID decides the OS

  const typePath = [...s.base, 'image_type'];
  const type = doc.get(typePath);
  if (typeof type === 'string' && type !== '') {
    if (Object.hasOwn(OLD_IMAGE_TYPES, type)) report(typePath, type, OLD_IMAGE_TYPES[type]!);
    return;
  }
  if (!s.platform) return;
  const platformPath = [...s.base, 'platform'];
  const platform = doc.get(platformPath);
  if (typeof platform === 'string' && Object.hasOwn(OLD_PLATFORMS, platform)) report(platformPath, platform, OLD_PLATFORMS[platform]!);
}
