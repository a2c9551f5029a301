/** docs/fields.md is generated from the schema; this fails when the checked-in copy is out of date. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FIELD_TABLE } from '@acklint/core';
// @ts-expect-error: a plain ES module script without type declarations
import { FIELDS_DOC, renderFieldsDoc } from '../scripts/gen-fields-doc.mjs';

it('docs/fields.md is up to date with the schema (run `npm run docs`)', () => {
  expect(readFileSync(FIELDS_DOC as string, 'utf8')).toBe((renderFieldsDoc as (t: unknown) => string)(FIELD_TABLE));
});
