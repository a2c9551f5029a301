/**
 * Addon (cluster component) names that CreateCluster's `addons[].name` is known to accept, kept as data so that it
 * can grow without touching rule code. Sources: the CreateCluster API reference page (network, volume, log, Ingress
 * and event-center examples), ack-facts.md §2.6 (Go and TypeScript SDK texts, Terraform docs and examples), and
 * the real bodies in the shared corpus (older names such as `logtail-ds-docker` and `alicloud-monitor-controller`), and
 * names of the ACK component catalogue (what ListAddons / DescribeAddons return, and what cluster records show
 * installed). `unknown-addon` warns about any other name, unless a saved component catalogue for the user's region and
 * version is given (`--inventory`), which then decides exactly. Add a name here when ACK documents a new component.
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
  'alicloud-disk-controller',
  // Identity, secrets and policy
  'ack-pod-identity-webhook',
  'ack-secret-manager',
  'policy-template-controller',
  'ack-ram-authenticator',
  // Scheduling, autoscaling and workloads
  'ack-koordinator',
  'ack-descheduler',
  'ack-kubernetes-cronhpa-controller',
  'ack-alibaba-cloud-metrics-adapter',
  'ack-kube-queue',
  'ack-kubernetes-elastic-workload',
  'ack-fluid',
  'ack-ai-installer',
  'kube-scheduler',
  'kube-proxy-master',
  'kube-proxy-worker',
  // Monitoring, images, registered clusters and migration
  'ack-arms-prometheus',
  'ack-arms-cmonitor',
  'ack-onepilot',
  'ack-sysom-monitor',
  'aliyun-acr-acceleration-suite',
  'ack-helm-manager',
  'ack-cluster-agent',
  'migrate-controller',
  'resource-controller',
];

/** True when `name` is a log collection component. */
export function isLogAddon(name: string): boolean {
  return (LOG_ADDONS as readonly string[]).includes(name);
}
