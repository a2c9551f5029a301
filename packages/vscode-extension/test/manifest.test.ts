import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The extension's manifest and its sources agree: what VS Code shows is what the code handles. */
const here = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const sources = readdirSync(join(here, 'src'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(here, 'src', f), 'utf8'))
  .join('\n');

describe('VS Code extension manifest', () => {
  it('declares exactly the commands the extension registers, each titled "acklint: …" in the palette', () => {
    const registered = [...sources.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(declared).toEqual(registered);
    for (const c of manifest.contributes.commands) expect(c.category).toBe('acklint');
    // The server's own command is registered by the language client; a declaration would clash with it.
    expect(declared).not.toContain('acklint.applyFixAll');
  });

  it('has a setting for each key of the server settings section, plus the trace level', () => {
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(['acklint.enable', 'acklint.inventory', 'acklint.rules', 'acklint.trace.server']);
    expect(manifest.contributes.configuration.properties['acklint.rules'].additionalProperties.enum).toEqual(['off', 'info', 'warning', 'error']);
  });

  it('activates on JSON, JSONC and YAML documents and on workspaces with an acklint config', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:json', 'onLanguage:jsonc', 'onLanguage:yaml', 'workspaceContains:**/.acklint.{yaml,yml,json}']);
  });

  it('validates every config file name the core accepts with the config schema', async () => {
    const { CONFIG_FILE_NAMES } = await import('@acklint/core');
    const matched = [manifest.contributes.jsonValidation, manifest.contributes.yamlValidation].flatMap((list: { fileMatch: string | string[]; url: string }[]) =>
      list.flatMap((v) => {
        expect(v.url).toBe('./dist/config.schema.json');
        return [v.fileMatch].flat();
      }),
    );
    expect(matched.sort()).toEqual([...CONFIG_FILE_NAMES].sort());
  });

  it('names its engine as vscode-languageclient 11 needs, and types no newer than it', () => {
    expect(manifest.engines.vscode).toBe('^1.91.0');
    expect(manifest.devDependencies['@types/vscode']).toBe('~1.91.0');
  });
});
