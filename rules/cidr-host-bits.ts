import { defineRule, parseCidr, type JsonPath } from '@acklint/core';

const FIELDS: JsonPath[] = [['container_cidr'], ['service_cidr']];

export default defineRule({
  meta: {
    id: 'cidr-host-bits',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'A pod or Service CIDR has host bits set (172.21.0.1/20 instead of 172.21.0.0/20).',
    details:
      'A CIDR block is written as its network address and a prefix length. In 172.21.0.1/20 the address has bits set after the first 20, so the text does not say the range it stands for: the block is 172.21.0.0/20, which starts before the written address. Tools disagree on what such a value means (some reject it, some silently take the network), and a reader may think the range starts where it is written. Write the network address; the fix does that and is safe because the range stays the same.',
    fact: {
      text: 'A CIDR block is identified by its network address and prefix length; the pod and Service CIDRs are fixed once the cluster is created.',
      source: 'RFC 4632 §3.1; CreateCluster API reference, "container_cidr" and "service_cidr"; ack-facts.md §5',
    },
    tags: ['network', 'cidr'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    for (const path of FIELDS) {
      const value = doc.get(path);
      if (typeof value !== 'string') continue;
      const parts = value.split(',');
      const bad: string[] = [];
      const fixed = parts.map((part) => {
        const text = part.trim();
        const c = text ? parseCanonical(text) : undefined;
        if (!c || c === text) return part;
        bad.push(`${text} (network ${c})`);
        return part.replace(text, c);
      });
      if (!bad.length) continue;
      const newValue = fixed.join(',');
      ctx.report({
        message: `${path.join('.')} ${bad.join(' and ')} has host bits set; write the network address ${JSON.stringify(newValue)}, which is the range ACK uses.`,
        at: { path },
        fix: { title: `Write the network address: ${newValue}`, safe: true, edits: [{ target: { path }, newText: doc.stringLiteral(path, newValue) }] },
      });
    }
  },
});

/** The network address form of a CIDR, the text itself when it is already canonical, undefined when it is not a CIDR. */
function parseCanonical(text: string): string | undefined {
  const c = parseCidr(text);
  return c && c.hostBitsSet ? c.canonical : c ? text : undefined;
}
