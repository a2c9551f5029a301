/**
 * Every YAML and JSON syntax problem reads as advice in our own words, with the fix, at an exact range: one case per
 * yaml error code and per jsonc-parser error code that a spec can trigger. (0-based line:character ranges.)
 */
import { describe, expect, it } from 'vitest';
import { lintSync, loadYamlParser } from '@acklint/core';
import { yamlMessage, YAML_ERROR_CODES } from '../packages/core/src/parse/yaml-messages.js';
import syntaxError from '../rules/syntax-error.js';

type Case = [name: string, text: string, expected: string[]];

const YAML_CASES: Case[] = [
  ["TAB_AS_INDENT", "a:\n\tb: 1\n", ["1:0-1:1 A tab is used for indentation here, and YAML allows only spaces there. Replace the tab with spaces."]],
  ["BAD_INDENT (mapping)", "a:\n    b: 1\n  c: 2\n", ["2:0-2:1 This line is indented wrongly: it does not line up with the keys of the mapping it seems to belong to. Indent it like its sibling keys, with spaces."]],
  ["BAD_INDENT (flow)", "a: [1, 2\n", ["0:8-0:8 This line is inside a flow collection ([…] or {…}) that is not closed, or it is indented less than the key that holds the collection. Close the bracket, or indent the line further."]],
  ["MISSING_CHAR (key without value)", "a: 1\nb\nc: 2\n", ["1:0-1:1 This key has no colon after it: a mapping key must be followed by \": \" and its value. Add the colon, or quote the line if it is meant as part of a text."]],
  ["MISSING_CHAR (single quote)", "a: 'abc\n", ["0:7-0:7 This single-quoted string is never closed. Add the closing ' (inside single quotes, write '' for a quote)."]],
  ["MISSING_CHAR (double quote)", "a: \"abc\n", ["0:7-0:7 This double-quoted string is never closed. Add the closing \" (inside double quotes, write \\\" for a quote)."]],
  ["MISSING_CHAR (comment)", "a: [1]#c\n", ["0:6-0:8 A \"#\" starts a comment only after a space, and here it touches the text before it. Add a space before \"#\", or quote the value if \"#\" belongs to it."]],
  ["MISSING_CHAR (anchor)", "a: &x[1]\n", ["0:5-0:6 A tag (!…) or anchor (&…) must be followed by a space before its value. Add a space after it."]],
  ["MISSING_CHAR (directive)", "%YAML 1.2\na: 1\n", ["1:0-1:1 A document that starts with a directive (a line beginning with %) needs a \"---\" line after it, and a mapping or list cannot start on the \"---\" line itself. Add the \"---\" line, or move the content to the next line."]],
  ["MULTILINE_IMPLICIT_KEY", "a\nb: 1\n", ["0:0-1:1 A mapping key must fit on one line and be followed by \": \". Is a colon missing on this line or the one above, or is this line indented wrongly?"]],
  ["BLOCK_AS_IMPLICIT_KEY", "a:\n  - 1\n - 2\n", ["2:0-2:1 A mapping key must fit on one line and be followed by \": \". Is a colon missing on this line or the one above, or is this line indented wrongly?"]],
  ["UNEXPECTED_TOKEN (bracket)", "a: 1\n]\n", ["1:0-1:1 This closing bracket has no opening one. Remove it, or add the opening [ or {."]],
  ["UNEXPECTED_TOKEN (empty item)", "a: [1,,2]\n", ["0:6-0:7 A comma can stand here only inside […] or {…}. Remove it, or quote the value if the comma belongs to it."]],
  ["UNEXPECTED_TOKEN (block header)", "a: |x\n  b\n", ["0:4-0:5 Only an indentation digit and a chomping sign (+ or -) may follow the | or > of a block scalar on its line. Move the text to the next line, indented."]],
  ["UNEXPECTED_TOKEN (node end)", "a: \"x\" y\n", ["0:7-0:8 There is more text after the value on this line. Remove it, put it on its own line, or quote the whole value."]],
  ["BAD_ALIAS (empty anchor)", "a: & x\n", ["0:3-0:4 An anchor (&) or alias (*) needs a name. Write the name right after the & or *."]],
  ["BAD_ALIAS (unknown anchor)", "a: *nope\n", ["0:3-0:8 This alias (*name) refers to an anchor that is not defined before it. Define the anchor with &name earlier in the same document, or fix the name."]],
  ["BAD_DQ_ESCAPE", "a: \"\\q\"\n", ["0:4-0:5 This double-quoted string has an escape sequence YAML does not know (a backslash followed by an unexpected character). Write \\\\ for a backslash, or use single quotes."]],
  ["BAD_SCALAR_START (reserved)", "a: @x\n", ["0:3-0:4 A value without quotes cannot start with @ or ` (YAML reserves them). Quote the value."]],
  ["BAD_SCALAR_START (flow indicator)", "a: 1,\nb: ,\n", ["1:3-1:4 A value without quotes cannot start with a comma or a bracket ([ ] { }): they mark lists and mappings written inline. Quote the value, or remove the character."]],
  ["ALIAS_PROPS", "a: &x 1\nb: !!str *x\n", ["1:9-1:11 An alias (*name) cannot have its own anchor or tag. Remove the & or ! next to the alias."]],
  ["MULTIPLE_ANCHORS", "a: &x &y 1\n", ["0:6-0:8 This value has more than one anchor (&name). Keep one."]],
  ["MULTIPLE_TAGS", "a: !!str !!str 1\n", ["0:9-0:14 This value has more than one tag (!tag). Keep one."]],
  ["BLOCK_IN_FLOW", "a: [\n  - 1\n]\n", ["1:2-2:0 A block collection (\"- \" items or \"key: value\" lines) cannot be nested inside […] or {…}. Write the nested value in […]/{…} style too, or turn the outer value into block style."]],
  ["KEY_OVER_1024_CHARS", `${"k".repeat(1100)}: 1
`, ["0:0-0:1100 This mapping key is longer than the 1024 characters YAML allows for a key. Shorten it."]],
];

