import { defineRule, formatPath, loginScopes, valueText } from '@acklint/core';

const WINDOWS = new Set(['Windows', 'WindowsCore']);

export default defineRule({
  meta: {
    id: 'windows-password-leading-slash',
    defaultSeverity: 'error',
    category: 'credentials',
    description: 'A Windows node scope (image_type or platform Windows/WindowsCore) has a login_password that starts with "/", which Windows instances do not accept.',
    details:
      'ECS accepts instance passwords of 8 to 30 characters from three of four character classes, with one extra rule for Windows images: the password must not start with a slash, which Windows would read as a command-line switch. The password itself is checked by the schema; this rule connects it to the image type of its scope (image_type, or the older platform and os_type). The password is never shown. Choose a password that starts with another character.',
    fact: {
      text: 'For Windows instances the password cannot start with a forward slash (/).',
      source: 'ack-facts.md §3.38 and §3.18 (ECSPWD)',
    },
    tags: ['credentials', 'password', 'windows'],
  },
  check(ctx) {
    for (const s of loginScopes(ctx.value)) {
      const pw = s.obj['login_password'];
      if (typeof pw !== 'string' || !pw.startsWith('/')) continue;
      const fields = ['image_type', 'platform', 'os_type'] as const;
      const field = fields.find((f) => typeof s.obj[f] === 'string' && WINDOWS.has(s.obj[f] as string));
      if (!field) continue;
      ctx.report({
        message: `${formatPath([...s.path, 'login_password'])} starts with "/", which Windows instances do not accept in a password, and ${formatPath([...s.path, field])} is ${valueText(s.obj[field])}. Choose a password that starts with another character.`,
        at: { path: [...s.path, 'login_password'], on: 'key' },
        related: [{ path: [...s.path, field], message: 'Windows image chosen here' }],
      });
    }
  },
});
