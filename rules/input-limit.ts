import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'input-limit',
    defaultSeverity: 'error',
    category: 'input',
    description: 'The file is too large, too deeply nested, or expands too far through YAML aliases.',
    details:
      'acklint refuses input that no real cluster spec needs and that could exhaust memory or time: files over maxFileSize (10 MiB by default; set maxFileSize in the config or --max-file-size), nesting deeper than 256 levels, and YAML aliases that expand a document past 100,000 nodes (an alias bomb). The file, or the part past the limit, is not checked.',
    fact: { text: 'A CreateCluster body is a small JSON object a few levels deep.', source: 'CreateCluster API reference, "Request syntax"' },
    tags: ['input', 'limits'],
    scope: 'file',
  },
  check(ctx) {
    for (const p of ctx.file.problems) {
      if (p.code === 'too-large' || p.code === 'too-deep' || p.code === 'alias-limit') ctx.report({ message: p.message, at: p });
    }
  },
});
