import { defineRule, formatPath, isObject, numberish, type JsonObject, type JsonPath, type RuleContext } from '@acklint/core';

/**
 * The field is given: the key is there with a value other than null or "". A value that could not be read (a syntax
 * error where it should be) still counts: the author meant to set it.
 */
function given(obj: JsonObject, key: string): boolean {
  if (!Object.hasOwn(obj, key)) return false;
  const v = obj[key];
  return v !== null && v !== '';
}

interface Scope {
  path: JsonPath;
  /** Report a scope that has neither credential. */
  requireOne: boolean;
  /** How the scope reads in messages. */
  what: string;
}

function check(ctx: RuleContext, scope: Scope, obj: JsonObject): void {
  const hasKey = given(obj, 'key_pair');
  const hasPassword = given(obj, 'login_password');
  const where = scope.path.length ? formatPath(scope.path) : 'The top level';
  if (hasKey && hasPassword) {
    ctx.report({
      message: `${where} sets both login_password and key_pair; ${scope.what} need exactly one of them. Keep key_pair (key-based login is the safer choice) and remove login_password, or the other way round.`,
      at: { path: [...scope.path, 'login_password'], on: 'key' },
      related: [{ path: [...scope.path, 'key_pair'], on: 'key', message: 'key_pair is also set here' }],
    });
  } else if (!hasKey && !hasPassword && scope.requireOne) {
    ctx.report({
      message: `${where} sets neither key_pair nor login_password; ${scope.what} need exactly one of them to allow logging on. Add key_pair with the name of an ECS key pair (recommended), or login_password.`,
      at: { path: scope.path, on: 'key' },
    });
  }
}

export default defineRule({
  meta: {
    id: 'login-credentials',
    defaultSeverity: 'error',
    category: 'credentials',
    description: 'A node scope sets both key_pair and login_password, or neither of them.',
    details:
      'ECS instances created by ACK get exactly one way to log on: an SSH key pair (key_pair) or a root password (login_password). Each node pool\'s scaling_group must name one of them, as must control_plane_config of a dedicated (Kubernetes) cluster; giving both is rejected because the two conflict. The deprecated top-level key_pair and login_password must name one when top-level fields create nodes (the masters of a dedicated cluster without control_plane_config, or workers from worker_instance_types or num_of_nodes); otherwise they are checked only for the conflict. Keep one field and delete the other; a key pair is preferable to a password, which would otherwise sit in the request body in plain text.',
    fact: {
      text: 'In each scope (top level, control_plane_config, every nodepools[].scaling_group) exactly one of key_pair and login_password must be given.',
      source: 'ack-facts.md §3.16 (GO, TFM, TFK, TFNP)',
    },
    tags: ['credentials', 'ssh', 'password', 'nodepools'],
  },
  check(ctx) {
    const root = ctx.value;
    if (!isObject(root)) return;
    // The deprecated top-level credentials are needed when top-level fields create nodes: the masters of a dedicated
    // cluster without control_plane_config, or workers from worker_instance_types / num_of_nodes.
    const workers = Array.isArray(root['worker_instance_types']) && root['worker_instance_types'].length > 0;
    const nodeCount = numberish(root['num_of_nodes']);
    const legacyWorkers = workers || (nodeCount !== undefined && nodeCount > 0);
    const legacyMasters = root['cluster_type'] === 'Kubernetes' && !isObject(root['control_plane_config']);
    check(
      ctx,
      {
        path: [],
        requireOne: legacyWorkers || legacyMasters,
        what: legacyMasters
          ? `the ${legacyWorkers ? 'master and worker' : 'master'} nodes created from top-level fields`
          : legacyWorkers
            ? 'the worker nodes created from top-level fields (worker_instance_types, num_of_nodes)'
            : 'the worker credentials (deprecated top-level fields)',
      },
      root,
    );
    const cp = root['control_plane_config'];
    if (isObject(cp)) check(ctx, { path: ['control_plane_config'], requireOne: root['cluster_type'] === 'Kubernetes', what: 'the control-plane nodes' }, cp);
    const pools = root['nodepools'];
    if (Array.isArray(pools)) {
      pools.forEach((pool, i) => {
        const sg = isObject(pool) ? pool['scaling_group'] : undefined;
        if (isObject(sg)) check(ctx, { path: ['nodepools', i, 'scaling_group'], requireOne: true, what: 'the nodes of a node pool' }, sg);
      });
    }
  },
});
