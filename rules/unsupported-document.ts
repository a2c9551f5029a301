import { defineRule, embeddedClusterBodies } from '@acklint/core';

const WHAT = {
  'ros-template': 'a Resource Orchestration Service (ROS) template, whose properties are not CreateCluster field names',
  terraform: 'Terraform configuration in JSON, whose arguments are not CreateCluster field names',
  'nodepool-body': 'a CreateClusterNodePool request body (nodepool_info, scaling_group, …), not a CreateCluster body',
} as const;

export default defineRule({
  meta: {
    id: 'unsupported-document',
    defaultSeverity: 'warning',
    category: 'input',
    description: 'The document is not a CreateCluster body (a ROS template, Terraform JSON, or a node-pool request), so it was not checked.',
    details:
      'acklint checks the body of the CreateCluster API call. Other formats that describe ACK clusters use different field names, so checking them against the CreateCluster rules would only produce noise. When a file is named on the command line and is one of these, acklint says so instead of staying silent; directory scans skip such files. A ROS template is checked where it holds a CreateCluster body: the ClusterConfig property of an ALIYUN::CS::AnyCluster resource is one, and it is linted in place (with ROS functions such as Ref read as placeholders); templates with only PascalCase resources (ALIYUN::CS::ManagedKubernetesCluster) are reported here. Support for those and for Terraform is planned.',
    fact: { text: 'CreateCluster bodies use the API\'s snake_case field names (cluster_type, region_id, …).', source: 'CreateCluster API reference, "Request syntax"' },
    tags: ['input', 'format'],
    scope: 'any',
  },
  check(ctx) {
    if (ctx.document.index === 0) {
      for (const p of ctx.file.problems) if (p.code === 'not-a-spec') ctx.report({ message: p.message, at: p });
    }
    const kind = ctx.document.kind;
    // A ROS template whose AnyCluster resources hold CreateCluster bodies is checked there (ClusterConfig).
    if (kind === 'ros-template' && embeddedClusterBodies(ctx.document).length > 0) return;
    if (kind === 'ros-template' || kind === 'terraform' || kind === 'nodepool-body') {
      ctx.report({ message: `This looks like ${WHAT[kind]}; the CreateCluster checks do not apply to it.`, at: { path: [], on: 'key' } });
    }
  },
});
