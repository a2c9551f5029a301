import { INVALID, defineRule, isObject, parseEmbeddedJson, placeholderKind, stringOffsetMapper, type JsonPath, type JsonValue, type Span } from '@acklint/core';

function containsInvalid(v: JsonValue): boolean {
  if (v === INVALID) return true;
  if (Array.isArray(v)) return v.some(containsInvalid);
  if (isObject(v)) return Object.values(v).some(containsInvalid);
  return false;
}

export default defineRule({
  meta: {
    id: 'addon-config-json',
    defaultSeverity: 'error',
    category: 'addons',
    description: 'An addon config is not a string holding valid JSON (or is written as an object instead of a string).',
    details:
      'Each entry of addons may carry a config: the component\'s settings, as a JSON document encoded in a string, for example "{\\"IngressSlbNetworkType\\":\\"internet\\"}". ACK parses that string as JSON, so broken JSON inside it (single quotes, a missing comma, a trailing comma, an unquoted word, a missing brace) makes the request fail, however well-formed the outer file is. Writing the settings as an object instead of a string is also wrong: the field is a string. acklint parses the inner text and points at the exact character where it stops being JSON; an object gets a fix that writes it as a JSON string. An empty string means no settings and is fine.',
    fact: {
      text: 'addons[].config is a string holding JSON (for example {"IngressSlbNetworkType":"internet"}); it may be empty.',
      source: 'CreateCluster API reference, "addons" (examples for logtail-ds, nginx-ingress-controller, ack-node-problem-detector); ack-facts.md §2.6 (GO)',
    },
    tags: ['addons', 'json'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const addons = doc.get(['addons']);
    if (!Array.isArray(addons)) return;
    addons.forEach((addon, i) => {
      if (!isObject(addon)) return;
      const path: JsonPath = ['addons', i, 'config'];
      const cfg = addon['config'];
      const name = typeof addon['name'] === 'string' && addon['name'] !== '' ? ` (${addon['name']})` : '';
      const where = `addons[${i}].config${name}`;

      if (isObject(cfg)) {
        const text = JSON.stringify(cfg);
        const canFix = !containsInvalid(cfg);
        const newText = doc.format === 'yaml' ? `'${text.replace(/'/g, "''")}'` : JSON.stringify(text);
        ctx.report({
          message: `${where} is an object, but the API takes a component's configuration as a string holding JSON. Write it as a JSON string${canFix ? `: ${newText.length <= 80 ? newText : 'the fix does this'}` : ''}.`,
          at: { path, on: 'key' },
          ...(canFix ? { fix: { title: 'Write the config as a JSON string', safe: true, edits: [{ target: { path }, newText }] } } : {}),
        });
        return;
      }
      if (typeof cfg !== 'string' || cfg.trim() === '') return; // other types are the schema's concern; empty is allowed

      // A string cut short by a syntax error (an unescaped quote inside it) was already reported as such.
      const node = doc.node(path);
      if (node && ctx.file.problems.some((pr) => pr.start <= node.end && pr.end >= node.start)) return;
      const r = parseEmbeddedJson(cfg);
      if (r.ok) return;
      // A template (${CONFIG}, {"a": %d}) is not JSON until it is filled in: placeholder-value covers it.
      if (placeholderKind(cfg) === 'template') return;
      const map = stringOffsetMapper(doc, path);
      let at: Span | { path: JsonPath } = { path };
      let place = '';
      if (map) {
        const from = r.length === 0 && r.offset > 0 ? r.offset - 1 : r.offset;
        const to = Math.max(from + 1, r.offset + r.length);
        at = map(from, Math.min(to, cfg.length));
        place = ` (at character ${r.offset + 1} of the string)`;
      }
      ctx.report({
        message: `${where} is not valid JSON: ${r.message}${place}. ACK parses the config as JSON, so the request fails; correct the JSON text (double-quoted names and strings, commas between entries, none after the last).`,
        at,
        ...(map ? { related: [{ path, message: 'The whole config string' }] } : {}),
      });
    });
  },
});
