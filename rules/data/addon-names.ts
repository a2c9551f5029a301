/**
 * Addon (cluster component) names that CreateCluster's `addons[].name` is known to accept, kept as data so that it
 * can grow without touching rule code. Sources: the CreateCluster API reference page (network, volume, log, Ingress
 * and event-center examples), ack-facts.md §2.6 (Go and TypeScript SDK texts, Terraform docs and examples), and
 * the real bodies in the shared corpus (older names such as `logtail-ds-docker` and `alicloud-monitor-controller`).
 * `unknown-addon` warns about any other name; add a name here when ACK documents a new component.
 */

/** The network plugins: a cluster has exactly one of the Flannel or Terway family. */
export const NETWORK_ADDONS = ['flannel', 'kube-flannel-ds', 'terway-eniip', 'terway', 'terway-eni', 'terway-controlplane'] as const;

/** Log collection components: any of them gives the cluster log collection (and makes cluster auditing possible). */
export const LOG_ADDONS = ['logtail-ds', 'loongcollector', 'log-service', 'logtail-ds-docker', 'alibaba-log-controller'] as const;

export const KNOWN_ADDONS: readonly string[] = [
  ...NETWORK_ADDONS,
  ...LOG_ADDONS,
  // Storage
  'csi-plugin',
  'csi-provisioner',
  'managed-csiprovisioner',
  'storage-operator',
  'flexvolume',
  // Ingress and load balancing
  'nginx-ingress-controller',
  'alb-ingress-controller',
  'alb',
  'mse-ingress-controller',
  // Monitoring and events
  'arms-prometheus',
  'managed-arms-prometheus',
  'ack-node-problem-detector',
  'metrics-server',
  'alicloud-monitor-controller',
  'ack-cost-exporter',
  // DNS
  'coredns',
  'managed-coredns',
  'ack-node-local-dns',
  // Security
  'security-inspector',
  'managed-security-inspector',
  'aliyun-acr-credential-helper',
  'managed-aliyun-acr-credential-helper',
  'kubernetes-dashboard',
  // Scheduling, autoscaling and runtimes
  'cluster-autoscaler',
  'ack-goatscaler',
  'sandboxed-container-controller',
  // Component names of the ACK component catalogue that the reference sources above do not show in a request; kept
  // so that a real component does not get a false warning.
  'ack-virtual-node',
  'gatekeeper',
  'cloud-controller-manager',
];

/** True when `name` is a log collection component. */
export function isLogAddon(name: string): boolean {
  return (LOG_ADDONS as readonly string[]).includes(name);
}
