import { defineRule, placeholderKind } from '@acklint/core';

const MAX = 63;
const ALLOWED = /^[A-Za-z0-9_-]$/;
const VALID = /^(?!_)[A-Za-z0-9_-]{1,63}$/;

/** `a space`, `a tab`, `"."`, or `U+0007` for characters that do not print. */
function describe(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  if (ch === '\u00a0') return 'a non-breaking space';
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /\s/u.test(ch)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(ch);
}

/** What is wrong with `name`, in words; empty when it is valid. */
function problems(name: string): string[] {
  if (VALID.test(name)) return []; // most names: nothing to spell out
  const chars = [...name]; // code points, so an emoji counts as one character
  if (chars.length === 0) return ['is empty'];
  const out: string[] = [];
  if (chars[0] === '_') out.push('starts with "_"');
  const bad = chars.findIndex((c) => !ALLOWED.test(c));
  if (bad >= 0) {
    const others = chars.filter((c, i) => i > bad && !ALLOWED.test(c)).length;
    out.push(`contains ${describe(chars[bad]!)} (character ${bad + 1})${others ? ` and ${others} more character${others === 1 ? '' : 's'} that ${others === 1 ? 'is' : 'are'} not allowed` : ''}`);
  }
  if (chars.length > MAX) out.push(`is ${chars.length} characters long`);
  return out;
}

/** Invalid characters at either end go, runs inside become `-`, a leading `_` goes, and the result is cut to 63. */
function suggestName(name: string): string | undefined {
  const long = name
    .replace(/^[^A-Za-z0-9_-]+|[^A-Za-z0-9_-]+$/gu, '')
    .replace(/[^A-Za-z0-9_-]+/gu, '-')
    .replace(/^_+/, '');
  // Cut to the limit; a hyphen left dangling at the cut goes too.
  const s = long.length > MAX ? long.slice(0, MAX).replace(/-+$/, '') : long;
  return VALID.test(s) && s !== name ? s : undefined;
}

function join(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export default defineRule({
  meta: {
    id: 'cluster-name-format',
    defaultSeverity: 'error',
    category: 'naming',
    description: 'The cluster name is empty, too long, starts with "_" or contains characters ACK does not accept.',
    details:
      'ACK accepts a cluster name of 1 to 63 characters made of letters (A-Z, a-z), digits, hyphens (-) and underscores (_), and the first character must not be an underscore. Spaces, dots, slashes and non-ASCII characters are rejected, so a descriptive name like "my prod cluster" fails at creation time. Rename the cluster, for example by replacing spaces with hyphens. The SDK documentation is stricter (no underscores, no leading hyphen); acklint follows the API reference page, so names that only the SDK text forbids are accepted.',
    fact: {
      text: 'name: 1 to 63 characters; digits, letters, hyphens (-) and underscores (_); must not start with an underscore.',
      source: 'CreateCluster API reference, "name"; ack-facts.md (reading notes, §2.1, §4)',
    },
    tags: ['naming', 'name'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const name = doc.get(['name']);
    if (typeof name !== 'string') return;
    // A template placeholder (`%s`, `${name}`, `{{ .Name }}`) is filled in later: placeholder-value reports it.
    if (placeholderKind(name)) return;
    const found = problems(name);
    if (found.length === 0) return;
    const suggestion = suggestName(name);
    const newText = suggestion === undefined ? undefined : doc.stringLiteral(['name'], suggestion);
    ctx.report({
      message: `The cluster name ${join(found)}: use 1 to 63 letters, digits, "-" or "_", not starting with "_".`,
      at: { path: ['name'] },
      ...(newText !== undefined ? { fix: { title: `Rename the cluster to ${suggestion}`, safe: false, edits: [{ target: { path: ['name'] }, newText }] } } : {}),
    });
  },
});
