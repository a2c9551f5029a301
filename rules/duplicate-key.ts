import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'duplicate-key',
    defaultSeverity: 'error',
    category: 'input',
    description: 'A key appears twice in the same object.',
    details:
      'When a key is repeated, JSON parsers keep only the last value, so an earlier setting is silently lost; YAML forbids duplicate keys outright. Keep one entry and delete the other. Keys merged in through a YAML "<<" merge key may be overridden without a finding.',
    fact: { text: 'Object member names should be unique; with duplicates, parsers keep the last value.', source: 'RFC 8259 §4; YAML 1.2 §3.2.1.1' },
    tags: ['input', 'syntax'],
    scope: 'file',
  },
  check(ctx) {
    for (const p of ctx.file.problems) {
      if (p.code === 'duplicate-key') ctx.report({ message: p.message, at: p, related: p.related });
    }
  },
});
