/**
 * What each YAML syntax error means, in our words, with the fix. The yaml library's own messages are written for
 * library users ("Implicit map keys need to be followed by map values") and quote the source line (which may hold a
 * password); they are only used here to tell apart the cases one error code covers, and never reach the user.
 */
const MESSAGES: Record<string, string | Array<[RegExp, string]>> = {
  TAB_AS_INDENT: 'A tab is used for indentation here, and YAML allows only spaces there. Replace the tab with spaces.',
  BAD_INDENT: [
    [/sequence items must start at the same column/i, 'This list item does not line up with the items above it. Start every "-" of one list in the same column.'],
    [/flow/i, 'This line is inside a flow collection ([…] or {…}) that is not closed, or it is indented less than the key that holds the collection. Close the bracket, or indent the line further.'],
    [/block scalar|indentation indicator|less indented/i, 'This line of a block scalar (| or >) is indented less than the first line of the block. Indent every line of the block at least as far as its first line.'],
    [/.*/, 'This line is indented wrongly: it does not line up with the keys of the mapping it seems to belong to. Indent it like its sibling keys, with spaces.'],
  ],
  MISSING_CHAR: [
    [/Implicit map keys need to be followed/i, 'This key has no colon after it: a mapping key must be followed by ": " and its value. Add the colon, or quote the line if it is meant as part of a text.'],
    [/Sequence item without/i, 'This line is inside a list but does not start with "- ". Start the item with "- ", or indent the line under the item it belongs to.'],
    [/closing 'quote/i, "This single-quoted string is never closed. Add the closing ' (inside single quotes, write '' for a quote)."],
    [/closing "quote/i, 'This double-quoted string is never closed. Add the closing " (inside double quotes, write \\" for a quote).'],
    [/Missing space after :/i, 'Inside […] or {…}, a colon must be followed by a space. Add a space after ":", or quote the value if the colon belongs to it.'],
    [/Missing , or :|Missing , between/i, 'Two items of this flow collection ([…] or {…}) are not separated. Put a comma between them, and ": " between a key and its value.'],
    [/Comments must be separated/i, 'A "#" starts a comment only after a space, and here it touches the text before it. Add a space before "#", or quote the value if "#" belongs to it.'],
    [/Tags and anchors must be separated/i, 'A tag (!…) or anchor (&…) must be followed by a space before its value. Add a space after it.'],
    [/directives-end|doc-start|directives-end marker/i, 'A document that starts with a directive (a line beginning with %) needs a "---" line after it, and a mapping or list cannot start on the "---" line itself. Add the "---" line, or move the content to the next line.'],
    [/to end with|flow (map|sequence)/i, 'This flow collection ([…] or {…}) is never closed. Add the closing bracket.'],
    [/.*/, 'Something that YAML needs is missing here (a colon, a closing quote or bracket, or a space). Compare the line with the lines around it.'],
  ],
  BLOCK_AS_IMPLICIT_KEY: 'A mapping key must fit on one line and be followed by ": ". Is a colon missing on this line or the one above, or is this line indented wrongly?',
  MULTILINE_IMPLICIT_KEY: 'A mapping key must fit on one line and be followed by ": ". Is a colon missing on this line or the one above, or is this line indented wrongly?',
  DUPLICATE_KEY: 'This key is given more than once in the same mapping. Keep only one of them.',
  UNEXPECTED_TOKEN: [
    [/Block scalar header/i, 'Only an indentation digit and a chomping sign (+ or -) may follow the | or > of a block scalar on its line. Move the text to the next line, indented.'],
    [/Unexpected , in/i, 'A comma can stand here only inside […] or {…}. Remove it, or quote the value if the comma belongs to it.'],
    [/empty item/i, 'This flow collection has an empty item (two commas in a row?). Remove the extra comma.'],
    [/flow-(map|seq)-end|Unexpected [\]}]/i, 'This closing bracket has no opening one. Remove it, or add the opening [ or {.'],
    [/at node end/i, 'There is more text after the value on this line. Remove it, put it on its own line, or quote the whole value.'],
    [/flow scalar/i, 'A plain value is expected here. Quote the value, or fix the brackets around it.'],
    [/.*/, 'This text cannot stand here in YAML: it does not continue the mapping or list around it. Check this line\'s indentation, colon and quotes.'],
  ],
  TAG_RESOLVE_FAILED: 'This YAML tag is unknown, or the value does not fit it. acklint reads the YAML 1.2 core schema: remove the tag, or use !!str, !!int, !!float, !!bool, !!null, !!map or !!seq with a value of that type.',
  BAD_COLLECTION_TYPE: 'This tag does not fit the collection it is on (a mapping tag on a list, or a list tag on a mapping). Remove the tag.',
  BAD_ALIAS: [
    [/Unresolved alias|not found/i, 'This alias (*name) refers to an anchor that is not defined before it. Define the anchor with &name earlier in the same document, or fix the name.'],
    [/ending in :/i, 'An anchor or alias name ending in ":" is ambiguous. Put a space between the name and the colon.'],
    [/.*/, 'An anchor (&) or alias (*) needs a name. Write the name right after the & or *.'],
  ],
  BAD_DQ_ESCAPE: 'This double-quoted string has an escape sequence YAML does not know (a backslash followed by an unexpected character). Write \\\\ for a backslash, or use single quotes.',
  BAD_SCALAR_START: [
    [/flow indicator/i, 'A value without quotes cannot start with a comma or a bracket ([ ] { }): they mark lists and mappings written inline. Quote the value, or remove the character.'],
    [/reserved/i, 'A value without quotes cannot start with @ or ` (YAML reserves them). Quote the value.'],
    [/.*/, 'A value without quotes cannot start with this character. Quote the value.'],
  ],
  BAD_DIRECTIVE: 'This directive (a line starting with %) is unknown or malformed. Remove it; acklint reads YAML 1.2.',
  BAD_PROP_ORDER: 'An anchor (&name) or tag (!tag) is in the wrong place. Put it right before the value it belongs to, on the same line.',
  ALIAS_PROPS: 'An alias (*name) cannot have its own anchor or tag. Remove the & or ! next to the alias.',
  MULTIPLE_ANCHORS: 'This value has more than one anchor (&name). Keep one.',
  MULTIPLE_TAGS: 'This value has more than one tag (!tag). Keep one.',
  MULTIPLE_DOCS: 'Only one YAML document is expected here. Remove the "---" line, or split the file.',
  BLOCK_IN_FLOW: 'A block collection ("- " items or "key: value" lines) cannot be nested inside […] or {…}. Write the nested value in […]/{…} style too, or turn the outer value into block style.',
  KEY_OVER_1024_CHARS: 'This mapping key is longer than the 1024 characters YAML allows for a key. Shorten it.',
  NON_STRING_KEY: 'Only text keys are allowed in a CreateCluster body. Quote the key, or remove it.',
  RESOURCE_EXHAUSTION: 'Aliases in this document expand to too many nodes (an alias bomb?); they were not expanded. Write the values out, or use fewer nested aliases.',
  IMPOSSIBLE: 'The YAML parser cannot make sense of this part of the file. Check the indentation, colons and quotes of this line and the one above.',
};

const FALLBACK = 'This is not valid YAML. Check the indentation, colons and quotes of this line and the one above.';

/** Our sentence for a yaml library error: what is wrong, and how to fix it. Never quotes the source. */
export function yamlMessage(code: string, libraryMessage: string): string {
  const entry = Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined;
  if (entry === undefined) return FALLBACK;
  if (typeof entry === 'string') return entry;
  for (const [re, text] of entry) if (re.test(libraryMessage)) return text;
  return FALLBACK;
}

/** Every error code with a message of its own (tests check each one's wording). */
export const YAML_ERROR_CODES: readonly string[] = Object.keys(MESSAGES);
