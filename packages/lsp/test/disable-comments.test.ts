import { describe, expect, it } from 'vitest';
import { SourceText } from '@acklint/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { disableCommentEdit } from '../src/disable-comments.js';

const apply = (text: string, format: 'yaml' | 'jsonc' | 'json', rule: string, line: number, scope: 'line' | 'file') => {
  const edit = disableCommentEdit(new SourceText(text), format, rule, line, scope, text.startsWith('\uFEFF'));
  return edit && TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), [edit]);
};

describe('disable comments', () => {
  it('puts a disable-next-line comment above the finding, indented like it', () => {
    expect(apply('a: 1\nnodepools:\n  - name: x\n', 'yaml', 'r1', 2, 'line')).toBe('a: 1\nnodepools:\n  # acklint-disable-next-line r1\n  - name: x\n');
    expect(apply('{\n  "a": 1\n}\n', 'jsonc', 'r1', 1, 'line')).toBe('{\n  // acklint-disable-next-line r1\n  "a": 1\n}\n');
  });

  it('merges ids into a comment that is already there, and adds nothing twice', () => {
    expect(apply('# acklint-disable-next-line r1 -- why\na: 1\n', 'yaml', 'r2', 1, 'line')).toBe('# acklint-disable-next-line r1, r2 -- why\na: 1\n');
    expect(apply('# acklint-disable-next-line r1\na: 1\n', 'yaml', 'r1', 1, 'line')).toBeUndefined();
  });

  it('disables for the file on the first line, after a byte-order mark, keeping CRLF', () => {
    expect(apply('\uFEFFa: 1\r\n', 'yaml', 'r1', 0, 'file')).toBe('\uFEFF# acklint-disable r1\r\na: 1\r\n');
    expect(apply('# acklint-disable r1\na: 1\n', 'yaml', 'r2', 0, 'file')).toBe('# acklint-disable r1, r2\na: 1\n');
  });

  it('offers nothing for strict JSON', () => {
    expect(apply('{"a": 1}', 'json', 'r1', 0, 'line')).toBeUndefined();
  });
});
