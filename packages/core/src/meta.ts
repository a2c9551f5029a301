import type { RuleMeta } from './rule.js';

/** acklint's version; a test keeps it equal to the packages' version. */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'acklint';
/** Home of the project; rule docs live under it. Change here (and only here) when the repository moves. */
export const HOMEPAGE = 'https://github.com/acklint/acklint';
export const DOCS_BASE = `${HOMEPAGE}/blob/main`;

export function ruleDocsUrl(ruleId: string): string {
  if (ruleId === INTERNAL_ERROR_ID) return `${DOCS_BASE}/docs/internal-error.md`;
  if (ruleId === UNUSED_DIRECTIVE_ID || ruleId === INVALID_DIRECTIVE_ID) return `${DOCS_BASE}/docs/suppressions.md#${ruleId}`;
  return `${DOCS_BASE}/rules/${ruleId}.md`;
}

/** Where a rule is documented: its own `docsUrl` (a team's policy) or acklint's page for it. */
export function docsUrlOf(meta: RuleMeta): string {
  return meta.docsUrl ?? ruleDocsUrl(meta.id);
}

/** The guide to writing policies; the docs link of a policy that names no page of its own. */
export const POLICY_GUIDE_URL = `${DOCS_BASE}/docs/policies.md`;

/** The engine's findings about acklint-disable comments (see suppress.ts). */
export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';
export const INVALID_DIRECTIVE_ID = 'invalid-disable-directive';

/** The id of the diagnostic the engine emits when a rule throws. */
export const INTERNAL_ERROR_ID = 'internal-error';

/** How the engine's internal-error diagnostic is described (SARIF rules[], docs). */
export const INTERNAL_ERROR_META: RuleMeta = {
  id: INTERNAL_ERROR_ID,
  defaultSeverity: 'error',
  category: 'input',
  description: 'A rule failed while checking a document.',
  details:
    'acklint reports this when one of its own rules throws. The other rules still ran; the failing rule was skipped for that document. It is a bug in acklint: please report it with the input that triggers it.',
  fact: { text: 'Not a documented constraint: a tool failure.', source: 'acklint' },
  tags: ['acklint'],
  scope: 'file',
};
