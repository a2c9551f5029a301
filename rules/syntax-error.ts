import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'syntax-error',
    defaultSeverity: 'error',
    category: 'input',
    description: 'The file is not well-formed JSON or YAML.',
    details:
      'A CreateCluster body must be valid JSON when sent. Comments and trailing commas are reported in .json files, where the API would reject them, and accepted in .jsonc files. acklint reports each syntax error where it occurs and keeps checking the rest of the document.',
    fact: { text: 'The request body is a JSON document (Content-Type: application/json).', source: 'CreateCluster API reference, "Request syntax"' },
    tags: ['input', 'syntax'],
    scope: 'file',
  },
  check(ctx) {
    for (const p of ctx.file.problems) {
      if (p.code === 'syntax' || p.code === 'comment' || p.code === 'trailing-comma') ctx.report({ message: p.message, at: p });
    }
  },
});
