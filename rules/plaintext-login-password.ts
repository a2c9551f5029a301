import { defineRule, formatPath, loginScopes } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'plaintext-login-password',
    defaultSeverity: 'warning',
    category: 'credentials',
    description: 'A login_password is written in the spec in plain text; use a key pair instead.',
    details:
      'A root password in a cluster spec is readable by everyone who can read the repository, its history, CI logs and every copy of the file, and it opens every node the scope creates. An ECS key pair (key_pair) keeps the secret out of the file. If a password is unavoidable, inject it at deploy time from a secret store rather than committing it. Checked at the top level, in control_plane_config and in each nodepools[].scaling_group; the value is never shown. This rule is separate from login-credentials so that teams that template passwords in can turn it off.',
    fact: {
      text: 'Each node scope logs on with key_pair or login_password; a plaintext login_password in a committed spec is a known weakness (seen in the official sample bodies).',
      source: 'CreateCluster API reference (node pool key_pair/login_password); peer-rules.md "Node login" row; ack-facts.md §3.16',
    },
    tags: ['credentials', 'password', 'secrets'],
  },
  check(ctx) {
    for (const s of loginScopes(ctx.value)) {
      const v = s.obj['login_password'];
      if (typeof v !== 'string' || v === '') continue;
      const path = [...s.path, 'login_password'];
      const windows = ['image_type', 'platform', 'os_type'].some((f) => s.obj[f] === 'Windows' || s.obj[f] === 'WindowsCore');
      const todo = windows
        ? 'Inject it at deploy time from a secret store instead (Windows nodes cannot use key pairs).'
        : 'Use key_pair with an ECS key pair instead, or inject the password at deploy time from a secret store.';
      ctx.report({
        message: `${formatPath(path)} holds a password in plain text, readable by anyone with access to this file or its history. ${todo}`,
        at: { path, on: 'key' },
      });
    }
  },
});
