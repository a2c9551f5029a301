import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'root-not-object',
    defaultSeverity: 'error',
    category: 'input',
    description: 'The document is empty, or its top level is not an object.',
    details: 'A CreateCluster body is one JSON object whose keys are the request fields ("name", "region_id", "cluster_type", …). An array, a scalar or an empty document cannot be sent as a cluster spec.',
    fact: { text: 'The request body is a JSON object of named fields.', source: 'CreateCluster API reference, "Request syntax"' },
    tags: ['input', 'structure'],
    scope: 'any',
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.kind === 'not-object') {
      const what = doc.root?.kind === 'array' ? 'an array' : doc.root?.kind === 'invalid' ? 'unreadable' : `a ${doc.root?.kind ?? 'value'}`;
      ctx.report({ message: `The top level of a cluster spec must be an object of request fields, but this is ${what}.`, at: { path: [], on: 'key' } });
      return;
    }
    if (doc.kind === 'empty' && doc.index === 0 && ctx.file.problems.length === 0 && ctx.file.documents.every((d) => d.kind === 'empty')) {
      ctx.report({ message: 'The file is empty: a cluster spec is an object of request fields.', at: { start: 0, end: 0 } });
    }
  },
});