const JSON_CASES: Case[] = [
  ["InvalidSymbol (unquoted)", "{\"a\": abc}", ["0:6-0:9 Unquoted text where a value belongs: JSON strings must be in double quotes. Quote the value."]],
  ["InvalidSymbol (after string)", "{\"a\": \"x\"y\"}", ["0:9-0:10 Unquoted text right after a string: is a double quote inside the string missing its backslash? Write \\\" for a quote inside a string."]],
  ["UnexpectedEndOfNumber", "{\"a\": 1.}", ["0:6-0:8 This number is incomplete (a sign, decimal point or exponent with no digits after it). Complete it, or quote it if it is meant as text."]],
  ["PropertyNameExpected", "{\"a\": 1, 2: 3}", ["0:9-0:10 A property name in double quotes is expected here. Quote the key (\"name\": value), or remove the extra comma before it."]],
  ["ValueExpected", "{\"a\": }", ["0:6-0:7 A value is missing here. Write a value (a string in double quotes, a number, true, false, null, an object or a list), or remove the entry."]],
  ["ColonExpected", "{\"a\" 1}", ["0:5-0:6 A colon is missing after this property name. Write \"name\": value."]],
  ["CommaExpected", "{\"a\": 1 \"b\": 2}", ["0:8-0:11 A comma is missing between two entries. Add a comma after the previous value."]],
  ["CloseBraceExpected", "{\"a\": 1", ["0:7-0:7 This object is never closed. Add the closing \"}\" (or look for a missing comma or quote before this point)."]],
  ["CloseBracketExpected", "{\"a\": [1, 2", ["0:11-0:11 This list is never closed. Add the closing \"]\" (or look for a missing comma before this point)."]],
  ["EndOfFileExpected", "{\"a\": 1} {}", ["0:9-0:10 There is more text after the end of the JSON document. Remove it; a spec is one JSON object."]],
  ["InvalidCommentToken", "{\"a\": 1 // c\n}", ["0:8-0:12 Comment in a .json file: the API rejects JSON with comments (use .jsonc if a build step strips them)."]],
  ["UnexpectedEndOfString", "{\"a\": \"abc", ["0:6-0:10 This string is never closed. Add the closing double quote (inside a string, write \\\" for a quote)."]],
  ["InvalidUnicode", "{\"a\": \"\\u12\"}", ["0:6-0:12 This string has an invalid \\u escape: \\u must be followed by four hexadecimal digits. Fix the escape, or write the character itself."]],
  ["InvalidEscapeCharacter", "{\"a\": \"\\q\"}", ["0:6-0:10 This string has an invalid escape sequence: after a backslash JSON allows only \" \\ / b f n r t u. Write \\\\ for a backslash."]],
  ["InvalidCharacter", "{\"a\": \"a\tb\"}", ["0:6-0:11 This string contains a control character (a tab or a line break) that JSON requires to be escaped. Write \\t or \\n instead."]],
  ["trailing comma", "{\"a\": 1,}", ["0:7-0:8 Trailing comma in a .json file: the API rejects it; remove the comma."]],
];

const JSONC_CASES: Case[] = [
  ["UnexpectedEndOfComment", "{\"a\": 1} /* c", ["0:9-0:13 This comment is never closed. Add the closing \"*/\"."]],
];

function syntaxDiagnostics(text: string, fileName: string): string[] {
  return lintSync(text, { fileName, rules: [syntaxError] }).diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
  );
}

describe('YAML syntax messages', () => {
  it.each(YAML_CASES)('%s', async (_name, text, expected) => {
    await loadYamlParser();
    expect(syntaxDiagnostics(text, 'spec.yaml')).toEqual(expected);
  });

  it('has a sentence of its own, with the fix, for every yaml error code, and never passes the library text on', () => {
    for (const code of YAML_ERROR_CODES) {
      const library = `Library wording for ${code}: "login_password: hunter22"`;
      const ours = yamlMessage(code, library);
      expect(ours, code).not.toContain('hunter22');
      expect(ours, code).toMatch(/[.?]$/);
      expect(ours.split(/[.?] /).length, `${code}: says what is wrong and what to do`).toBeGreaterThanOrEqual(2);
    }
    expect(yamlMessage('SOME_FUTURE_CODE', 'x: secret')).toBe('This is not valid YAML. Check the indentation, colons and quotes of this line and the one above.');
  });
});

describe('JSON syntax messages', () => {
  it.each(JSON_CASES)('%s', (_name, text, expected) => {
    expect(syntaxDiagnostics(text, 'spec.json')).toEqual(expected);
  });
  it.each(JSONC_CASES)('%s (jsonc)', (_name, text, expected) => {
    expect(syntaxDiagnostics(text, 'spec.jsonc')).toEqual(expected);
  });
});
