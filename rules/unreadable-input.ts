import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'unreadable-input',
    defaultSeverity: 'error',
    category: 'input',
    description: 'The file is binary or not UTF-8 text.',
    details: 'CreateCluster bodies are UTF-8 JSON text. A file with NUL bytes, invalid UTF-8 or a UTF-16 encoding cannot be a request body and is not checked further.',
    fact: { text: 'The request body is JSON text (Content-Type: application/json), which is UTF-8.', source: 'CreateCluster API reference, "Request syntax"; RFC 8259 §8.1' },
    tags: ['input', 'encoding'],
    scope: 'file',
  },
  check(ctx) {
    for (const p of ctx.file.problems) {
      if (p.code === 'binary' || p.code === 'encoding') ctx.report({ message: p.message, at: p });
    }
  },
});
