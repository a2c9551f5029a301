import { defineRule, formatPath, isGiven, loginScopes } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'containeros-requires-key-pair',
    defaultSeverity: 'error',
    category: 'credentials',
    description: 'Nodes with the ContainerOS image (image_type ContainerOS) are given a login_password or no key_pair; ContainerOS needs key_pair.',
    details:
      'ContainerOS, Alibaba Cloud\'s minimal container-optimised node OS, does not support password logon: a node scope with image_type ContainerOS must use an ECS key pair (key_pair). Set key_pair and remove login_password. Checked in each nodepools[].scaling_group, in control_plane_config and at the top level.',
    fact: {
      text: 'ContainerOS requires key_pair (CreateClusterNodePool documentation).',
      source: 'ack-facts.md §3.17 and §2.7 "scaling_group.key_pair" (GONP)',
    },
    tags: ['credentials', 'containeros', 'ssh'],
  },
  check(ctx) {
    for (const s of loginScopes(ctx.value)) {
      if (s.imageType !== 'ContainerOS' || isGiven(s.obj['key_pair'])) continue;
      const hasPassword = isGiven(s.obj['login_password']);
      const where = s.path.length ? formatPath(s.path) : 'The top level';
      ctx.report({
        message: `${where} uses the ContainerOS image, which only supports logon with a key pair, but ${hasPassword ? 'it sets login_password instead of key_pair' : 'it sets no key_pair'}. Set key_pair to the name of an ECS key pair${hasPassword ? ' and remove login_password' : ''}.`,
        at: hasPassword ? { path: [...s.path, 'login_password'], on: 'key' } : { path: [...s.path, 'image_type'] },
        ...(hasPassword ? { related: [{ path: [...s.path, 'image_type'], message: 'ContainerOS chosen here' }] } : {}),
      });
    }
  },
});
