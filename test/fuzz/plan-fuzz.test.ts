import path from 'node:path';

import fc from 'fast-check';
import { ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LayeredError } from '../../src/errors.js';
import { planDomain } from '../../src/generate/plan-domain.js';
import { findProject, type Project } from '../../src/project.js';
import { startFormatter } from '../../src/render/formatter.js';
import { parseDomainSpec } from '../../src/spec/index.js';
import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { acceptedFieldTokens, mutatedFieldTokens } from './arbitraries.js';

let project: Project;

beforeAll(async () => {
  const dir = path.join(await tempDir('fuzz'), 'shop');
  expect((await runCli(['init', dir, '--no-install'])).exitCode).toBe(0);
  expect((await runCli(['new', 'customer', 'name:string', '--cwd', dir])).exitCode).toBe(0);
  project = await findProject(dir);
});
afterAll(removeTempDirs);

function syntaxErrors(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('layered new, fuzzed', () => {
  it('plans every accepted spec into files that parse, with both registrations and no conflicts', async () => {
    await fc.assert(
      fc.asyncProperty(acceptedFieldTokens, async (tokens) => {
        const spec = await parseDomainSpec({ name: 'widget', tokens });
        const { tree, registrations } = await planDomain(project, spec, { force: false, tests: true, formatter: startFormatter() });

        expect(tree.conflicts()).toEqual([]);
        expect(registrations.map((r) => r.changed)).toEqual([true, true]);
        const errors = tree
          .changes()
          .filter((change) => change.kind !== 'delete' && change.path.endsWith('.ts'))
          .flatMap((change) => syntaxErrors(change.path, (change as { content: string }).content));
        expect(errors).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('refuses every mutated spec with a LayeredError that names a fix, before planning anything', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFieldTokens, async (tokens) => {
        const refusal = await parseDomainSpec({ name: 'widget', tokens }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(refusal).toBeInstanceOf(LayeredError);
        expect((refusal as LayeredError).exitCode).toBe(1);
        expect((refusal as LayeredError).hint).toBeTruthy();
      }),
      { numRuns: 2000 },
    );
  });
});
