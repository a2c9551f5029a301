/**
 * Terraform argument names (alicloud provider) that people carry over into CreateCluster bodies, with the API field
 * each one stands for. Rows come from tf-constraints.tsv (terraform-provider-alicloud @81c43b67: the
 * `alicloud_cs_managed_kubernetes`, `alicloud_cs_kubernetes` and `alicloud_cs_kubernetes_node_pool` resources) where the
 * Terraform name differs from the API's; the `worker_*` disk names are the legacy `alicloud_cs_kubernetes` worker
 * arguments that the same resource mapped to `worker_data_disks` and `worker_system_disk_*`. Kept as data: add a row when
 * a Terraform name turns up in real specs.
 *
 * `at` is the field path of the object a Terraform user would write the name in: `''` for the top level (the cluster
 * resources), `nodepools[]` for a node pool (the node pool resource's arguments), `nodepools[].auto_scaling` for the
 * fields of its `scaling_config` block. `api` is the API field it stands
 * for, as a field path from the same object.
 */
export interface TerraformName {
  name: string;
  at: string;
  api: string;
  resource: 'alicloud_cs_managed_kubernetes' | 'alicloud_cs_kubernetes' | 'alicloud_cs_kubernetes_node_pool';
}

const M = 'alicloud_cs_managed_kubernetes';
const K = 'alicloud_cs_kubernetes';
const NP = 'alicloud_cs_kubernetes_node_pool';

export const TERRAFORM_NAMES: readonly TerraformName[] = [
  // Cluster resources
  { name: 'name_prefix', at: '', api: 'name', resource: M },
  { name: 'worker_vswitch_ids', at: '', api: 'vswitch_ids', resource: M },
  { name: 'pod_cidr', at: '', api: 'container_cidr', resource: M },
  { name: 'new_nat_gateway', at: '', api: 'snat_entry', resource: M },
  { name: 'slb_internet_enabled', at: '', api: 'endpoint_public_access', resource: M },
  { name: 'control_plane_log_components', at: '', api: 'controlplane_log_components', resource: M },
  { name: 'control_plane_log_ttl', at: '', api: 'controlplane_log_ttl', resource: M },
  { name: 'control_plane_log_project', at: '', api: 'controlplane_log_project', resource: M },
  { name: 'master_disk_size', at: '', api: 'master_system_disk_size', resource: K },
  { name: 'master_disk_category', at: '', api: 'master_system_disk_category', resource: K },
  { name: 'master_disk_performance_level', at: '', api: 'master_system_disk_performance_level', resource: K },
  { name: 'password', at: '', api: 'login_password', resource: K },
  { name: 'kms_encrypted_password', at: '', api: 'login_password', resource: K },
  { name: 'key_name', at: '', api: 'key_pair', resource: K },
  { name: 'worker_number', at: '', api: 'num_of_nodes', resource: K },
  { name: 'worker_disk_category', at: '', api: 'worker_system_disk_category', resource: K },
  { name: 'worker_disk_size', at: '', api: 'worker_system_disk_size', resource: K },
  { name: 'worker_disk_performance_level', at: '', api: 'worker_system_disk_performance_level', resource: K },
  { name: 'worker_data_disk_category', at: '', api: 'worker_data_disks[].category', resource: K },
  { name: 'worker_data_disk_size', at: '', api: 'worker_data_disks[].size', resource: K },
  // Node pool resource: its arguments are flat, the API groups them into blocks.
  { name: 'node_pool_name', at: 'nodepools[]', api: 'nodepool_info.name', resource: NP },
  { name: 'resource_group_id', at: 'nodepools[]', api: 'nodepool_info.resource_group_id', resource: NP },
  { name: 'vswitch_ids', at: 'nodepools[]', api: 'scaling_group.vswitch_ids', resource: NP },
  { name: 'instance_types', at: 'nodepools[]', api: 'scaling_group.instance_types', resource: NP },
  { name: 'instance_charge_type', at: 'nodepools[]', api: 'scaling_group.instance_charge_type', resource: NP },
  { name: 'period', at: 'nodepools[]', api: 'scaling_group.period', resource: NP },
  { name: 'period_unit', at: 'nodepools[]', api: 'scaling_group.period_unit', resource: NP },
  { name: 'auto_renew_period', at: 'nodepools[]', api: 'scaling_group.auto_renew_period', resource: NP },
  { name: 'multi_az_policy', at: 'nodepools[]', api: 'scaling_group.multi_az_policy', resource: NP },
  { name: 'scaling_policy', at: 'nodepools[]', api: 'scaling_group.scaling_policy', resource: NP },
  { name: 'system_disk_category', at: 'nodepools[]', api: 'scaling_group.system_disk_category', resource: NP },
  { name: 'system_disk_encrypt_algorithm', at: 'nodepools[]', api: 'scaling_group.system_disk_encrypt_algorithm', resource: NP },
  { name: 'data_disks', at: 'nodepools[]', api: 'scaling_group.data_disks', resource: NP },
  { name: 'image_type', at: 'nodepools[]', api: 'scaling_group.image_type', resource: NP },
  { name: 'platform', at: 'nodepools[]', api: 'scaling_group.platform', resource: NP },
  { name: 'internet_charge_type', at: 'nodepools[]', api: 'scaling_group.internet_charge_type', resource: NP },
  { name: 'internet_max_bandwidth_out', at: 'nodepools[]', api: 'scaling_group.internet_max_bandwidth_out', resource: NP },
  { name: 'spot_instance_pools', at: 'nodepools[]', api: 'scaling_group.spot_instance_pools', resource: NP },
  { name: 'instance_metadata_options', at: 'nodepools[]', api: 'scaling_group.instance_metadata_options', resource: NP },
  { name: 'key_name', at: 'nodepools[]', api: 'scaling_group.key_pair', resource: NP },
  { name: 'password', at: 'nodepools[]', api: 'scaling_group.login_password', resource: NP },
  { name: 'kms_encrypted_password', at: 'nodepools[]', api: 'scaling_group.login_password', resource: NP },
  { name: 'cpu_policy', at: 'nodepools[]', api: 'kubernetes_config.cpu_policy', resource: NP },
  { name: 'taints', at: 'nodepools[]', api: 'kubernetes_config.taints', resource: NP },
  { name: 'labels', at: 'nodepools[]', api: 'kubernetes_config.labels', resource: NP },
  { name: 'scaling_config', at: 'nodepools[]', api: 'auto_scaling', resource: NP },
  { name: 'min_size', at: 'nodepools[].auto_scaling', api: 'min_instances', resource: NP },
  { name: 'max_size', at: 'nodepools[].auto_scaling', api: 'max_instances', resource: NP },
  { name: 'desired_size', at: 'nodepools[]', api: 'scaling_group.desired_size', resource: NP },
];

/** The Terraform name `name` written in the object at field path `at`, if it is one. */
export function terraformName(at: string, name: string): TerraformName | undefined {
  return TERRAFORM_NAMES.find((t) => t.at === at && t.name === name);
}
