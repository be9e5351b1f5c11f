import { access } from 'node:fs/promises';
import path from 'node:path';

import { LayeredError } from '../errors.js';
import type { TemplateOrigin } from '../manifest.js';
import { typescript } from '../typescript.js';

/*
 * Project-owned templates. A file at `.layered/templates/<path>` replaces the built-in domain
 * template at `templates/domain/<path>`; every other template still comes from the CLI, so a
 * team overrides only what it changes (`layered templates eject <path>` copies one out).
 * Overrides are validated before anything is formatted or written: a Handlebars error names
 * the override and its line; a `.ts` output that does not parse names the override and the
 * line of the rendered file. Built-ins are not parsed: their tests already do that.
 * The manifest records each file's origin: `{ kind: 'built-in', cliVersion }` or
 * `{ kind: 'override', sha256 }` (the hash of the override's source).
 */

/** Where a project keeps its own domain templates, at the same relative paths as the built-ins. */
export const OVERRIDES_DIR = '.layered/templates';


/** The override root of a project, or undefined when it has none. */
export async function overrideRoot(projectRoot: string): Promise<string | undefined> {
  const dir = path.join(projectRoot, OVERRIDES_DIR);
  return access(dir).then(
    () => dir,
    () => undefined,
  );
}

/** How the manifest records a file's template (`cliVersion` for a built-in). */
export function templateOrigin(file: { sourceSha256: string; override?: { sha256: string } | undefined }, cliVersion: string): TemplateOrigin {
  return file.override === undefined ? { kind: 'built-in', cliVersion, sha256: file.sourceSha256 } : { kind: 'override', sha256: file.override.sha256 };
}

/**
 * The 1-based line a Handlebars error points at: runtime errors carry `lineNumber`, parse
 * errors only say it in their message ("Parse error on line 4:").
 */
export function handlebarsErrorLine(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { lineNumber } = error as { lineNumber?: unknown };
  if (typeof lineNumber === 'number') return lineNumber;
  const match = /Parse error on line (\d+)/.exec((error as { message?: unknown }).message as string);
  return match ? Number(match[1]) : undefined;
}

/**
 * Refuses an override whose rendered `.ts` output does not parse, naming the override and the
 * line of the rendered file (with the line itself), before anything is formatted or written.
 * ts-morph's TypeScript is loaded only when an override renders TypeScript.
 *
 * @example await assertOverridesParse([{ path: 'src/product/product.dto.ts', content, override: '.layered/templates/...' }]);
 */
export async function assertOverridesParse(files: Array<{ path: string; content: string; override?: string | undefined }>): Promise<void> {
  const targets = files.filter((file) => file.override !== undefined && file.path.endsWith('.ts'));
  if (targets.length === 0) return;
  const ts = typescript();
  for (const file of targets) {
    const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const diagnostics = (source as unknown as { parseDiagnostics: Array<{ start: number; messageText: string | object }> }).parseDiagnostics;
    const first = diagnostics[0];
    if (!first) continue;
    const { line } = source.getLineAndCharacterOfPosition(first.start);
    const text = file.content.split(/\r?\n/)[line] ?? '';
    const message = ts.flattenDiagnosticMessageText(first.messageText as string, ' ');
    throw new LayeredError(
      'TEMPLATE_OVERRIDE_INVALID_TS',
      `Override ${file.override} renders ${file.path}, which is not valid TypeScript: line ${line + 1}: ${message}\n  ${line + 1} | ${text}`,
      {
        hint: `Fix ${file.override} (or delete it to use the built-in template); nothing was written.`,
        exitCode: 1,
        file: file.override,
      },
    );
  }
}
