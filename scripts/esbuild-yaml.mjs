// esbuild plugin for the bundles that carry the `yaml` package (scripts/build.mjs, scripts/bench-editor.mjs).
import { readFileSync } from 'node:fs';

/**
 * yaml's parser checks `process.env.LOG_TOKENS` (a debugging switch of the yaml package) once for every token it
 * reads, and a `process.env` read is a call into Node's C++ side: about a fifth of the CPU time of parsing a spec,
 * which the language server pays on every keystroke. The bundles read the switch as off. The build fails if the
 * check is not found (a yaml upgrade changed the file), rather than silently losing the saving.
 */
export const yamlWithoutTokenLog = {
  name: 'yaml-without-token-log',
  setup(b) {
    b.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/\bnode_process\.env\.LOG_TOKENS\b/g, 'false');
      if (contents === source) throw new Error(`yaml-without-token-log: expected process.env.LOG_TOKENS in ${args.path}`);
      return { contents, loader: 'js' };
    });
  },
};
