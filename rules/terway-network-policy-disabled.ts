import { defineRule, isObject, parseEmbeddedJson, stringOffsetMapper, type FixSpec, type JsonPath, type JsonValue } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'terway-network-policy-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'Terway (terway-eniip) is installed without NetworkPolicy support, so Kubernetes NetworkPolicies are not enforced.',
    details:
      'Kubernetes NetworkPolicy objects only restrict traffic when the network plugin enforces them. With Terway in shared-ENI mode (the terway-eniip addon), enforcement is switched on by "NetworkPolicy": "true" in the addon\'s config string; without it, every pod can reach every other pod whatever policies you write, and a compromised pod can move sideways freely. Add "NetworkPolicy":"true" to the terway-eniip config, for example {"name": "terway-eniip", "config": "{\\"NetworkPolicy\\":\\"true\\"}"}. Flannel clusters and other Terway modes are not checked; a config that is not valid JSON is left to addon-config-json.',
    fact: {
      text: 'CIS Alibaba Cloud 7.7 passes when the terway-eniip addon config contains "NetworkPolicy":"true"; Terway supports network policies in shared-ENI mode.',
      source: 'peer-rules.md (CIS v2 7.7, candidates: Terway and NetworkPolicy); ack-facts.md §2.6 (terway-eniip config keys NetworkPolicy, ENITrunking, IPVlan)',
    },
    tags: ['security', 'best-practice', 'cis:7.7', 'network', 'network-policy'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const addons = doc.get(['addons']);
    if (!Array.isArray(addons)) return;
    addons.forEach((addon, i) => {
      if (!isObject(addon) || addon['name'] !== 'terway-eniip' || addon['disabled'] === true) return;
      const cfgPath: JsonPath = ['addons', i, 'config'];
      const cfg = addon['config'];
      const advice = 'Add "NetworkPolicy":"true" to the terway-eniip config so that Kubernetes NetworkPolicies are enforced.';
      if (cfg === undefined || cfg === null || (typeof cfg === 'string' && cfg.trim() === '')) {
        ctx.report({
          message: `Terway is installed without NetworkPolicy support (addons[${i}] has ${cfg === undefined ? 'no config' : 'an empty config'}): NetworkPolicy objects will not restrict pod traffic. ${advice}`,
          at: doc.has(cfgPath) ? { path: cfgPath } : { path: ['addons', i, 'name'] },
        });
        return;
      }
      if (typeof cfg !== 'string') return; // an object is addon-config-json's concern
      // A string cut short by a syntax error (an unescaped quote inside it) was already reported as such.
      const node = doc.node(cfgPath);
      if (node && ctx.file.problems.some((pr) => pr.start <= node.end && pr.end >= node.start)) return;
      const parsed = parseEmbeddedJson(cfg);
      if (!parsed.ok) return;
      const inner = parsed.value as JsonValue;
      if (!isObject(inner)) return;
      const value = inner['NetworkPolicy'];
      if (value === 'true' || value === true) return;
      const prop = parsed.properties.get('NetworkPolicy');
      const map = stringOffsetMapper(doc, cfgPath);
      if (prop && map) {
        const span = map(prop.valueStart, prop.valueEnd);
        const raw = doc.source.text.slice(span.start, span.end);
        let fix: FixSpec | undefined;
        if ((value === 'false' || value === false) && raw.split('false').length === 2) {
          fix = { title: 'Turn Terway NetworkPolicy support on', safe: false, edits: [{ target: span, newText: raw.replace('false', 'true') }] };
        }
        ctx.report({
          message: `Terway NetworkPolicy support is off (NetworkPolicy is ${JSON.stringify(value)} in the terway-eniip config): NetworkPolicy objects will not restrict pod traffic. Set it to "true".`,
          at: span,
          related: [{ path: cfgPath, message: 'The terway-eniip config string' }],
          ...(fix ? { fix } : {}),
        });
        return;
      }
      ctx.report({
        message: `Terway is installed without NetworkPolicy support (${prop ? `NetworkPolicy is ${JSON.stringify(value)}` : 'the config does not set NetworkPolicy'}): NetworkPolicy objects will not restrict pod traffic. ${advice}`,
        at: { path: cfgPath },
      });
    });
  },
});
